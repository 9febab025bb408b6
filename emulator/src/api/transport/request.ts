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

/** `url` and `query` are the request's parsed target and decoded query when the caller already has them (each is read once per request). */
export async function readRequest(
  req: IncomingMessage,
  maxBytes = MAX_REQUEST_BYTES,
  url: RequestTarget = requestUrl(req),
  query = decodeForm(url.search.slice(1)),
): Promise<ReceivedRequest> {
  // Node gives the names in lower case already; the copy has no prototype and joins repeated ones.
  const given = req.headers;
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k in given) {
    const v = given[k];
    if (v !== undefined) headers[k] = typeof v === 'string' ? v : v.join(', ');
  }
  const body = await readBody(req, maxBytes);
  const contentType = (headers['content-type'] ?? '').toLowerCase();
  const form = contentType.startsWith('application/x-www-form-urlencoded') ? decodeForm(body.toString('utf8')) : {};
  const rawQuery = url.search.slice(1);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    pathname: url.pathname,
    rawQuery,
    query,
    form,
    headers,
    body,
  };
}

/** The parts of a request's URL the emulator reads: the path and the query (with its `?`, or ''). */
export interface RequestTarget {
  readonly pathname: string;
  readonly search: string;
}

/** The request's target; one that is no URL at all is a 400, not a crash. */
export function requestUrl(req: IncomingMessage): RequestTarget {
  const target = parseTarget(req.url ?? '/');
  if (!target) throw rpcErrors.invalidArgument('The request target is not a valid URL path.');
  return target;
}

/**
 * The target's path and query as the WHATWG URL parser reads them against `http://localhost`, or
 * undefined when it is no URL. A plain target (what every SDK sends: `/` or a path of letters,
 * digits, `-`, `_`, `~` and `/`, then a query of characters URL leaves as they are) is split
 * without the parser, whose object costs more than the rest of reading the request; anything
 * else (dot segments, `//host`, characters URL escapes) goes through it.
 */
export function parseTarget(target: string): RequestTarget | undefined {
  if (PLAIN_TARGET.test(target)) {
    const q = target.indexOf('?');
    if (q < 0) return { pathname: target, search: '' };
    return { pathname: target.slice(0, q), search: q === target.length - 1 ? '' : target.slice(q) };
  }
  try {
    const url = new URL(target, 'http://localhost');
    return { pathname: url.pathname, search: url.search };
  } catch {
    return undefined;
  }
}

// No `.` in the path (dot segments), no `//` at its start (a host), and in the query none of what
// URL percent-encodes there (space, `"`, `#`, `'`, `<`, `>`, controls, non-ASCII).
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9\-_~/]*(?:\?[A-Za-z0-9\-._~%&=+*!(),;:@/?$[\]^`{|}]*)?$/;

/** decodeURIComponent that answers 400 for a malformed escape (`%E0%A4%A`) instead of throwing URIError. */
export function decodePathSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw rpcErrors.invalidArgument(`The path '${text.slice(0, 200)}' has a malformed %-escape.`);
  }
}

/**
 * Decodes `a=1&b=x%20y`; a value sent twice keeps the last one, as the gateways do. The result has
 * no prototype, so a parameter named `__proto__` or `constructor` is only a parameter.
 */
export function decodeForm(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (text === '') return out;
  try {
    // Names and values are cut from the text directly: no array of pairs, no string per pair.
    // The next `=` is looked for again only once passed, so pairs without one keep this linear.
    let start = text.startsWith('?') ? 1 : 0;
    let eq = -1;
    while (start < text.length) {
      let end = text.indexOf('&', start);
      if (end < 0) end = text.length;
      if (end > start) {
        if (eq < start) {
          eq = text.indexOf('=', start);
          if (eq < 0) eq = text.length;
        }
        if (eq >= end) out[decodeComponent(text.slice(start, end))] = '';
        else out[decodeComponent(text.slice(start, eq))] = decodeComponent(text.slice(eq + 1, end));
      }
      start = end + 1;
    }
    return out;
  } catch {
    // A malformed escape or one that is not UTF-8: URLSearchParams keeps it (or U+FFFD) instead of throwing.
    const lenient: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of new URLSearchParams(text)) lenient[k] = v;
    return lenient;
  }
}

/** application/x-www-form-urlencoded decoding of one name or value (`+` is a space), as URLSearchParams does for well-formed text. */
function decodeComponent(text: string): string {
  if (!NEEDS_DECODING.test(text)) return text;
  return decodeURIComponent(text.includes('+') ? text.replace(PLUS_ALL, ' ') : text);
}

const NEEDS_DECODING = /[%+]/;
const PLUS_ALL = /\+/g;

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
