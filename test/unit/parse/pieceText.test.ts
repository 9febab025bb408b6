// A text kept as pieces reads exactly as the one string it stands for, after any sequence of
// replacements: every character, slice and one-character search, from anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '../../../server/src/parse/pieceText';

const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261202);

const replacement = fc.record({ at: fc.nat(), length: fc.nat(6), text: fc.array(fc.constantFrom('a', 'b', '\n', '\r', '-', ' '), { maxLength: 5 }).map((xs) => xs.join('')) });

function sameReads(pieces: PieceText, text: string): void {
  assert.equal(pieces.length, text.length);
  assert.equal(String(pieces), text);
  for (let i = -2; i <= text.length + 1; i++) {
    assert.equal(Number.isNaN(pieces.charCodeAt(i)) ? NaN : pieces.charCodeAt(i), Number.isNaN(text.charCodeAt(i)) ? NaN : text.charCodeAt(i), `charCodeAt(${i})`);
    assert.equal(pieces.indexOf('\n', i), text.indexOf('\n', i), `indexOf(\\n, ${i})`);
    assert.equal(pieces.indexOf('-', i), text.indexOf('-', i), `indexOf(-, ${i})`);
    assert.equal(pieces.lastIndexOf('\n', i), text.lastIndexOf('\n', i), `lastIndexOf(\\n, ${i})`);
    for (const end of [i, i + 1, i + 3, text.length, -1]) assert.equal(pieces.slice(i, end), text.slice(i, end), `slice(${i}, ${end})`);
    assert.equal(pieces.startsWith('a\n', i), text.startsWith('a\n', i), `startsWith(a\\n, ${i})`);
  }
  assert.equal(pieces.slice(3), text.slice(3));
  assert.equal(pieces.lastIndexOf('\n'), text.lastIndexOf('\n'));
}

test('after any replacements, a piece text reads as the string it stands for', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '-'), { maxLength: 30 }).map((xs) => xs.join('')), fc.array(replacement, { maxLength: 12 }), (start, edits) => {
      let text = start;
      let pieces = PieceText.of(start);
      for (const e of edits) {
        const from = text.length === 0 ? 0 : e.at % (text.length + 1);
        const to = Math.min(text.length, from + e.length);
        const before = String(pieces);
        pieces = pieces.replace(from, to, e.text);
        text = text.slice(0, from) + e.text + text.slice(to);
        sameReads(pieces, text);
        assert.equal(before.length + e.text.length - (to - from), text.length);
      }
    }),
    { numRuns: 300, seed: SEED },
  );
});

test('a replacement leaves the text it was made from as it was', () => {
  const first = PieceText.of('one\ntwo\nthree\n');
  const second = first.replace(4, 7, 'TWO');
  assert.equal(String(first), 'one\ntwo\nthree\n');
  assert.equal(String(second), 'one\nTWO\nthree\n');
  assert.equal(second.pieceCount, 3);
});

test('a search for more than one character is refused, not answered wrongly', () => {
  assert.throws(() => PieceText.of('a\r\nb').indexOf('\r\n'), /one character/);
});

test('many edits far apart are copied back into one string now and then, and still read the same', () => {
  let text = 'x'.repeat(5000);
  let pieces = PieceText.of(text);
  for (let i = 0; i < 600; i++) {
    const at = (i * 1237) % text.length;
    pieces = pieces.replace(at, at + 1, 'y');
    text = text.slice(0, at) + 'y' + text.slice(at + 1);
    assert.ok(pieces.pieceCount <= 513, `${pieces.pieceCount} pieces after ${i + 1} edits`);
  }
  assert.equal(String(pieces), text);
});
