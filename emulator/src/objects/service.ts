// The object store's OSS-compatible HTTP face on the emulator's port: PutObject, GetObject and
// ListObjects, each checked against OSS signature V1 (header or presigned query) with either the
// emulator's own credentials or temporary ones plus their security token.
import { createHash, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  signaturesEqual,
  ossCanonicalResource,
  ossPresignedGetUrl,
  ossSignature,
  ossStringToSign,
  parseOssAuthorization,
} from '../../../cloud/src/signing';
import { ObjectNameError, ObjectStore } from './store';
import { TemporaryCredentials, type TemporaryCredential } from './temporaryCredentials';
import { xmlDocument, type XmlNode } from './xml';

/** The largest object the emulator takes (OSS allows 5 GB per PutObject; test data is small). */
export const MAX_OBJECT_BYTES = 64 * 1024 * 1024;
/** OSS refuses a request whose Date is more than 15 minutes off. */
const MAX_SKEW_MS = 15 * 60 * 1000;

class OssError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: readonly XmlNode[] = []) {
    super(message);
  }
}

const ossErrors = {
  accessDenied: (message: string) => new OssError(403, 'AccessDenied', message),
  invalidAccessKeyId: (message = 'The OSS Access Key Id you provided does not exist in our records.') => new OssError(403, 'InvalidAccessKeyId', message),
  tokenExpired: () => new OssError(403, 'SecurityTokenExpired', 'The security token you provided has expired.'),
  signature: (stringToSign: string) =>
    new OssError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', [['StringToSign', stringToSign]]),
  skewed: () => new OssError(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
  noSuchKey: (key: string) => new OssError(404, 'NoSuchKey', 'The specified key does not exist.', [['Key', key]]),
  invalidDigest: () => new OssError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.'),
  tooLarge: () => new OssError(400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size (${MAX_OBJECT_BYTES} bytes in the emulator).`),
  notImplemented: (what: string) => new OssError(501, 'NotImplemented', `The emulator's object store does not implement ${what}.`),
};

export interface ObjectServiceOptions {
  readonly dataDir: string;
  readonly workspaceDir: string | undefined;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly now: () => number;
  readonly endpoint: () => string;
}

interface Target {
  readonly bucket: string;
  readonly key: string;
}

/** Who signed: the emulator's own key (everything) or a temporary one (its bucket and prefix). */
type Principal = { readonly kind: 'owner' } | { readonly kind: 'temporary'; readonly credential: TemporaryCredential };

export class ObjectService {
  readonly store: ObjectStore;
  readonly credentials: TemporaryCredentials;

  constructor(private readonly options: ObjectServiceOptions) {
    this.store = new ObjectStore(options.dataDir, options.workspaceDir);
    this.credentials = new TemporaryCredentials(options.now);
  }

  /** The object's path-style URL on the emulator (a bucket name cannot prefix an IP address). */
  objectUrl(bucket: string, key: string): string {
    return `${this.options.endpoint()}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Where `url` points in this store, if it is one of the emulator's path-style object URLs. */
  parseObjectUrl(url: string): Target | undefined {
    const base = this.options.endpoint();
    if (!url.startsWith(base + '/')) return undefined;
    const path = new URL(url).pathname.slice(1).split('/').map(decodeURIComponent);
    const [bucket, ...rest] = path;
    return bucket && rest.length > 0 ? { bucket, key: rest.join('/') } : undefined;
  }

  /** A GET URL signed with the emulator's own key, valid for `seconds`. */
  presignedGetUrl(bucket: string, key: string, seconds: number): string {
    return ossPresignedGetUrl({
      url: this.objectUrl(bucket, key), bucket, key, accessKeyId: this.options.accessKeyId, accessKeySecret: this.options.accessKeySecret,
      expires: Math.floor(this.options.now() / 1000) + seconds,
    });
  }

  /** Whether a request is meant for the object store: it carries an OSS signature. */
  static isOssRequest(req: IncomingMessage): boolean {
    if ((req.headers['authorization'] ?? '').startsWith('OSS ')) return true;
    try {
      return new URL(req.url ?? '/', 'http://x').searchParams.has('OSSAccessKeyId');
    } catch {
      return false; // not a URL path at all: the dispatcher answers it
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID().replace(/-/g, '').toUpperCase().slice(0, 24);
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const target = this.target(req, url.pathname);
      const body = req.method === 'PUT' ? await readBody(req) : Buffer.alloc(0);
      const principal = this.authenticate(req, target, query);
      this.authorize(principal, target, query);
      if (req.method === 'PUT' && target.key) return await this.putObject(req, res, target, body, requestId);
      if (req.method === 'GET' && target.key) return await this.getObject(res, target, requestId);
      if (req.method === 'GET') return await this.listObjects(res, target.bucket, query, requestId);
      throw ossErrors.notImplemented(`${req.method} on a bucket`);
    } catch (err) {
      if (err instanceof ObjectNameError) return sendError(res, new OssError(400, err.code, err.message), requestId);
      if (err instanceof OssError) return sendError(res, err, requestId);
      throw err;
    }
  }

  /** Virtual-host style (`bucket.<domain>` in Host, as ali-oss sends for an IP endpoint) or path style. */
  private target(req: IncomingMessage, pathname: string): Target {
    const host = (req.headers['host'] ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const segments = pathname.slice(1).split('/').map(decodeURIComponent);
    if (host.includes('.') && isIP(host) === 0 && host !== 'localhost') {
      return { bucket: host.slice(0, host.indexOf('.')), key: segments.join('/') };
    }
    const [bucket = '', ...rest] = segments;
    return { bucket, key: rest.join('/') };
  }

  private authenticate(req: IncomingMessage, t: Target, query: Record<string, string>): Principal {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const now = this.options.now();
    let accessKeyId: string;
    let signature: string;
    let date: string;
    let token: string | undefined;
    const header = parseOssAuthorization(headers['authorization'] ?? '');
    if (header) {
      ({ accessKeyId, signature } = header);
      date = headers['x-oss-date'] ?? headers['date'] ?? '';
      const at = Date.parse(date);
      if (Number.isNaN(at) || Math.abs(at - now) > MAX_SKEW_MS) throw ossErrors.skewed();
      token = headers['x-oss-security-token'];
    } else {
      accessKeyId = query['OSSAccessKeyId'] ?? '';
      signature = query['Signature'] ?? '';
      date = query['Expires'] ?? '';
      if (!/^\d+$/.test(date)) throw ossErrors.accessDenied('Expires must be a UNIX time in seconds.');
      if (Number(date) * 1000 < now) throw ossErrors.accessDenied('Request has expired.');
      token = query['security-token'];
    }
    let secret: string;
    let principal: Principal;
    if (accessKeyId === this.options.accessKeyId) {
      secret = this.options.accessKeySecret;
      principal = { kind: 'owner' };
    } else {
      const credential = this.credentials.find(accessKeyId);
      if (!credential) throw ossErrors.invalidAccessKeyId();
      if (token !== credential.securityToken) throw ossErrors.invalidAccessKeyId('The security token you provided is invalid.');
      if (credential.expiresAt < now) throw ossErrors.tokenExpired();
      secret = credential.accessKeySecret;
      principal = { kind: 'temporary', credential };
    }
    // The header's x-oss-* headers are signed; a presigned URL signs its sub-resources instead.
    const signedHeaders = header ? headers : {};
    const stringToSign = ossStringToSign({ method: req.method ?? 'GET', headers: signedHeaders, date, resource: ossCanonicalResource(t.bucket, t.key, query) });
    if (!signaturesEqual(signature, ossSignature(secret, stringToSign))) throw ossErrors.signature(stringToSign);
    return principal;
  }

  private authorize(p: Principal, t: Target, query: Record<string, string>): void {
    if (p.kind === 'owner') return;
    const c = p.credential;
    // An object must lie in the credential's folder; a listing must ask for a prefix inside it.
    const inside = t.key !== '' ? t.key.startsWith(c.prefix) : (query['prefix'] ?? '').startsWith(c.prefix);
    if (t.bucket !== c.bucket || !inside) {
      throw ossErrors.accessDenied(`These temporary credentials may only use objects under ${c.bucket}/${c.prefix}.`);
    }
  }

  private async putObject(req: IncomingMessage, res: ServerResponse, t: Target, body: Buffer, requestId: string): Promise<void> {
    const md5 = req.headers['content-md5'];
    if (typeof md5 === 'string' && md5 !== createHash('md5').update(body).digest('base64')) throw ossErrors.invalidDigest();
    const { etag } = await this.store.put(t.bucket, t.key, body);
    res.writeHead(200, { etag: `"${etag}"`, 'x-oss-request-id': requestId, 'content-length': 0 });
    res.end();
  }

  private async getObject(res: ServerResponse, t: Target, requestId: string): Promise<void> {
    const o = await this.store.get(t.bucket, t.key);
    if (!o) throw ossErrors.noSuchKey(t.key);
    res.writeHead(200, {
      'content-type': o.contentType, 'content-length': o.body.length, etag: `"${o.etag}"`,
      'last-modified': o.lastModified.toUTCString(), 'x-oss-request-id': requestId,
    });
    res.end(o.body);
  }

  private async listObjects(res: ServerResponse, bucket: string, q: Record<string, string>, requestId: string): Promise<void> {
    const maxKeys = q['max-keys'] === undefined ? 100 : Number(q['max-keys']);
    if (!Number.isInteger(maxKeys) || maxKeys < 1 || maxKeys > 1000) throw new OssError(400, 'InvalidArgument', 'max-keys must be an integer from 1 to 1000.');
    const r = await this.store.list(bucket, {
      ...(q['prefix'] !== undefined ? { prefix: q['prefix'] } : {}),
      ...(q['marker'] !== undefined ? { marker: q['marker'] } : {}),
      ...(q['delimiter'] !== undefined && q['delimiter'] !== '' ? { delimiter: q['delimiter'] } : {}),
      maxKeys,
    });
    const doc = xmlDocument(['ListBucketResult', [
      ['Name', bucket], ['Prefix', q['prefix'] ?? ''], ['Marker', q['marker'] ?? ''], ['MaxKeys', maxKeys], ['Delimiter', q['delimiter'] ?? ''],
      ['IsTruncated', r.truncated], ...(r.nextMarker !== undefined ? [['NextMarker', r.nextMarker] as XmlNode] : []),
      ...r.objects.map((o): XmlNode => ['Contents', [
        ['Key', o.key], ['LastModified', o.lastModified.toISOString()], ['ETag', `"${o.etag}"`], ['Type', 'Normal'], ['Size', o.size],
        ['StorageClass', 'Standard'], ['Owner', [['ID', 'flowdeck'], ['DisplayName', 'flowdeck']]],
      ]]),
      ...r.commonPrefixes.map((p): XmlNode => ['CommonPrefixes', [['Prefix', p]]]),
    ]]);
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(doc), 'x-oss-request-id': requestId });
    res.end(doc);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? '0') > MAX_OBJECT_BYTES) {
    req.resume();
    return Promise.reject(ossErrors.tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_OBJECT_BYTES) chunks.push(c);
    });
    req.on('end', () => (size > MAX_OBJECT_BYTES ? reject(ossErrors.tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, err: OssError, requestId: string): void {
  const doc = xmlDocument(['Error', [['Code', err.code], ['Message', err.message], ['RequestId', requestId], ['HostId', 'flowdeck-emulator'], ...err.extra]]);
  res.writeHead(err.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(doc), 'x-oss-request-id': requestId });
  res.end(doc);
}
