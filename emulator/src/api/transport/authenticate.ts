// Checks a request's signature against the emulator's local credentials, with the services'
// error codes: RPC v1 (HMAC-SHA1 over the parameters), ACS3 (Authorization header) and TC3.
import { acs3Verify, parseAcs3Authorization } from '../../../../cloud/src/signing/acs3';
import { rpcV1Verify } from '../../../../cloud/src/signing/rpcV1';
import { parseTc3Authorization, tc3Verify } from '../../../../cloud/src/signing/tc3';
import type { ClassifiedRequest } from './classify';
import { MAX_CLOCK_SKEW_MS, MAX_TC3_SKEW_MS, rpcErrors, tc3Errors } from './errors';
import type { ReceivedRequest } from './request';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Throws the service's ApiError when the request is not signed with the local credentials. */
export function authenticate(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number): string {
  switch (c.signing) {
    case 'rpc-v1':
      return checkRpcV1(req, c, creds, now);
    case 'acs3':
      return checkAcs3(req, creds, now);
    case 'tc3':
      return checkTc3(req, creds, now);
  }
}

function checkRpcV1(req: ReceivedRequest, c: ClassifiedRequest, creds: LocalCredentials, now: number): string {
  const params = c.params as Record<string, string>;
  const id = params['AccessKeyId'];
  if (!id) throw rpcErrors.missingParam('AccessKeyId');
  if (!params['Signature']) throw rpcErrors.missingParam('Signature');
  if (id !== creds.accessKeyId) throw rpcErrors.invalidAccessKeyId(id);
  const timestamp = params['Timestamp'];
  if (!timestamp) throw rpcErrors.missingParam('Timestamp');
  checkSkew(timestamp, now);
  if (!rpcV1Verify(req.method, params, creds.accessKeySecret)) throw rpcErrors.signatureNotMatch();
  return id;
}

function checkAcs3(req: ReceivedRequest, creds: LocalCredentials, now: number): string {
  const auth = parseAcs3Authorization(req.headers['authorization'] ?? '');
  if (!auth) throw rpcErrors.signatureNotMatch();
  if (auth.accessKeyId !== creds.accessKeyId) throw rpcErrors.invalidAccessKeyId(auth.accessKeyId);
  const date = req.headers['x-acs-date'];
  if (!date) throw rpcErrors.missingHeader('x-acs-date');
  checkSkew(date, now);
  const ok = acs3Verify(
    { method: req.method, pathname: req.pathname, query: req.query, headers: req.headers, body: req.body },
    creds.accessKeySecret,
  );
  if (!ok) throw rpcErrors.signatureNotMatch();
  return auth.accessKeyId;
}

function checkSkew(timestamp: string, now: number): void {
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) {
    throw rpcErrors.invalidArgument(`Timestamp '${timestamp}' is not an ISO 8601 UTC time like 2024-01-01T00:00:00Z.`);
  }
  if (Math.abs(at - now) > MAX_CLOCK_SKEW_MS) {
    throw rpcErrors.timeTooSkewed(timestamp, new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
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
