// Transport-level errors with the services' documented codes, statuses and message templates
// (fnf metadata 2024-07-30). For TC3 the codes are Tencent's common ones; their messages
// are the emulator's own wording.
import { ApiError } from '../product';

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

export const tc3Errors = {
  signatureFailure: () =>
    new ApiError(401, 'AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.'),
  secretIdNotFound: (id: string) =>
    new ApiError(401, 'AuthFailure.SecretIdNotFound', `The SecretId ${id} is not found, please ensure that your SecretId is correct.`),
  signatureExpire: (timestamp: string, now: number) =>
    new ApiError(
      401,
      'AuthFailure.SignatureExpire',
      `Signature expired. Timestamp ${timestamp} is more than 5 minutes away from the server time ${Math.floor(now / 1000)}.`,
    ),
  missingParameter: (name: string) => new ApiError(400, 'MissingParameter', `The request is missing a required parameter \`${name}\`.`),
  invalidParameter: (detail: string) => new ApiError(400, 'InvalidParameter', detail),
  unsupportedVersion: (version: string) => new ApiError(400, 'NoSuchVersion', `The requested version \`${version}\` is not supported.`),
  throttled: () => new ApiError(429, 'RequestLimitExceeded', 'The request rate exceeds the frequency limit. Please reduce the frequency of calls and retry.'),
  internal: () => new ApiError(500, 'InternalError', 'An internal error has occurred. Please retry.'),
  storageUnavailable: () =>
    new ApiError(503, 'ResourceUnavailable', 'The emulator cannot write its data folder (is the disk full?); nothing was changed. Free space, then retry.'),
};
