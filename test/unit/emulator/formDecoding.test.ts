// The emulator's form and query decoder reads every text exactly as URLSearchParams does (the
// gateways' reading), including malformed escapes and bytes that are not UTF-8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeForm } from '../../../emulator/src/api/transport/request';

const viaUrlSearchParams = (text: string): Record<string, string> => {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
};

test('decodes forms as URLSearchParams does', () => {
  const cases = [
    '', '&', '&&a=1&&', 'a', 'a=', '=x', '==', 'a=b=c', 'a=1&a=2', '?a=1', '??a=1', 'a+b=c+d', '%2B=%2b',
    'Timestamp=2026-01-01T00%3A00%3A00Z&Signature=ab%2Fcd%2B%3D', 'n=%E4%BD%A0%E5%A5%BD', 'bad=%zz', 'bad=%E0%A4%A',
    'half=%C3', 'overlong=%C0%AF', 'lone=%ED%A0%80', '__proto__=x&constructor=y', 'a=%', 'a=%2', 'sp=%20+%20', '+=+',
  ];
  for (const text of cases) assert.deepEqual(decodeForm(text), viaUrlSearchParams(text), text);
});

test('decodes random forms as URLSearchParams does', () => {
  const alphabet = ['a', 'B', '=', '&', '%', '+', '2', 'F', 'E', '4', 'C', '0', '?', ' ', 'é'];
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 5000; i++) {
    let text = '';
    const length = Math.floor(next() * 16);
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
    assert.deepEqual(decodeForm(text), viaUrlSearchParams(text), JSON.stringify(text));
  }
});
