// Authentication of the file routes (`/cams/uploads/...`, `/cams/assets/...`): a request signed
// with ACS3 like any API call (the Flowdeck uploader signs its PUT), or a URL the emulator itself
// handed out with an expiry and a signature in its query, as OSS presigned URLs and S3's
// query-string authentication do.
import { createHmac } from 'node:crypto';
import { signaturesEqual } from '../../../../cloud/src/signing';
import { ApiError } from '../product';
import { checkAcs3, type LocalCredentials } from './authenticate';
import type { NonceRegistry } from './nonces';
import type { ReceivedRequest } from './request';

/** The longest life of a handed-out file URL. */
export const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

function presignature(method: string, pathname: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${method}\n${pathname}\n${expires}`).digest('hex');
}

/** The query (`Expires=...&Signature=...`) that lets anyone GET `pathname` until it expires. */
export function presignQuery(pathname: string, expiresAt: number, secret: string): string {
  const expires = Math.floor(expiresAt / 1000);
  return `Expires=${expires}&Signature=${presignature('GET', pathname, expires, secret)}`;
}

const denied = (why: string) => new ApiError(403, 'AccessDenied', `${why} Sign the request with ACS3 like an API call, or use the URL the API handed out.`);

export function authenticateFileRequest(req: ReceivedRequest, creds: LocalCredentials, now: number, nonces: NonceRegistry): void {
  if ((req.headers['authorization'] ?? '').startsWith('ACS3-')) {
    checkAcs3(req, creds, now, nonces);
    return;
  }
  const expires = req.query['Expires'];
  const signature = req.query['Signature'];
  if (expires === undefined || signature === undefined) throw denied('The request is not signed.');
  const at = Number(expires);
  if (!/^\d{1,12}$/.test(expires) || at * 1000 < now) throw denied('The URL has expired.');
  if (at * 1000 > now + MAX_PRESIGNED_SECONDS * 1000) throw denied('The URL expires too far in the future.');
  if (req.method !== 'GET' || !signaturesEqual(signature, presignature('GET', req.pathname, at, creds.accessKeySecret))) {
    throw denied('The URL signature does not match.');
  }
}
