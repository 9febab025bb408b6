// The documented way to give CAMS a new Flow JSON: GetChatappUploadAuthorization hands out
// temporary OSS credentials for a folder (Dir) in a bucket at an endpoint; the file goes there
// with Alibaba's OSS client (ali-oss, signature V1 plus the STS security token), and the object's
// URL becomes UpdateFlowJSONAsset's FilePath. The same path works against the emulator.
import type OSS from 'ali-oss';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import { CloudError, LocalErrorCodes } from '../errors';
import type { CallOptions } from '../rpc/shared';
import type { CamsScope, UploadAuthorization } from './types';
import type { FlowJsonUploader } from './uploader';

/** What the uploader needs from the CAMS client (kept narrow so tests can pass a stand-in). */
export interface UploadAuthorizer {
  getUploadAuthorization(scope?: CamsScope, opts?: CallOptions): Promise<UploadAuthorization>;
}

/** `Dir` + `/` + file name, whether or not Dir ends with a slash. */
export function objectKey(dir: string, fileName: string): string {
  const folder = dir.replace(/^\/+|\/+$/g, '');
  return folder ? `${folder}/${fileName}` : fileName;
}

/** An EndPoint with a scheme (`https://oss-...`), or a bare host, as a URL. */
function endpointUrl(endPoint: string): URL {
  try {
    return new URL(/^[a-z]+:\/\//i.test(endPoint) ? endPoint : `https://${endPoint}`);
  } catch {
    throw new CloudError({ status: 200, code: LocalErrorCodes.badResponse, message: `GetChatappUploadAuthorization returned an EndPoint that is not a URL: '${endPoint}'`, action: 'GetChatappUploadAuthorization' });
  }
}

/** A host a bucket name cannot be put in front of: an IP address or localhost. */
function isAddress(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) !== 0 || bare === 'localhost';
}

/**
 * The object's URL: virtual-host style (`https://<bucket>.<endpoint host>/<key>`, OSS's form) or,
 * for an IP address or localhost (the emulator), path style (`http://host:port/<bucket>/<key>`).
 */
export function ossObjectUrl(endPoint: string, bucket: string, key: string): string {
  const url = endpointUrl(endPoint);
  const path = key.split('/').map(encodeURIComponent).join('/');
  if (isAddress(url.hostname)) return `${url.protocol}//${url.host}/${bucket}/${path}`;
  return `${url.protocol}//${bucket}.${url.host}/${path}`;
}

/** ali-oss reads `agent`/`httpsAgent` though its type definitions do not list them. */
interface OssOptionsWithAgents extends OSS.Options {
  readonly agent: http.Agent;
  readonly httpsAgent: https.Agent;
}

/**
 * ali-oss takes ~170 ms to load (measured with require() here), so it is loaded on the first
 * push, not when the extension activates.
 */
async function ossClient(a: UploadAuthorization): Promise<OSS> {
  const { default: OssClient } = await import('ali-oss');
  const url = endpointUrl(a.EndPoint);
  const options: OssOptionsWithAgents = {
    // Plain agents: ali-oss's shared keep-alive agent gives sockets a timeout that its HTTP client
    // then resets with socket.setTimeout, which the sockets of VS Code's proxy-aware agents lack.
    agent: new http.Agent(),
    httpsAgent: new https.Agent(),
    accessKeyId: a.AccessKeyId,
    accessKeySecret: a.AccessKeySecret,
    stsToken: a.SecurityToken,
    bucket: a.BucketName,
    endpoint: `${url.protocol}//${url.host}`,
    secure: url.protocol === 'https:',
    timeout: 60_000,
  };
  return new OssClient(options);
}

/** Uploads through GetChatappUploadAuthorization and OSS; resolves to the object's URL. */
export function camsOssUploader(authorizer: UploadAuthorizer, scope: CamsScope = {}): FlowJsonUploader {
  return {
    async upload(fileName, text, signal) {
      const auth = await authorizer.getUploadAuthorization(scope, signal ? { signal } : undefined);
      const key = objectKey(auth.Dir, fileName);
      try {
        await (await ossClient(auth)).put(key, Buffer.from(text, 'utf8'), { mime: 'application/json' });
      } catch (err) {
        throw ossFailure(err, auth);
      }
      return ossObjectUrl(auth.EndPoint, auth.BucketName, key);
    },
  };
}

/** ali-oss errors carry OSS's code, status and request id; keep them, never the credentials. */
function ossFailure(err: unknown, auth: UploadAuthorization): CloudError {
  const e = err as { code?: unknown; status?: unknown; requestId?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : 0;
  const code = typeof e.code === 'string' && e.code ? e.code : LocalErrorCodes.network;
  const message = typeof e.message === 'string' ? e.message : String(err);
  return new CloudError({
    status,
    code,
    message: `uploading the Flow JSON to ${auth.BucketName}/${auth.Dir} at ${auth.EndPoint} failed: ${message}`,
    ...(typeof e.requestId === 'string' ? { requestId: e.requestId } : {}),
    action: 'PutObject',
    hint: status === 403
      ? 'OSS refused the temporary upload credentials; push again to get fresh ones (they expire).'
      : 'Check that the OSS endpoint from GetChatappUploadAuthorization is reachable.',
    cause: err,
  });
}
