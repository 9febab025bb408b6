// Random (version 4) UUIDs as text: request ids, execution names and signature nonces, several
// per API call. Node's randomUUID builds each from 20 string additions, a chain of short strings
// that the collector copies and then flattens (about 1 KB of garbage a UUID); this writes the 36
// characters into a buffer and reads them back as one string.
import { randomFillSync } from 'node:crypto';

/** UUIDs' worth of random bytes drawn at once (Node's randomUUID draws 128). */
const BATCH = 256;
const random = Buffer.allocUnsafeSlow(16 * BATCH);
let used = BATCH;
const text = Buffer.allocUnsafeSlow(36);
const LOWER_HEX = Buffer.from('0123456789abcdef', 'latin1');
const UPPER_HEX = Buffer.from('0123456789ABCDEF', 'latin1');
const DASH = 0x2d;

/** `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` in lower case, as randomUUID writes it, or in upper case (the gateways' request ids). */
export function uuidV4(upperCase = false): string {
  if (used === BATCH) {
    randomFillSync(random);
    used = 0;
  }
  const hex = upperCase ? UPPER_HEX : LOWER_HEX;
  let r = 16 * used++;
  let w = 0;
  for (let i = 0; i < 16; i++) {
    let byte = random[r++] as number;
    if (i === 6) byte = (byte & 0x0f) | 0x40; // the version, 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // the RFC 4122 variant
    text[w++] = hex[byte >> 4] as number;
    text[w++] = hex[byte & 0x0f] as number;
    if (i === 3 || i === 5 || i === 7 || i === 9) text[w++] = DASH;
  }
  return text.toString('latin1', 0, 36);
}
