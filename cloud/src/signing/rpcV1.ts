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
  return hmacSha1Base64(accessKeySecret, rpcV1StringToSign(method, params));
}

function hmacSha1Base64(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', signingKey(accessKeySecret)).update(stringToSign, 'utf8').digest('base64');
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
  const query = commonQuery(input);
  const body = definedOnly(input.body);
  query['Signature'] = rpcV1Signature(input.method, { ...query, ...body }, input.accessKeySecret);
  return { query, body };
}

/** The request's own query parameters with the common ones, without `Signature`. */
function commonQuery(input: RpcV1SignInput): Record<string, string> {
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
  return query;
}

export interface RpcV1Wire {
  /** `encodeRpcParams` of signRpcV1Request's query (`Signature` included). */
  readonly queryText: string;
  /** `encodeRpcParams` of its body. */
  readonly bodyText: string;
}

/**
 * signRpcV1Request as the wire carries it, byte for byte: each parameter is encoded once, for the
 * signature and for the query or form it goes in, instead of once for each.
 */
export function signRpcV1Wire(input: RpcV1SignInput): RpcV1Wire {
  const query = commonQuery(input);
  const body = definedOnly(input.body);
  const queryPairs = encodedPairs(query);
  const bodyPairs = encodedPairs(body);
  const clash = Object.hasOwn(query, 'Signature') || Object.hasOwn(body, 'Signature') || Object.keys(body).some((k) => Object.hasOwn(query, k));
  if (clash) {
    // The body wins a clash in what is signed: the general path says exactly how.
    const signed = signRpcV1Request(input);
    return { queryText: encodeRpcParams(signed.query), bodyText: encodeRpcParams(signed.body) };
  }
  const canonical = mergeSorted(queryPairs, bodyPairs)
    .map((p) => p.text)
    .join('&');
  const signature = hmacSha1Base64(input.accessKeySecret, `${input.method}&%2F&${encodeURIComponent(canonical)}`);
  const withSignature = mergeSorted(queryPairs, [{ key: 'Signature', text: `Signature=${percentEncode(signature)}` }]);
  return { queryText: withSignature.map((p) => p.text).join('&'), bodyText: bodyPairs.map((p) => p.text).join('&') };
}

interface EncodedPair {
  readonly key: string;
  /** `percentEncode(key)=percentEncode(value)` */
  readonly text: string;
}

/** The pairs sorted by raw key in code-unit order, as `Object.keys(...).sort()` orders them. */
function encodedPairs(params: Readonly<Record<string, string>>): EncodedPair[] {
  return Object.keys(params)
    .sort()
    .map((key) => ({ key, text: `${percentEncode(key)}=${percentEncode(params[key] as string)}` }));
}

/** Two key-sorted lists with no key in common, merged into one sorted list. */
function mergeSorted(a: readonly EncodedPair[], b: readonly EncodedPair[]): EncodedPair[] {
  const out: EncodedPair[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.key < b[j]!.key ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
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
