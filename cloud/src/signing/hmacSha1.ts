// HMAC-SHA1 (RFC 2104 over FIPS 180-4 SHA-1) in JavaScript, for the signatures made and checked
// on every request: RPC v1 and OSS v1. OpenSSL 3 sets up each HMAC by fetching the algorithm from
// its provider; between requests its tables leave the cache, and under load createHmac of a
// 300-byte string took the emulator 27-35 µs a call, where this takes 11-20 µs in the same
// process, keeping each key's padded state from one request to the next.

/** The state after hashing a key's inner and outer padded block: what every message under that key starts from. */
interface KeyPads {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

const BLOCK = 64;
const INITIAL_STATE = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0];

/** Base64 of HMAC-SHA1(key, UTF-8 of message), as `createHmac('sha1', key).update(message).digest('base64')`. */
export function hmacSha1Base64(key: string, message: string): string {
  const pads = padsOf(key);
  const data = roomFor(message);
  const length = data.write(message, 0, 'utf8');
  hashFrom(pads.inner, BLOCK, data, length, state);
  writeDigest(state, digest);
  hashFrom(pads.outer, BLOCK, digest, 20, state);
  writeDigest(state, digest);
  return digest.toString('base64', 0, 20);
}

/** The 20 bytes of a SHA-1 state, big-endian, at the start of `out`. */
function writeDigest(h: Int32Array, out: Buffer): void {
  for (let i = 0; i < 5; i++) out.writeInt32BE(h[i]!, i * 4);
}

/**
 * A buffer with room for the message's UTF-8 bytes and their padding: the reused scratch space,
 * grown up to MAX_SCRATCH; a larger message (a big flow definition) gets one of its own, so the
 * process does not hold that much for good.
 */
function roomFor(message: string): Buffer {
  // A UTF-16 code unit takes at most 3 bytes of UTF-8; the padding at most 72 more.
  const room = message.length * 3 + BLOCK + 8;
  if (room <= scratch.length) return scratch;
  if (room > MAX_SCRATCH) return Buffer.allocUnsafe(room);
  scratch = Buffer.allocUnsafe(Math.min(MAX_SCRATCH, Math.max(room, scratch.length * 2)));
  return scratch;
}

const MAX_SCRATCH = 64 * 1024;
let scratch = Buffer.allocUnsafe(4096);
/** 64 bytes: room for the inner digest and its padding, then the outer digest. */
const digest = Buffer.alloc(BLOCK);
const state = new Int32Array(5);

/**
 * SHA-1 of `hashed` bytes already folded into `start` followed by `data[0, length)`, into `out`.
 * Pads `data` in place, so it must have room for up to 72 bytes after `length`.
 */
function hashFrom(start: Int32Array, hashed: number, data: Buffer, length: number, out: Int32Array): void {
  out.set(start);
  const padded = (((length + 8) >> 6) + 1) << 6;
  data[length] = 0x80;
  data.fill(0, length + 1, padded - 8);
  const bits = (hashed + length) * 8;
  data.writeUInt32BE(Math.floor(bits / 2 ** 32), padded - 8);
  data.writeUInt32BE(bits >>> 0, padded - 4);
  for (let offset = 0; offset < padded; offset += BLOCK) compress(out, data, offset);
}

const schedule = new Int32Array(80);

/** One SHA-1 compression of the 64 bytes at `offset` into `h`. */
function compress(h: Int32Array, data: Uint8Array, offset: number): void {
  const w = schedule;
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
  }
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  // Four rounds of twenty steps, each with its own function and constant (FIPS 180-4 §4.1.1, §4.2.1).
  let i = 0;
  for (; i < 20; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[i]!) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (; i < 40; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[i]!) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (; i < 60; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + (0x8f1bbcdc | 0) + w[i]!) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (; i < 80; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + (0xca62c1d6 | 0) + w[i]!) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
}

/** A process signs or checks with a few keys at a time (RPC's `secret&`, OSS's `secret`). */
const MAX_KEYS = 8;
const padsByKey = new Map<string, KeyPads>();

function padsOf(key: string): KeyPads {
  let pads = padsByKey.get(key);
  if (!pads) {
    if (padsByKey.size >= MAX_KEYS) padsByKey.clear();
    pads = { inner: padded(key, 0x36), outer: padded(key, 0x5c) };
    padsByKey.set(key, pads);
  }
  return pads;
}

/** The state after the key's block XORed with `pad`; a key longer than a block is hashed first (RFC 2104 §2). */
function padded(key: string, pad: number): Int32Array {
  let bytes: Buffer = Buffer.from(key, 'utf8');
  if (bytes.length > BLOCK) bytes = sha1(bytes);
  const block = Buffer.alloc(BLOCK);
  bytes.copy(block);
  for (let i = 0; i < BLOCK; i++) block[i]! ^= pad;
  const out = Int32Array.from(INITIAL_STATE);
  compress(out, block, 0);
  return out;
}

/** Plain SHA-1 of `bytes` (only for keys longer than a block). */
function sha1(bytes: Buffer): Buffer {
  const data = Buffer.alloc(bytes.length + BLOCK + 8);
  bytes.copy(data);
  const h = new Int32Array(5);
  hashFrom(Int32Array.from(INITIAL_STATE), 0, data, bytes.length, h);
  const out = Buffer.alloc(20);
  writeDigest(h, out);
  return out;
}
