// OSS signature V1 (HMAC-SHA1), the one ali-oss sends by default: in the Authorization header
// (`OSS <AccessKeyId>:<Signature>`) or in a presigned URL's query (OSSAccessKeyId, Expires,
// Signature). Documented at alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header
// and its URL-signature sibling page. Pure, so the emulator verifies and presigns with it.
import { hmacSha1Base64 } from './hmacSha1';

/**
 * Sub-resources that take part in the canonical resource; other query parameters (prefix,
 * marker, max-keys) do not. A subset of the documented list, covering what ali-oss sends.
 */
const SUB_RESOURCES = new Set([
  'acl', 'append', 'bucketInfo', 'cors', 'delete', 'lifecycle', 'location', 'logging', 'objectMeta', 'partNumber', 'position',
  'referer', 'response-cache-control', 'response-content-disposition', 'response-content-encoding', 'response-content-language',
  'response-content-type', 'response-expires', 'security-token', 'symlink', 'tagging', 'uploadId', 'uploads', 'website', 'x-oss-process',
]);

/** `/bucket/key` (or `/bucket/` for a bucket operation) plus the sorted sub-resources. */
export function ossCanonicalResource(bucket: string, key: string, query: Readonly<Record<string, string>> = {}): string {
  const base = `/${bucket}/${key}`;
  const subs = Object.keys(query).filter((k) => SUB_RESOURCES.has(k)).sort();
  if (subs.length === 0) return base;
  return `${base}?${subs.map((k) => (query[k] ? `${k}=${query[k]}` : k)).join('&')}`;
}

export interface OssStringToSignInput {
  readonly method: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The Date line: the Date (or x-oss-date) header, or a presigned URL's Expires. */
  readonly date: string;
  readonly resource: string;
}

/** VERB\nContent-MD5\nContent-Type\nDate\n + each `x-oss-name:value\n` sorted + resource. */
export function ossStringToSign(input: OssStringToSignInput): string {
  const ossHeaders = Object.keys(input.headers)
    .filter((k) => k.startsWith('x-oss-') && input.headers[k] !== undefined)
    .sort()
    .map((k) => `${k}:${String(input.headers[k]).trim()}\n`)
    .join('');
  return `${input.method.toUpperCase()}\n${input.headers['content-md5'] ?? ''}\n${input.headers['content-type'] ?? ''}\n${input.date}\n${ossHeaders}${input.resource}`;
}

export function ossSignature(accessKeySecret: string, stringToSign: string): string {
  return hmacSha1Base64(accessKeySecret, stringToSign);
}

/** Parses `OSS <AccessKeyId>:<Signature>`. */
export function parseOssAuthorization(header: string): { accessKeyId: string; signature: string } | undefined {
  const m = /^OSS ([^:\s]+):(\S+)$/.exec(header.trim());
  return m ? { accessKeyId: m[1] as string, signature: m[2] as string } : undefined;
}

export interface PresignInput {
  /** The object's URL without a query, e.g. `http://127.0.0.1:8787/bucket/key`. */
  readonly url: string;
  readonly bucket: string;
  readonly key: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Seconds since the epoch when the URL stops working. */
  readonly expires: number;
  readonly securityToken?: string;
}

/** A GET URL signed in its query, as ali-oss's signatureUrl builds it. */
export function ossPresignedGetUrl(p: PresignInput): string {
  const sub: Record<string, string> = p.securityToken ? { 'security-token': p.securityToken } : {};
  const stringToSign = ossStringToSign({ method: 'GET', headers: {}, date: String(p.expires), resource: ossCanonicalResource(p.bucket, p.key, sub) });
  const query = new URLSearchParams({ OSSAccessKeyId: p.accessKeyId, Expires: String(p.expires), Signature: ossSignature(p.accessKeySecret, stringToSign), ...sub });
  return `${p.url}?${query.toString()}`;
}
