// Alibaba Cloud RPC signature v1 (HMAC-SHA1), what the official fnf SDK sends
// (OpenApiUtil.getRPCSignature). Pure: the caller supplies the clock reading and the nonce, so
// the emulator can use the same functions to verify a request it received.
import { percentEncode, signaturesEqual } from './encoding';
import { hmacSha1Base64 } from './hmacSha1';

/** Flattened request parameters; `undefined` values are dropped, as the SDK drops null/undefined. */
export type RpcParams = Readonly<Record<string, string | undefined>>;

/** Sorted `k=v&...` over every parameter except `Signature`, keys sorted by raw code units. */
export function rpcV1CanonicalQuery(params: RpcParams): string {
  return joinPairs(encodedPairs(params, 'Signature'));
}

/** One parameter percent-encoded as `k=v`, beside its raw key for sorting and merging. */
interface EncodedPair {
  readonly key: string;
  readonly text: string;
}

/** Every defined parameter except `skip`, encoded once, sorted by raw key (code units, as the SDKs sort). */
function encodedPairs(params: RpcParams, skip?: string): EncodedPair[] {
  const pairs: EncodedPair[] = [];
  for (const key of sortedKeys(params)) {
    const value = params[key];
    if (value === undefined || key === skip) continue;
    pairs.push(encodedPair(key, value));
  }
  return pairs;
}

function encodedPair(key: string, value: string): EncodedPair {
  return { key, text: `${percentEncode(key)}=${percentEncode(value)}` };
}

function joinPairs(pairs: readonly EncodedPair[]): string {
  return pairs.map((p) => p.text).join('&');
}

/** Two sorted lists as one sorted list; on a key in both, `winner`'s pair only. */
function mergePairs(other: readonly EncodedPair[], winner: readonly EncodedPair[]): EncodedPair[] {
  if (winner.length === 0) return other as EncodedPair[];
  const out: EncodedPair[] = [];
  let i = 0;
  let j = 0;
  while (i < other.length || j < winner.length) {
    const a = other[i];
    const b = winner[j];
    if (b === undefined || (a !== undefined && a.key < b.key)) {
      out.push(a!);
      i++;
    } else {
      if (a !== undefined && a.key === b.key) i++;
      out.push(b);
      j++;
    }
  }
  return out;
}

/**
 * `METHOD&%2F&percentEncode(canonicalQuery)`; the method is the one actually used on the wire.
 * Written pair by pair, each name and value encoded twice at once: the emulator checks every
 * request with it, and encoding the whole canonical query a second time cost more than the pairs
 * that need it (most names and values are left as they are by both).
 */
export function rpcV1StringToSign(method: string, params: RpcParams): string {
  const pairs: string[] = [];
  for (const key of sortedKeys(params)) {
    const value = params[key];
    if (value === undefined || key === 'Signature') continue;
    const pair = `${encodedTwice(key)}%3D${encodedTwice(value)}`;
    pairs.push(pairs.length === 0 ? `${method}&%2F&${pair}` : pair);
  }
  return pairs.length === 0 ? `${method}&%2F&` : pairs.join('%26');
}

/** percentEncode, then encodeURIComponent (which then escapes only the `%` the first one wrote). */
function encodedTwice(text: string): string {
  const once = percentEncode(text);
  return once === text ? text : encodeURIComponent(once);
}

/**
 * The keys sorted by code units, as Array.prototype.sort sorts strings. A request has a dozen or
 * so: an insertion sort of them is about twice as fast as the built-in sort, which turns every
 * element into a string to compare it.
 */
function sortedKeys(params: RpcParams): string[] {
  const keys = Object.keys(params);
  if (keys.length > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

const INSERTION_SORT_MAX = 32;

function stringToSignOf(method: string, canonicalQuery: string): string {
  // The canonical query is already percent-encoded: only `%`, `=` and `&` are left to escape, which
  // encodeURIComponent does exactly as percentEncode would.
  return `${method}&%2F&${encodeURIComponent(canonicalQuery)}`;
}

/** Base64(HMAC-SHA1(secret + "&", StringToSign)). */
export function rpcV1Signature(method: string, params: RpcParams, accessKeySecret: string): string {
  return hmacOf(rpcV1StringToSign(method, params), accessKeySecret);
}

function hmacOf(stringToSign: string, accessKeySecret: string): string {
  return hmacSha1Base64(`${accessKeySecret}&`, stringToSign);
}

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
  /** `query` form-encoded, as encodeRpcParams would write it. */
  readonly queryText: string;
  /** `body` form-encoded, as encodeRpcParams would write it. */
  readonly bodyText: string;
}

/**
 * Adds the common parameters (Action, Version, Timestamp, nonce, AccessKeyId...) and the signature.
 * Works on encoded pairs alone: the common parameters come already in sorted order, and `query`
 * and `body` are made only when read (the client sends the texts). Building the merged parameter
 * object, one dynamically named property at a time, was a third of the client's signing time.
 */
export function signRpcV1Request(input: RpcV1SignInput): RpcV1Signed {
  // Each parameter is encoded once, for the string to sign (body winning on a clash, as the
  // service merges them) and for the URL and the form; the common parameters win over the query's.
  const queryPairs = mergePairs(encodedPairs(input.query, 'Signature'), commonPairs(input));
  const bodyPairs = encodedPairs(input.body);
  const signedBodyPairs = input.body['Signature'] === undefined ? bodyPairs : bodyPairs.filter((p) => p.key !== 'Signature');
  const canonical = joinPairs(mergePairs(queryPairs, signedBodyPairs));
  const signature = hmacOf(stringToSignOf(input.method, canonical), input.accessKeySecret);
  return new SignedRpcV1Request(
    input,
    signature,
    joinPairs(mergePairs(queryPairs, [encodedPair('Signature', signature)])),
    joinPairs(bodyPairs),
  );
}

/** The common parameters, sorted by name (code units): the order the SDKs sign them in. */
function commonParams(input: RpcV1SignInput): (readonly [string, string])[] {
  const params: (readonly [string, string])[] = [['AccessKeyId', input.accessKeyId], ['Action', input.action], ['Format', 'json']];
  if (input.securityToken) params.push(['SecurityToken', input.securityToken]);
  params.push(['SignatureMethod', 'HMAC-SHA1'], ['SignatureNonce', input.nonce], ['SignatureVersion', '1.0'], ['Timestamp', rpcTimestamp(input.now)], ['Version', input.version]);
  return params;
}

function commonPairs(input: RpcV1SignInput): EncodedPair[] {
  return commonParams(input).map(([key, value]) => encodedPair(key, value));
}

class SignedRpcV1Request implements RpcV1Signed {
  constructor(
    private readonly input: RpcV1SignInput,
    private readonly signature: string,
    readonly queryText: string,
    readonly bodyText: string,
  ) {}

  get query(): Record<string, string> {
    const query = definedOnly(this.input.query);
    for (const [key, value] of commonParams(this.input)) query[key] = value;
    query['Signature'] = this.signature;
    return query;
  }

  get body(): Record<string, string> {
    return definedOnly(this.input.body);
  }
}

function definedOnly(params: RpcParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in params) {
    const value = params[key];
    if (value !== undefined && Object.hasOwn(params, key)) out[key] = value;
  }
  return out;
}

/** Form/URL encoding with the same RFC 3986 rules the signature used (so the server decodes what was signed). */
export function encodeRpcParams(params: Readonly<Record<string, string>>): string {
  return joinPairs(encodedPairs(params));
}
