// A 64-bit hash of a nonce (with its AccessKey ID), as two 32-bit halves, so the registry can keep
// 8 bytes per nonce in typed arrays instead of its text. Two murmur3-style passes over the UTF-16
// code units with different seeds and full avalanche finalisers: not cryptographic, but an
// attacker gains nothing from a collision except having their own signed request refused.

/** The two halves of a 64-bit key; reused between calls so hashing allocates nothing. */
export interface Hash64 {
  hi: number;
  lo: number;
}

export function hashNonce(accessKeyId: string, nonce: string, out: Hash64): Hash64 {
  let a = 0x9e3779b9 ^ accessKeyId.length;
  let b = 0x85ebca6b ^ nonce.length;
  a = mixText(a, accessKeyId);
  b = mixText(b, accessKeyId);
  // A separator no code unit can fake: the ID's length is already in the seeds.
  a = mixUnit(a, 0x10000);
  b = mixUnit(b, 0x10001);
  a = mixText(a, nonce);
  b = mixText(b, nonce);
  out.hi = finalise(a ^ nonce.length) >>> 0;
  out.lo = finalise(b ^ accessKeyId.length ^ 0x27d4eb2f) >>> 0;
  return out;
}

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = mixUnit(h, text.charCodeAt(i));
  return h;
}

function mixUnit(h: number, unit: number): number {
  let k = Math.imul(unit, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
