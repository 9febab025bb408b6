// Alibaba Cloud ACS3-HMAC-SHA256 ("V3") signature, as OpenApiUtil.getAuthorization computes it.
// Pure functions with injected clock and nonce; the emulator reuses them to verify requests.
import { percentEncode, sha256Hex, hmacSha256, signaturesEqual, EMPTY_SHA256 } from './encoding';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface Acs3CanonicalInput {
  readonly method: string;
  /** The request path, `/` for RPC style. */
  readonly pathname: string;
  /** Query parameters; an `undefined` value still appears as `k=` (what the SDK does). */
  readonly query: Readonly<Record<string, string | undefined>>;
  /** Request headers; only `host`, `content-type` and `x-acs-*` are signed. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Lower-case hex SHA-256 of the exact body bytes. */
  readonly hashedPayload: string;
}

export interface Acs3Canonical {
  readonly canonicalRequest: string;
  readonly signedHeaders: string;
}

export function acs3CanonicalRequest(input: Acs3CanonicalInput): Acs3Canonical {
  const canonicalUri = input.pathname.replace('+', '%20').replace('*', '%2A').replace('%7E', '~');
  const canonicalQuery = Object.keys(input.query)
    .sort()
    .map((k) => {
      const v = input.query[k];
      return `${k}=${v === undefined ? '' : percentEncode(v)}`;
    })
    .join('&');
  const grouped = new Map<string, string[]>();
  for (const [name, value] of Object.entries(input.headers)) {
    const lower = name.toLowerCase();
    if (!(lower.startsWith('x-acs-') || lower === 'host' || lower === 'content-type')) continue;
    const list = grouped.get(lower) ?? [];
    list.push((value ?? '').trim());
    grouped.set(lower, list);
  }
  const names = [...grouped.keys()].sort();
  const canonicalHeaders = names.map((n) => `${n}:${(grouped.get(n) ?? []).sort().join(',')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [input.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, input.hashedPayload].join('\n');
  return { canonicalRequest, signedHeaders };
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(Buffer.from(canonicalRequest, 'utf8'))}`;
}

export function acs3Signature(canonicalRequest: string, accessKeySecret: string): string {
  return hmacSha256(accessKeySecret, acs3StringToSign(canonicalRequest)).toString('hex');
}

/** The `Authorization` header value for a request. */
export function acs3Authorization(input: Acs3CanonicalInput, accessKeyId: string, accessKeySecret: string): string {
  const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(input);
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${acs3Signature(canonicalRequest, accessKeySecret)}`;
}

export interface Acs3AuthorizationParts {
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Splits an `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..` header; undefined if malformed. */
export function parseAcs3Authorization(header: string): Acs3AuthorizationParts | undefined {
  const m = /^ACS3-HMAC-SHA256\s+Credential=([^,]*),SignedHeaders=([^,]*),Signature=([0-9a-f]+)$/.exec(header.trim());
  if (!m) return undefined;
  return { accessKeyId: m[1] as string, signedHeaders: (m[2] as string).split(';').filter(Boolean), signature: m[3] as string };
}

/**
 * Verifies a received ACS3 request: recomputes the signature over exactly the headers the client
 * listed in SignedHeaders, and checks the body hash it declared against the real body.
 */
export function acs3Verify(
  request: { method: string; pathname: string; query: Readonly<Record<string, string | undefined>>; headers: Readonly<Record<string, string | undefined>>; body: string | Uint8Array },
  accessKeySecret: string,
): boolean {
  const auth = parseAcs3Authorization(request.headers['authorization'] ?? '');
  if (!auth) return false;
  const bodyHash = sha256Hex(request.body);
  const declared = request.headers['x-acs-content-sha256'];
  if (declared !== undefined && declared !== bodyHash) return false;
  const headers: Record<string, string | undefined> = {};
  for (const name of auth.signedHeaders) headers[name] = request.headers[name];
  const { canonicalRequest } = acs3CanonicalRequest({ method: request.method, pathname: request.pathname, query: request.query, headers, hashedPayload: bodyHash });
  return signaturesEqual(auth.signature, acs3Signature(canonicalRequest, accessKeySecret));
}

export interface Acs3SignInput {
  readonly method: 'GET' | 'POST';
  readonly host: string;
  readonly action: string;
  readonly version: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  readonly query: Readonly<Record<string, string>>;
  /** The exact body bytes sent ('' for GET). */
  readonly body: string;
  readonly contentType?: string;
  readonly now: Date;
  readonly nonce: string;
}

/** The headers (Authorization included) to send for an RPC-style request signed with ACS3. */
export function signAcs3Request(input: Acs3SignInput): Record<string, string> {
  const headers: Record<string, string> = {
    host: input.host,
    'x-acs-action': input.action,
    'x-acs-version': input.version,
    'x-acs-date': input.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': input.nonce,
    'x-acs-content-sha256': input.body === '' ? EMPTY_SHA256 : sha256Hex(Buffer.from(input.body, 'utf8')),
    accept: 'application/json',
  };
  if (input.contentType) headers['content-type'] = input.contentType;
  if (input.securityToken) {
    headers['x-acs-accesskey-id'] = input.accessKeyId;
    headers['x-acs-security-token'] = input.securityToken;
  }
  headers['authorization'] = acs3Authorization(
    { method: input.method, pathname: '/', query: input.query, headers, hashedPayload: headers['x-acs-content-sha256'] as string },
    input.accessKeyId,
    input.accessKeySecret,
  );
  return headers;
}
