// Tencent Cloud TC3-HMAC-SHA256 (signature v3). Pure: timestamp injected. The emulator reuses
// these functions to verify CynosDB requests.
import { sha256Hex, hmacSha256, signaturesEqual } from './encoding';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3CanonicalInput {
  readonly method: string;
  /** The raw URL query ('' for POST). */
  readonly query: string;
  /** Headers to sign (at least content-type and host); names and values are lower-cased and trimmed. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body bytes sent. */
  readonly payload: string | Uint8Array;
}

export interface Tc3Canonical {
  readonly canonicalRequest: string;
  readonly signedHeaders: string;
}

export function tc3CanonicalRequest(input: Tc3CanonicalInput): Tc3Canonical {
  const entries = Object.entries(input.headers).map(([k, v]) => [k.trim().toLowerCase(), v.trim().toLowerCase()] as const);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonicalHeaders = entries.map(([k, v]) => `${k}:${v}\n`).join('');
  const signedHeaders = entries.map(([k]) => k).join(';');
  const canonicalRequest = [input.method, '/', input.query, canonicalHeaders, signedHeaders, sha256Hex(input.payload)].join('\n');
  return { canonicalRequest, signedHeaders };
}

/** UTC date (YYYY-MM-DD) of a UNIX timestamp in seconds: the credential scope uses UTC, never local time. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function tc3CredentialScope(timestamp: number, service: string): string {
  return `${tc3Date(timestamp)}/${service}/tc3_request`;
}

export function tc3StringToSign(canonicalRequest: string, timestamp: number, service: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${tc3CredentialScope(timestamp, service)}\n${sha256Hex(Buffer.from(canonicalRequest, 'utf8'))}`;
}

/** The derived key chain: TC3+key -> date -> service -> "tc3_request". */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  const secretDate = hmacSha256('TC3' + secretKey, date);
  const secretService = hmacSha256(secretDate, service);
  return hmacSha256(secretService, 'tc3_request');
}

export function tc3Signature(canonicalRequest: string, timestamp: number, service: string, secretKey: string): string {
  const key = tc3SigningKey(secretKey, tc3Date(timestamp), service);
  return hmacSha256(key, tc3StringToSign(canonicalRequest, timestamp, service)).toString('hex');
}

export interface Tc3SignInput extends Tc3CanonicalInput {
  readonly service: string;
  readonly timestamp: number;
  readonly secretId: string;
  readonly secretKey: string;
}

/** The `Authorization` header value (note the ", " separators, unlike ACS3). */
export function tc3Authorization(input: Tc3SignInput): string {
  const { canonicalRequest, signedHeaders } = tc3CanonicalRequest(input);
  const signature = tc3Signature(canonicalRequest, input.timestamp, input.service, input.secretKey);
  return `${TC3_ALGORITHM} Credential=${input.secretId}/${tc3CredentialScope(input.timestamp, input.service)}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export interface Tc3AuthorizationParts {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export function parseTc3Authorization(header: string): Tc3AuthorizationParts | undefined {
  const m = /^TC3-HMAC-SHA256\s+Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)$/.exec(header.trim());
  if (!m) return undefined;
  return { secretId: m[1] as string, date: m[2] as string, service: m[3] as string, signedHeaders: (m[4] as string).split(';'), signature: m[5] as string };
}

/**
 * Verifies a received TC3 request against the secret for its SecretId. `headers` are the request's
 * headers with lower-case names. The official Node SDK signs the host *without* a port, so for
 * `host` both forms are tried.
 */
export function tc3Verify(
  request: { method: string; query: string; headers: Readonly<Record<string, string | undefined>>; payload: string | Uint8Array; timestamp: number },
  secretKey: string,
): boolean {
  const auth = parseTc3Authorization(request.headers['authorization'] ?? '');
  if (!auth || auth.date !== tc3Date(request.timestamp)) return false;
  const hostVariants = [request.headers['host'] ?? ''];
  const bare = hostVariants[0]?.replace(/:\d+$/, '');
  if (bare !== undefined && bare !== hostVariants[0]) hostVariants.push(bare);
  for (const host of hostVariants) {
    const headers: Record<string, string> = {};
    for (const name of auth.signedHeaders) headers[name] = name === 'host' ? host : (request.headers[name] ?? '');
    const { canonicalRequest } = tc3CanonicalRequest({ method: request.method, query: request.query, headers, payload: request.payload });
    if (signaturesEqual(auth.signature, tc3Signature(canonicalRequest, request.timestamp, auth.service, secretKey))) return true;
  }
  return false;
}
