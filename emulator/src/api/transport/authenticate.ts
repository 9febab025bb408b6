// Checks a request's signature against the emulator's local credentials, with the services'
// error codes: RPC v1 (HMAC-SHA1 over the parameters), ACS3 (Authorization header) and TC3.
import { acs3Verify, parseAcs3Authorization } from '../../../../cloud/src/signing/acs3';
import { rpcV1Verify } from '../../../../cloud/src/signing/rpcV1';
import { parseTc3Authorization, tc3Verify } from '../../../../cloud/src/signing/tc3';
import type { ClassifiedRequest } from './classify';
import { MAX_CLOCK_SKEW_MS, MAX_TC3_SKEW_MS, rpcErrors, tc3Errors } from './errors';
import type { NonceRegistry } from './nonces';
import type { ReceivedRequest } from './request';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Throws the service's ApiError when the request is not signed with the local credentials. */
export function authenticate(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number, nonces: NonceRegistry): string {
  switch (c.signing) {
    case 'rpc-v1':
      return checkRpcV1(req, c, creds, now, nonces);
    case 'acs3':
      return checkAcs3(req, creds, now, nonces);
    case 'tc3':
      return checkTc3(req, creds, now);
  }
}

function checkRpcV1(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number, nonces: NonceRegistry): string {
  const params = c.params as Record<string, string>;
  const id = params['AccessKeyId'];
  if (!id) throw rpcErrors.missingParam('AccessKeyId');
  if (!params['Signature']) throw rpcErrors.missingParam('Signature');
  if (id !== creds.accessKeyId) throw rpcErrors.invalidAccessKeyId(id);
  const timestamp = params['Timestamp'];
  if (!timestamp) throw rpcErrors.missingParam('Timestamp');
  const signedAt = checkSkew(timestamp, now);
  // Signature v1 is HMAC-SHA1 only: a request naming another method was not signed the way it says.
  const method = params['SignatureMethod'];
  if (!method) throw rpcErrors.missingParam('SignatureMethod');
  if (method !== 'HMAC-SHA1') throw rpcErrors.signatureMethod(method);
  const version = params['SignatureVersion'];
  if (version !== undefined && version !== '1.0') throw rpcErrors.signatureVersion(version);
  const nonce = params['SignatureNonce'];
  if (!nonce) throw rpcErrors.missingParam('SignatureNonce');
  if (!rpcV1Verify(req.method, params, creds.accessKeySecret)) throw rpcErrors.signatureNotMatch();
  if (!nonces.use(id, nonce, signedAt, now)) throw rpcErrors.nonceUsed(nonce);
  return id;
}

/** Headers an ACS3 signature must cover, or a replay could change them freely. */
const ACS3_REQUIRED_SIGNED = ['x-acs-date', 'x-acs-signature-nonce'];

export function checkAcs3(req: ReceivedRequest, creds: LocalCredentials, now: number, nonces: NonceRegistry): string {
  const auth = parseAcs3Authorization(req.headers['authorization'] ?? '');
  if (!auth) throw rpcErrors.signatureNotMatch();
  if (auth.accessKeyId !== creds.accessKeyId) throw rpcErrors.invalidAccessKeyId(auth.accessKeyId);
  const date = req.headers['x-acs-date'];
  if (!date) throw rpcErrors.missingHeader('x-acs-date');
  const signedAt = checkSkew(date, now);
  const nonce = req.headers['x-acs-signature-nonce'];
  if (!nonce) throw rpcErrors.missingHeader('x-acs-signature-nonce');
  for (const h of ACS3_REQUIRED_SIGNED) if (!auth.signedHeaders.includes(h)) throw rpcErrors.unsignedHeader(h);
  const ok = acs3Verify(
    { method: req.method, pathname: req.pathname, query: req.query, headers: req.headers, body: req.body },
    creds.accessKeySecret,
  );
  if (!ok) throw rpcErrors.signatureNotMatch();
  if (!nonces.use(auth.accessKeyId, nonce, signedAt, now)) throw rpcErrors.nonceUsed(nonce);
  return auth.accessKeyId;
}

/** `YYYY-MM-DDThh:mm:ssZ` (UTC), as the services document it; milliseconds are tolerated. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The signing time in milliseconds, once it is well formed and within the allowed skew. */
function checkSkew(timestamp: string, now: number): number {
  const at = ISO_UTC.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) throw rpcErrors.timestampFormat(timestamp);
  if (Math.abs(at - now) > MAX_CLOCK_SKEW_MS) {
    throw rpcErrors.timeTooSkewed(timestamp, new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  return at;
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
