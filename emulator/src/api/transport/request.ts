// Reads an incoming request into what routing and signature checks need: the method, the raw
// query, the decoded query and form parameters, the headers and the exact body bytes.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../product';
import { MAX_REQUEST_BYTES, rpcErrors } from './errors';

export interface ReceivedRequest {
  readonly method: string;
  readonly pathname: string;
  /** The query string as sent, without `?`. */
  readonly rawQuery: string;
  readonly query: Record<string, string>;
  /** Form body parameters (empty unless the body is `application/x-www-form-urlencoded`). */
  readonly form: Record<string, string>;
  /** Lower-case header names; repeated headers joined by `, `. */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export async function readRequest(req: IncomingMessage): Promise<ReceivedRequest> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  const body = await readBody(req, MAX_REQUEST_BYTES);
  const contentType = (headers['content-type'] ?? '').toLowerCase();
  const form = contentType.startsWith('application/x-www-form-urlencoded') ? decodeForm(body.toString('utf8')) : {};
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    pathname: url.pathname,
    rawQuery: url.search.replace(/^\?/, ''),
    query: decodeForm(url.search.replace(/^\?/, '')),
    form,
    headers,
    body,
  };
}

/** Decodes `a=1&b=x%20y`; a value sent twice keeps the last one, as the gateways do. */
function decodeForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    req.resume(); // drain, so the response can still be sent on this connection
    return Promise.reject(rpcErrors.entityTooLarge(maxBytes));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed: ApiError | undefined;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) failed ??= rpcErrors.entityTooLarge(maxBytes);
      if (!failed) chunks.push(chunk);
    });
    req.on('end', () => (failed ? reject(failed) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
