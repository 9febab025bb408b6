// The strict JSON reader must build exactly the tree jsonc-parser's path builds, or give up:
// these tests compare the two on the corpus, on generated flows, on random JSON values written
// with random spacing, and on mutations of all of them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { corpusTexts } from '../corpus';
import { describeNode } from './describeTree';
import { generateFdl } from '../../../bench/lib/generate';
import { parseJsonGeneral } from '../../../server/src/parse/json';
import { scanStrictJson } from '../../../server/src/parse/jsonScanner';
import type { OffsetRange } from '../../../server/src/parse/tree';
import { duplicateKeyProblems } from '../../../server/src/schema/duplicateKeys';

const sortedStarts = (ranges: OffsetRange[]): number[] => ranges.map((r) => r.start).sort((a, b) => a - b);

/** Compares the two paths on `text`; returns whether the strict reader read it. */
function agree(text: string): boolean {
  const fast = scanStrictJson(text);
  const general = parseJsonGeneral(text);
  if (fast === undefined) return false;
  assert.deepEqual(general.syntaxProblems, [], `the strict reader read a text jsonc-parser rejects:\n${text}`);
  assert.deepEqual(describeNode(fast.root, undefined), describeNode(general.root, undefined), `trees differ for:\n${text}`);
  // The repeated keys are the ones a walk of the tree finds.
  assert.deepEqual(sortedStarts(fast.repeatedKeys.map((p) => p.keyRange)), sortedStarts(duplicateKeyProblems(general.root).map((p) => p.range)));
  return true;
}

const flow = load(generateFdl(40));
const SAMPLES = [...corpusTexts(/\.json$/), JSON.stringify(flow), JSON.stringify(flow, null, 2), JSON.stringify(flow, null, '\t')];

/** JSON text of a random value, with random (valid) whitespace between tokens. */
const jsonText = fc.tuple(fc.jsonValue({ stringUnit: 'binary' }), fc.constantFrom(0, 1, 2, '\t', ' \r\n ')).map(([value, space]) => `${space === 0 ? '' : ' \n'}${JSON.stringify(value, null, space)}${space === 0 ? '' : '\r\n'}`);

/** A sample with a piece spliced in, a stretch deleted or the text cut short. */
const mutated = fc
  .record({
    sample: fc.integer({ min: 0, max: SAMPLES.length - 1 }),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 4 }),
    kind: fc.constantFrom('splice', 'delete', 'cut'),
    piece: fc.constantFrom(',', ',]', ',}', '//c\n', '/* c */', '"', '\\', '\\q', '\\u12', '0', '-', '.', 'e', '01', 'tru', 'nul', '\u0001', '\u2028', '\uFEFF', ' ', '{}', '[]', ':', '1e', '-0', '1.5e+3'),
  })
  .map(({ sample, at, length, kind, piece }) => {
    const text = SAMPLES[sample]!;
    const p = at % (text.length + 1);
    if (kind === 'splice') return text.slice(0, p) + piece + text.slice(p);
    if (kind === 'delete') return text.slice(0, p) + text.slice(p + length);
    return text.slice(0, p);
  });

describe('the strict JSON reader reads exactly what jsonc-parser reads', () => {
  test('every JSON file of the corpus and generated flows: same tree, all read', () => {
    for (const text of SAMPLES) {
      const clean = text.charCodeAt(0) !== 0xfeff && parseJsonGeneral(text).syntaxProblems.length === 0;
      assert.equal(agree(text), clean, text.slice(0, 80));
    }
  });

  test('hand-picked corners', () => {
    const cases: [string, boolean][] = [
      ['{"a": [1, -0, 0.5, 1e3, -2E-2, true, false, null, "x\\u00e9\\n"]}', true],
      ['  [ ]  ', true],
      ['"just a string"', true],
      ['{"a": 1, "a": 2}', true],
      ['{"a": 1,}', false],
      ['{"a": 1} // note', false],
      ['{"a": 01}', false],
      ['{"a": "tab\there"}', false],
      ['{"a": 1', false],
      ['', false],
      ['\uFEFF{}', false],
    ];
    for (const [text, expected] of cases) assert.equal(agree(text), expected, JSON.stringify(text));
  });

  test('random JSON values: all read, trees alike', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        assert.ok(agree(text), `not read: ${text}`);
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  test('mutated JSON: read alike or left to jsonc-parser', (t) => {
    let read = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        if (agree(text)) read++;
      }),
      { numRuns: 1500, seed: 5 },
    );
    t.diagnostic(`the strict reader read ${read} of 1500 mutated texts`);
    assert.ok(read > 100, `the strict reader read ${read} of 1500 texts`);
  });
});
