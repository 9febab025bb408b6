// The emulator's object store, OSS-shaped: buckets of objects named by keys. Objects written
// through the API live in `<data folder>/objects/<bucket>/<key>`; a workspace may also keep test
// objects in `<workspace>/.flowdeck/objects/<bucket>/<key>`, read as if they had been uploaded
// (data-folder objects win when both have a key).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

export const WORKSPACE_OBJECTS_DIR = join('.flowdeck', 'objects');

export interface StoredObject {
  readonly body: Buffer;
  readonly contentType: string;
  /** OSS's ETag: the MD5 of the content, upper-case hex. */
  readonly etag: string;
  readonly lastModified: Date;
}

export interface ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface ListResult {
  readonly objects: ObjectSummary[];
  readonly commonPrefixes: string[];
  readonly truncated: boolean;
  readonly nextMarker: string | undefined;
}

export interface ListOptions {
  readonly prefix?: string;
  readonly marker?: string;
  readonly delimiter?: string;
  /** 1..1000, default 100 (OSS's ListObjects). */
  readonly maxKeys?: number;
}

/** Thrown for a bucket or key the store refuses; `code` is OSS's. */
export class ObjectNameError extends Error {
  constructor(readonly code: 'InvalidBucketName' | 'InvalidObjectName', message: string) {
    super(message);
  }
}

/** OSS's rule: 3-63 characters of lower-case letters, digits and '-', not starting or ending with '-'. */
export function checkBucketName(bucket: string): void {
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ObjectNameError('InvalidBucketName', `The bucket name '${bucket}' is invalid: use 3-63 lower-case letters, digits or '-', not starting or ending with '-'.`);
  }
}

/** 1-1023 bytes, not starting with '/' or '\'; no '.'/'..' segments and no trailing '/' (they would escape or collide with folders on disk). */
export function checkObjectKey(key: string): void {
  const bytes = Buffer.byteLength(key);
  if (bytes < 1 || bytes > 1023 || key.startsWith('/') || key.startsWith('\\') || key.endsWith('/') || key.includes('\\') || key.includes('\0')) {
    throw new ObjectNameError('InvalidObjectName', `The object key '${key}' is invalid: use 1-1023 bytes, not starting with '/' and not ending with '/'.`);
  }
  if (key.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new ObjectNameError('InvalidObjectName', `The object key '${key}' has an empty, '.' or '..' segment.`);
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json', '.csv': 'text/csv', '.txt': 'text/plain', '.yaml': 'application/x-yaml', '.yml': 'application/x-yaml',
};

function contentTypeOf(key: string): string {
  const dot = key.lastIndexOf('.');
  return (dot >= 0 ? CONTENT_TYPES[key.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}

const md5 = (body: Buffer): string => createHash('md5').update(body).digest('hex').toUpperCase();

export class ObjectStore {
  private readonly roots: string[];

  /** `dataDir/objects` takes writes; `workspaceDir/.flowdeck/objects` is read too. */
  constructor(dataDir: string, workspaceDir?: string) {
    this.roots = [join(dataDir, 'objects'), ...(workspaceDir ? [join(workspaceDir, WORKSPACE_OBJECTS_DIR)] : [])];
  }

  private path(root: string, bucket: string, key: string): string {
    checkBucketName(bucket);
    checkObjectKey(key);
    return join(root, bucket, ...key.split('/'));
  }

  async put(bucket: string, key: string, body: Buffer): Promise<{ etag: string }> {
    const file = this.path(this.roots[0] as string, bucket, key);
    await mkdir(dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half an object.
    const temp = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(temp, body);
    await rename(temp, file);
    return { etag: md5(body) };
  }

  /** Removes an object written through the store (the workspace's test objects are never touched). */
  async delete(bucket: string, key: string): Promise<void> {
    await rm(this.path(this.roots[0] as string, bucket, key), { force: true });
  }

  async get(bucket: string, key: string): Promise<StoredObject | undefined> {
    for (const root of this.roots) {
      const file = this.path(root, bucket, key);
      try {
        const [body, info] = await Promise.all([readFile(file), stat(file)]);
        return { body, contentType: contentTypeOf(key), etag: md5(body), lastModified: info.mtime };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw err;
      }
    }
    return undefined;
  }

  /** ListObjects (v1): keys in UTF-8 order after `marker`, grouped at `delimiter`. */
  async list(bucket: string, options: ListOptions = {}): Promise<ListResult> {
    checkBucketName(bucket);
    const prefix = options.prefix ?? '';
    const maxKeys = options.maxKeys ?? 100;
    const all = new Map<string, ObjectSummary>();
    for (const root of [...this.roots].reverse()) {
      for (const s of await walk(join(root, bucket), '')) all.set(s.key, s);
    }
    const keys = [...all.keys()].filter((k) => k.startsWith(prefix) && (options.marker === undefined || k > options.marker)).sort();
    const objects: ObjectSummary[] = [];
    const prefixes = new Set<string>();
    let last: string | undefined;
    let truncated = false;
    for (const key of keys) {
      const cut = options.delimiter ? key.indexOf(options.delimiter, prefix.length) : -1;
      const common = cut >= 0 ? key.slice(0, cut + (options.delimiter as string).length) : undefined;
      if (common !== undefined && prefixes.has(common)) continue;
      if (objects.length + prefixes.size >= maxKeys) {
        truncated = true;
        break;
      }
      if (common !== undefined) prefixes.add(common);
      else objects.push(all.get(key) as ObjectSummary);
      last = common ?? key;
    }
    return { objects, commonPrefixes: [...prefixes], truncated, nextMarker: truncated ? last : undefined };
  }
}

async function walk(dir: string, base: string): Promise<ObjectSummary[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: ObjectSummary[] = [];
  for (const e of entries) {
    if (e.name.endsWith('.partial')) continue;
    const key = base + e.name;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full, key + '/')));
    else if (e.isFile()) {
      const [body, info] = await Promise.all([readFile(full), stat(full)]);
      out.push({ key: key.split(sep).join('/'), size: info.size, etag: md5(body), lastModified: info.mtime });
    }
  }
  return out;
}
