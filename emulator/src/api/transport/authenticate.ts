// Checks a request's signature against the emulator's local credentials, with the services'
// error codes: RPC v1 (HMAC-SHA1 over the parameters), ACS3 (Authorization header), TC3 and
// Tencent's v1 (HmacSHA1/HmacSHA256 over the parameters).
import { createHmac } from 'node:crypto';
import {
  acs3Verify,
  parseAcs3Authorization,
  rpcV1Verify,
  parseTc3Authorization,
  tc3Verify,
} from '../../../../cloud/src/signing';
import type { ClassifiedRequest } from './classify';
import type { SignInErrors } from '../product';
import { MAX_CLOCK_SKEW_MS, MAX_TC3_SKEW_MS, rpcErrors, tc3Errors } from './errors';
import type { NonceRegistry, NonceVerdict } from './nonces';
import type { ReceivedRequest } from './request';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/**
 * Throws the service's ApiError when the request is not signed with the local credentials, or
 * replays a nonce already used. `errors` are the product's sign-in errors for Alibaba signatures
 * (fnf's by default).
 */
export function authenticate(
  req: ReceivedRequest,
  c: ClassifiedRequest,
  creds: LocalCredentials,
  now: number,
  nonces: NonceRegistry,
  errors: SignInErrors = rpcErrors,
): string {
  switch (c.signing) {
    case 'rpc-v1':
      return checkRpcV1(req, c, creds, now, nonces, errors);
    case 'acs3':
      return checkAcs3(req, creds, now, nonces, errors);
    case 'tc3':
      return checkTc3(req, creds, now);
    case 'tc-v1':
      return checkTencentV1(req, creds, now);
  }
}

function checkRpcV1(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number, nonces: NonceRegistry, errors: SignInErrors): string {
  const params = c.params as Record<string, string>;
  const id = params['AccessKeyId'];
  if (!id) throw errors.missingParam('AccessKeyId');
  if (!params['Signature']) throw errors.missingParam('Signature');
  if (id !== creds.accessKeyId) throw errors.invalidAccessKeyId(id);
  const timestamp = params['Timestamp'];
  if (!timestamp) throw errors.missingParam('Timestamp');
  const signedAt = checkSkew(timestamp, now, errors);
  // Signature v1 is HMAC-SHA1 only: a request naming another method was not signed the way it says.
  const method = params['SignatureMethod'];
  if (!method) throw errors.missingParam('SignatureMethod');
  if (method !== 'HMAC-SHA1') throw rpcErrors.signatureMethod(method);
  const version = params['SignatureVersion'];
  if (version !== undefined && version !== '1.0') throw rpcErrors.signatureVersion(version);
  const nonce = params['SignatureNonce'];
  if (!nonce) throw errors.missingParam('SignatureNonce');
  if (!rpcV1Verify(req.method, params, creds.accessKeySecret)) throw errors.signatureNotMatch();
  checkNonce(nonces.use(id, nonce, signedAt, now), nonce);
  return id;
}

/** Refuses a replayed nonce, or any new one while the registry is full of nonces still in their window. */
function checkNonce(verdict: NonceVerdict, nonce: string): void {
  if (verdict.accepted) return;
  if (verdict.reason === 'replayed') throw rpcErrors.nonceUsed(nonce);
  throw rpcErrors.noncesExhausted(verdict.retryAfterSeconds);
}

/** Headers an ACS3 signature must cover, or a replay could change them freely. */
const ACS3_REQUIRED_SIGNED = ['x-acs-date', 'x-acs-signature-nonce'];

export function checkAcs3(req: ReceivedRequest, creds: LocalCredentials, now: number, nonces: NonceRegistry, errors: SignInErrors = rpcErrors): string {
  const auth = parseAcs3Authorization(req.headers['authorization'] ?? '');
  if (!auth) throw errors.signatureNotMatch();
  if (auth.accessKeyId !== creds.accessKeyId) throw errors.invalidAccessKeyId(auth.accessKeyId);
  const date = req.headers['x-acs-date'];
  if (!date) throw errors.missingHeader('x-acs-date');
  const signedAt = checkSkew(date, now, errors);
  const nonce = req.headers['x-acs-signature-nonce'];
  if (!nonce) throw errors.missingHeader('x-acs-signature-nonce');
  for (const h of ACS3_REQUIRED_SIGNED) if (!auth.signedHeaders.includes(h)) throw rpcErrors.unsignedHeader(h);
  const ok = acs3Verify(
    { method: req.method, pathname: req.pathname, query: req.query, headers: req.headers, body: req.body },
    creds.accessKeySecret,
  );
  if (!ok) throw errors.signatureNotMatch();
  checkNonce(nonces.use(auth.accessKeyId, nonce, signedAt, now), nonce);
  return auth.accessKeyId;
}

/** `YYYY-MM-DDThh:mm:ssZ` (UTC), as the services document it; milliseconds are tolerated. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The signing time in milliseconds, once it is well formed and within the allowed skew. */
function checkSkew(timestamp: string, now: number, errors: SignInErrors): number {
  const at = signedTime(timestamp);
  if (Number.isNaN(at)) throw rpcErrors.timestampFormat(timestamp);
  if (Math.abs(at - now) > MAX_CLOCK_SKEW_MS) {
    throw errors.timeTooSkewed(timestamp, new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  return at;
}

/** A well-formed timestamp's milliseconds, NaN for any other text. */
function signedTime(timestamp: string): number {
  // The SDKs sign in whole seconds, so a busy second's requests share one text, and Date.parse
  // (about 2 µs a request under load) runs once for them all.
  if (timestamp !== lastTimestamp.text) lastTimestamp = { text: timestamp, at: ISO_UTC.test(timestamp) ? Date.parse(timestamp) : Number.NaN };
  return lastTimestamp.at;
}

let lastTimestamp = { text: '', at: Number.NaN };

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
