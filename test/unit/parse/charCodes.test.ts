// The readers index a text's code units instead of calling charCodeAt: the array must hold
// exactly what charCodeAt gives (surrogates one by one, as the editor counts characters), then
// the end-of-text mark, which no loop may take for part of the text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { END_OF_TEXT, charCodesOf } from '../../../server/src/parse/charCodes';

describe('charCodesOf', () => {
  test('holds the code units of any text, then END_OF_TEXT', () => {
    // Full Unicode, lone surrogates and control characters included.
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }));
    fc.assert(
      fc.property(anyText, (text) => {
        const codes = charCodesOf(text);
        assert.equal(codes.length, text.length + 1);
        for (let i = 0; i < text.length; i++) assert.equal(codes[i], text.charCodeAt(i), `at ${i}`);
        assert.equal(codes[text.length], END_OF_TEXT);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  test('the end of the text is a control character, as no JSON token or whitespace is', () => {
    assert.ok(END_OF_TEXT < 0x20 && ![0x09, 0x0a, 0x0d].includes(END_OF_TEXT));
  });

  test('a text read after a longer one holds none of its characters', () => {
    charCodesOf('x'.repeat(5000));
    assert.deepEqual([...charCodesOf('ab')], [0x61, 0x62, END_OF_TEXT]);
  });
});
