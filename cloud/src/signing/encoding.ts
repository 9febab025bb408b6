// Percent-encoding and hashing shared by the signers. Alibaba and Tencent both use RFC 3986
// (unreserved A-Z a-z 0-9 - _ . ~ stay literal, space is %20, never '+').
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding: `encodeURIComponent` plus `!'()*`, exactly as the Alibaba SDKs do. */
export function percentEncode(value: string): string {
  // Most names and values (actions, versions, nonces, flow names) need no escape at all.
  if (UNRESERVED_ONLY.test(value)) return value;
  const encoded = encodeURIComponent(value);
  return SUB_DELIMS.test(encoded) ? encoded.replace(SUB_DELIMS_ALL, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()) : encoded;
}

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
/** What encodeURIComponent leaves literal but RFC 3986 reserves. */
const SUB_DELIMS = /[!'()*]/;
const SUB_DELIMS_ALL = /[!'()*]/g;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacSha256(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Compares two signatures in constant time (a plain `===` leaks how many leading bytes matched). */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** SHA-256 of the empty string, the payload hash of every bodyless request. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
