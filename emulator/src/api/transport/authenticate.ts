// Checks a request's signature against the emulator's local credentials, with the services'
// error codes: RPC v1 (HMAC-SHA1 over the parameters), ACS3 (Authorization header), TC3 and
// Tencent's v1 (HmacSHA1/HmacSHA256 over the parameters).
import { createHmac } from 'node:crypto';
import { acs3Verify, parseAcs3Authorization } from '../../../../cloud/src/signing/acs3';
import { rpcV1Verify } from '../../../../cloud/src/signing/rpcV1';
import { parseTc3Authorization, tc3Verify } from '../../../../cloud/src/signing/tc3';
import type { ClassifiedRequest } from './classify';
import { MAX_CLOCK_SKEW_MS, MAX_TC3_SKEW_MS, rpcErrors, tc3Errors, type SignInErrors } from './errors';
import type { ReceivedRequest } from './request';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/**
 * Throws the service's ApiError when the request is not signed with the local credentials.
 * `errors` are the product's sign-in errors for Alibaba signatures (fnf's by default).
 */
export function authenticate(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number, errors: SignInErrors = rpcErrors): string {
  switch (c.signing) {
    case 'rpc-v1':
      return checkRpcV1(req, c, creds, now, errors);
    case 'acs3':
      return checkAcs3(req, creds, now, errors);
    case 'tc3':
      return checkTc3(req, creds, now);
    case 'tc-v1':
      return checkTencentV1(req, creds, now);
  }
}

function checkRpcV1(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number, errors: SignInErrors): string {
  const params = c.params as Record<string, string>;
  const id = params['AccessKeyId'];
  if (!id) throw errors.missingParam('AccessKeyId');
  if (!params['Signature']) throw errors.missingParam('Signature');
  if (id !== creds.accessKeyId) throw errors.invalidAccessKeyId(id);
  const timestamp = params['Timestamp'];
  if (!timestamp) throw errors.missingParam('Timestamp');
  checkSkew(timestamp, now, errors);
  if (!rpcV1Verify(req.method, params, creds.accessKeySecret)) throw errors.signatureNotMatch();
  return id;
}

function checkAcs3(req: ReceivedRequest, creds: LocalCredentials, now: number, errors: SignInErrors): string {
  const auth = parseAcs3Authorization(req.headers['authorization'] ?? '');
  if (!auth) throw errors.signatureNotMatch();
  if (auth.accessKeyId !== creds.accessKeyId) throw errors.invalidAccessKeyId(auth.accessKeyId);
  const date = req.headers['x-acs-date'];
  if (!date) throw errors.missingHeader('x-acs-date');
  checkSkew(date, now, errors);
  const ok = acs3Verify(
    { method: req.method, pathname: req.pathname, query: req.query, headers: req.headers, body: req.body },
    creds.accessKeySecret,
  );
  if (!ok) throw errors.signatureNotMatch();
  return auth.accessKeyId;
}

function checkSkew(timestamp: string, now: number, errors: SignInErrors): void {
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) {
    throw errors.invalidArgument(`Timestamp '${timestamp}' is not an ISO 8601 UTC time like 2024-01-01T00:00:00Z.`);
  }
  if (Math.abs(at - now) > MAX_CLOCK_SKEW_MS) {
    throw errors.timeTooSkewed(timestamp, new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
}

const TENCENT_V1_HASHES: Readonly<Record<string, string>> = { HmacSHA1: 'sha1', HmacSHA256: 'sha256' };

/**
 * Tencent's v1 signature: base64(HMAC(secret, METHOD + host + path + "?" + sorted k=v&...)) over
 * every parameter but Signature, values as sent (not encoded); HmacSHA1 unless SignatureMethod says otherwise.
 */
function checkTencentV1(req: ReceivedRequest, creds: LocalCredentials, now: number): string {
  const params: Record<string, string> = { ...req.query, ...req.form };
  const id = params['SecretId'] ?? '';
  const signature = params['Signature'];
  if (!signature) throw tc3Errors.missingParameter('Signature');
  const hash = TENCENT_V1_HASHES[params['SignatureMethod'] ?? 'HmacSHA1'];
  if (!hash) throw tc3Errors.invalidParameter(`SignatureMethod '${params['SignatureMethod']}' is not HmacSHA1 or HmacSHA256.`);
  if (id !== creds.accessKeyId) throw tc3Errors.secretIdNotFound(id);
  const stamp = params['Timestamp'] ?? '';
  const seconds = Number(stamp);
  if (!/^\d+$/.test(stamp)) throw tc3Errors.missingParameter('Timestamp');
  if (Math.abs(seconds * 1000 - now) > MAX_TC3_SKEW_MS) throw tc3Errors.signatureExpire(stamp, now);
  const signed = Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${k}=${params[k]}`).join('&');
  const text = `${req.method}${req.headers['host'] ?? ''}${req.pathname}?${signed}`;
  const expected = createHmac(hash, creds.accessKeySecret).update(text, 'utf8').digest('base64');
  if (expected !== signature) throw tc3Errors.signatureFailure();
  return id;
}

function checkTc3(req: ReceivedRequest, creds: LocalCredentials, now: number): string {
  const auth = parseTc3Authorization(req.headers['authorization'] ?? '');
  if (!auth) throw tc3Errors.signatureFailure();
  if (auth.secretId !== creds.accessKeyId) throw tc3Errors.secretIdNotFound(auth.secretId);
  const stamp = req.headers['x-tc-timestamp'];
  if (!stamp) throw tc3Errors.missingParameter('X-TC-Timestamp');
  const seconds = Number(stamp);
  if (!Number.isInteger(seconds)) throw tc3Errors.invalidParameter(`X-TC-Timestamp '${stamp}' must be UNIX seconds.`);
  if (Math.abs(seconds * 1000 - now) > MAX_TC3_SKEW_MS) throw tc3Errors.signatureExpire(stamp, now);
  const ok = tc3Verify(
    { method: req.method, query: req.rawQuery, headers: req.headers, payload: req.body, timestamp: seconds },
    creds.accessKeySecret,
  );
  if (!ok) throw tc3Errors.signatureFailure();
  return auth.secretId;
}
