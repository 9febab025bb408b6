// Alibaba Cloud RPC signature v1 (HMAC-SHA1), what the official fnf SDK sends
// (OpenApiUtil.getRPCSignature). Pure: the caller supplies the clock reading and the nonce, so
// the emulator can use the same functions to verify a request it received.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { percentEncode, signaturesEqual } from './encoding';

/** Flattened request parameters; `undefined` values are dropped, as the SDK drops null/undefined. */
export type RpcParams = Readonly<Record<string, string | undefined>>;

/** Sorted `k=v&...` over every parameter except `Signature`, keys sorted by raw code units. */
export function rpcV1CanonicalQuery(params: RpcParams): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature' && params[k] !== undefined)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] as string)}`)
    .join('&');
}

/** `METHOD&%2F&percentEncode(canonicalQuery)`; the method is the one actually used on the wire. */
export function rpcV1StringToSign(method: string, params: RpcParams): string {
  // The canonical query is already percent-encoded: only `%`, `=` and `&` are left to escape, which
  // encodeURIComponent does exactly as percentEncode would.
  return `${method}&%2F&${encodeURIComponent(rpcV1CanonicalQuery(params))}`;
}

/** Base64(HMAC-SHA1(secret + "&", StringToSign)). */
export function rpcV1Signature(method: string, params: RpcParams, accessKeySecret: string): string {
  return createHmac('sha1', signingKey(accessKeySecret)).update(rpcV1StringToSign(method, params), 'utf8').digest('base64');
}

/**
 * `secret + "&"` as a key object, kept for the secret last used: HMAC with a prepared key skips
 * converting the key on every request (a process signs or checks with one secret at a time).
 */
function signingKey(accessKeySecret: string): KeyObject {
  if (lastKey?.secret !== accessKeySecret) lastKey = { secret: accessKeySecret, key: createSecretKey(Buffer.from(accessKeySecret + '&', 'utf8')) };
  return lastKey.key;
}

let lastKey: { readonly secret: string; readonly key: KeyObject } | undefined;

/**
 * Checks the `Signature` carried in `params` (query and form body merged, body winning on a
 * clash, as the SDK signs them) against the secret, in constant time.
 */
export function rpcV1Verify(method: string, params: RpcParams, accessKeySecret: string): boolean {
  const given = params['Signature'];
  if (!given) return false;
  return signaturesEqual(given, rpcV1Signature(method, params, accessKeySecret));
}

/** `YYYY-MM-DDThh:mm:ssZ` in UTC without milliseconds (OpenApiUtil.getTimestamp). */
export function rpcTimestamp(at: Date): string {
  const second = Math.floor(at.getTime() / 1000);
  if (second !== lastTimestamp.second) lastTimestamp = { second, text: at.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return lastTimestamp.text;
}

/** Requests signed within one second share their timestamp text. */
let lastTimestamp = { second: Number.NaN, text: '' };

export interface RpcV1SignInput {
  readonly method: 'GET' | 'POST';
  readonly action: string;
  readonly version: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  /** API parameters sent in the query string (all of them for GET). */
  readonly query: RpcParams;
  /** API parameters sent in the form body (POST only). */
  readonly body: RpcParams;
  readonly now: Date;
  readonly nonce: string;
}

export interface RpcV1Signed {
  /** Everything that goes in the URL query, `Signature` included. */
  readonly query: Record<string, string>;
  /** The form body parameters (unchanged), to be form-encoded. */
  readonly body: Record<string, string>;
}

/** Adds the common parameters (Action, Version, Timestamp, nonce, AccessKeyId...) and the signature. */
export function signRpcV1Request(input: RpcV1SignInput): RpcV1Signed {
  const query: Record<string, string> = {
    ...definedOnly(input.query),
    Action: input.action,
    Format: 'json',
    Version: input.version,
    Timestamp: rpcTimestamp(input.now),
    SignatureNonce: input.nonce,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: input.accessKeyId,
  };
  if (input.securityToken) query['SecurityToken'] = input.securityToken;
  const body = definedOnly(input.body);
  query['Signature'] = rpcV1Signature(input.method, { ...query, ...body }, input.accessKeySecret);
  return { query, body };
}

function definedOnly(params: RpcParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

/** Form/URL encoding with the same RFC 3986 rules the signature used (so the server decodes what was signed). */
export function encodeRpcParams(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] as string)}`)
    .join('&');
}
