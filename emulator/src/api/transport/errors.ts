// Transport-level errors with the services' documented codes, statuses and message templates
// (fnf metadata 2024-07-30). For TC3 the codes are Tencent's common ones; their messages
// are the emulator's own wording.
import { ApiError, type SignInErrors } from '../product';

/** The largest request the service accepts: "API request size 1,024 KiB". */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** How far a request's timestamp may be from the emulator's clock (the gateways' 15 minutes). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** Tencent rejects a TC3 request whose X-TC-Timestamp is more than 5 minutes off. */
export const MAX_TC3_SKEW_MS = 5 * 60 * 1000;

export const rpcErrors = {
  entityTooLarge: (bytes: number) =>
    new ApiError(400, 'EntityTooLarge', `The payload size exceeds maximum allowed size (${bytes} bytes).`),
  missingParam: (name: string) => new ApiError(400, 'MissingRequiredParams', `The HTTP query '${name}' must be specified.`),
  missingHeader: (name: string) => new ApiError(400, 'MissingRequiredHeader', `The HTTP header '${name}' must be specified.`),
  invalidArgument: (detail: string) => new ApiError(400, 'InvalidArgument', `Parameter error. ${detail}`),
  versionNotSupported: (version: string) =>
    new ApiError(400, 'APIVersionNotSupported', `The requested API version '${version}' is not supported yet. Please check.`),
  invalidAccessKeyId: (id: string) => new ApiError(403, 'InvalidAccessKeyID', `The AccessKey ID ${id} is invalid.`),
  signatureNotMatch: () =>
    new ApiError(
      403,
      'SignatureNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your access key and signing method.',
    ),
  timeTooSkewed: (requestTime: string, now: string) =>
    new ApiError(403, 'RequestTimeTooSkewed', `The difference between the request time ${requestTime} and the current time ${now} is too large.`),
  throttled: () => new ApiError(429, 'ResourceThrottled', 'The request is throttled. Please try again later.'),
  nonceUsed: (nonce: string) =>
    new ApiError(400, 'SignatureNonceUsed', `The SignatureNonce ${nonce} was used already. Sign every request, retries included, with a new nonce (a UUID).`),
  noncesExhausted: (retryAfterSeconds: number) =>
    new ApiError(
      503,
      'ServiceUnavailable',
      `The emulator remembers as many signature nonces as it can and each is still inside its 15-minute window; it refuses new requests rather than forget one that could then be replayed. Retry in ${retryAfterSeconds} s, or send fewer requests.`,
    ),
  signatureMethod: (method: string) =>
    new ApiError(400, 'InvalidSignatureMethod', `SignatureMethod '${method}' is not supported: signature version 1.0 is HMAC-SHA1.`),
  signatureVersion: (version: string) =>
    new ApiError(400, 'InvalidSignatureVersion', `SignatureVersion '${version}' is not supported: send 1.0.`),
  timestampFormat: (timestamp: string) =>
    new ApiError(400, 'InvalidTimeStamp.Format', `The timestamp '${timestamp}' is not well formatted: give a UTC time like 2024-01-01T00:00:00Z.`),
  unsignedHeader: (name: string) =>
    new ApiError(400, 'IncompleteSignature', `The header '${name}' must be listed in SignedHeaders, or the request could be replayed with another value.`),
  internal: () => new ApiError(500, 'InternalServerError', 'An internal error has occurred. Please retry.'),
  storageUnavailable: () =>
    new ApiError(503, 'ServiceUnavailable', 'The emulator cannot write its data folder (is the disk full?); nothing was changed. Free space, then retry.'),
};

/**
 * The OpenAPI gateway's sign-in errors, which CAMS answers with instead of fnf's (the shared
 * client-error list, help.aliyun.com/document_detail/51132, quoted in research/whatsapp-tencent.md B.3).
 */
export const popGatewayErrors: SignInErrors = {
  missingParam: (name) => new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`),
  missingHeader: (name) => new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`),
  invalidArgument: (detail) => new ApiError(400, 'InvalidTimeStamp.Format', `Specified time stamp or date value is not well formatted. ${detail}`),
  invalidAccessKeyId: () => new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  signatureNotMatch: () => new ApiError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.'),
  timeTooSkewed: () => new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
};

/**
 * A Tencent error: `en` is the en-US message, `zh` the zh-CN one (Tencent's default language).
 * Codes and wording from Tencent Cloud API 3.0's common error list (e.g. tencentcloud.com/document/api/607/42263).
 */
export function tencentError(status: number, code: string, en: string, zh: string): ApiError {
  return new ApiError(status, code, en, { 'zh-CN': zh });
}

/** Tencent answers in Chinese unless the caller asks for `en-US`. */
export const TENCENT_DEFAULT_LANGUAGE = 'zh-CN';

export const tc3Errors = {
  signatureFailure: () =>
    tencentError(401, 'AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.', '签名错误。签名计算错误，请对照调用方式中的签名方法文档检查签名计算过程。'),
  secretIdNotFound: (id: string) =>
    tencentError(401, 'AuthFailure.SecretIdNotFound', `The SecretId ${id} is not found, please ensure that your SecretId is correct.`, `密钥不存在。请检查密钥 ${id} 是否正确。`),
  signatureExpire: (timestamp: string, now: number) =>
    tencentError(
      401,
      'AuthFailure.SignatureExpire',
      `Signature expired. Timestamp ${timestamp} is more than 5 minutes away from the server time ${Math.floor(now / 1000)}.`,
      `签名过期。时间戳 ${timestamp} 与服务器时间 ${Math.floor(now / 1000)} 相差超过五分钟。`,
    ),
  missingParameter: (name: string) =>
    tencentError(400, 'MissingParameter', `The request is missing a required parameter \`${name}\`.`, `缺少参数错误：缺少必填参数 \`${name}\`。`),
  invalidParameter: (detail: string) => tencentError(400, 'InvalidParameter', detail, `参数错误。${detail}`),
  unsupportedVersion: (version: string) =>
    tencentError(400, 'NoSuchVersion', `The requested version \`${version}\` is not supported.`, `接口版本不存在：\`${version}\`。`),
  invalidAction: (action: string) =>
    tencentError(400, 'InvalidAction', `The API \`${action}\` does not exist.`, `接口不存在：\`${action}\`。`),
  throttled: () =>
    tencentError(429, 'RequestLimitExceeded', 'The request rate exceeds the frequency limit. Please reduce the frequency of calls and retry.', '请求的次数超过了频率限制。'),
  internal: () => tencentError(500, 'InternalError', 'An internal error has occurred. Please retry.', '内部错误。'),
  storageUnavailable: () =>
    tencentError(503, 'ResourceUnavailable', 'The emulator cannot write its data folder (is the disk full?); nothing was changed. Free space, then retry.', '模拟器无法写入其数据目录（磁盘已满？），未做任何更改。请释放空间后重试。'),
};
