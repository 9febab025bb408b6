// The scanner for everyday YAML must read a text exactly as the general parser (js-yaml's
// events) does, or give up: these tests compare the two trees, ranges and values included, on
// the corpus, on generated flows, on mutations of both, and on random texts built from tricky
// pieces of YAML.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusTexts } from '../corpus';
import { describeNode } from './describeTree';
import { generateFdl } from '../../../bench/lib/generate';
import { parseEverydayYaml, parseYamlGeneral } from '../../../server/src/parse/yaml';
import { toJsonValue } from '../../../server/src/parse';
import type { ParsedText } from '../../../server/src/parse/tree';

function describeParsed(parsed: ParsedText): unknown {
  return {
    root: describeNode(parsed.root, undefined),
    value: JSON.stringify(toJsonValue(parsed.root)),
    repeated: (parsed.repeatedKeys ?? []).map((p) => p.keyRange.start),
    problems: parsed.syntaxProblems,
  };
}

/** Compares the two paths on `text`; returns whether the scanner read it. */
function agree(text: string): boolean {
  const fast = parseEverydayYaml(text);
  if (fast === undefined) return false;
  const general = parseYamlGeneral(text);
  assert.deepEqual(general.syntaxProblems, [], `the scanner read a text the general parser rejects:\n${text}`);
  assert.deepEqual(describeParsed(fast), describeParsed(general), `trees differ for:\n${text}`);
  return true;
}

const SAMPLES = [...corpusTexts(/\.ya?ml$/), generateFdl(10), generateFdl(60)];

/** Scalars as flows write them, and some of YAML's corners that are still everyday YAML. */
const COMMON = [
  'a', 'a b', 'Task', 'FnF.ALL', '$Input.x', 'acs:fc:cn-hangzhou:1:functions/f', 'http://x/y?q=1#f', '-1', '-x', '+1', '.5', '0x1F', '0o17', '1e3', '.inf', '.NaN',
  'true', 'False', 'null', '~', 'a#b', 'a #c', ':x', '?x', '"x"', '"a\\tb"', '"\\u00e9"', '"\\x41\\U0001F600"', "'y'", "'it''s'", '""', "''",
  '[a, b]', '[]', '{}', '{a: b}', '{"a":1}', '[a, [b, {c: d}]]', '["x", \'y\', 1]', '!Ref a', '!!str 1', '!!int 7', '!Sub "x"',
  'a[b]', 'a]', 'a:b', 'é', '日本', '😀', 'x  ', 'a\u0085b', 'a\u2028b', '$Input.a == "b" && $Input.n > 1',
];
/** Pieces that are not everyday YAML or not YAML at all: the scanner must leave each to the general parser. */
const TRICKY = [
  '', '# c', '- a', '-', '"bad\\q"', '"a', "'a", '[a,]', '[a: b]', '{a: }', '[a', '&x a', '*x', '!t', '!<x> a', '|', '>-', '%x', '@x', '`x',
  'a: b', 'a:', '"a" b', '[a] b', '? a', 'a\tb', '{{a}}', '[a]b', '!t [a]', '"a\\\n b"',
];
const SCALARS = [...COMMON, ...TRICKY];
const KEYS = ['Type', 'Next', 'Type', 'Next', 'Name', 'States', 'Branches', 'Parameters', 'a b', '"q"', "'s'", '"k\\"', 'k', 'Next', '-k', 'x#y', '日本', 'Retry', 'Catch', 'Errors', 'End', '[k]', '? k', '"a":', '&a k', '!t k', 'k #'];

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

/** How a tree is written out: the choices a person (or a mistake) makes. */
interface Style {
  compactSeq: boolean; // a sequence under a key written level with the key
  dashGap: number; // spaces after `-`
  step: number; // indentation step
  comments: boolean;
  crlf: boolean;
  marker: boolean; // a leading `---`
  rootIndent: number;
  keyGap: string; // what stands between a key and its colon
}

const trees = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof({ arbitrary: fc.constantFrom(...COMMON), weight: 9 }, { arbitrary: fc.constantFrom(...TRICKY), weight: 1 }).map((text) => ({ kind: 'scalar' as const, text })),
    tie('map'),
    tie('seq'),
  ),
  map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
}));
/** A document's root: a mapping or a sequence (a root scalar is not everyday YAML). */
const tree = fc.oneof({ arbitrary: trees.map, weight: 3 }, { arbitrary: trees.seq, weight: 1 });

const style: fc.Arbitrary<Style> = fc.record({
  compactSeq: fc.boolean(),
  dashGap: fc.constantFrom(1, 1, 1, 3),
  step: fc.constantFrom(2, 2, 4, 1),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  marker: fc.boolean(),
  rootIndent: fc.constantFrom(0, 0, 0, 2),
  keyGap: fc.constantFrom('', '', '', ' '),
});

/** Writes `node` as block YAML lines at `indent`; `first` is what starts the first line (a dash). */
function write(node: Tree, indent: number, s: Style, out: string[], first?: string): void {
  const pad = ' '.repeat(indent);
  const note = s.comments ? ' # note' : '';
  switch (node.kind) {
    case 'scalar':
      out.push(`${first ?? pad}${node.text}${note}`);
      return;
    case 'map':
      node.entries.forEach(([key, value], i) => {
        const lead = i === 0 && first !== undefined ? first : pad;
        if (value.kind === 'scalar') {
          out.push(`${lead}${key}${s.keyGap}: ${value.text}${note}`);
        } else {
          out.push(`${lead}${key}${s.keyGap}:${note}`);
          write(value, value.kind === 'seq' && s.compactSeq ? indent : indent + s.step, s, out);
        }
      });
      if (s.comments) out.push(`${pad}# after`, '');
      return;
    case 'seq':
      for (const item of node.items) {
        const dash = `${first ?? pad}-${' '.repeat(s.dashGap)}`;
        first = undefined;
        // The item starts on the dash's line: `- a`, `- key: a`, `- - a`.
        write(item, indent + 1 + s.dashGap, s, out, dash);
      }
  }
}

/** A random block YAML text: well-formed in shape, with tricky scalars and keys in it. */
const yamlText = fc.tuple(tree, style).map(([root, s]) => {
  const out: string[] = s.marker ? ['---'] : [];
  write(root, s.rootIndent, s, out);
  return out.join(s.crlf ? '\r\n' : '\n') + '\n';
});

/** A sample with one line deleted, duplicated, re-indented, cut short or with a piece spliced in. */
const mutated = fc
  .record({
    sample: fc.integer({ min: 0, max: SAMPLES.length - 1 }),
    line: fc.nat(),
    kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'truncate', 'splice', 'cut'),
    piece: fc.constantFrom(...SCALARS, ...KEYS, ': ', '- ', '  ', '\t', '#'),
    at: fc.nat(),
  })
  .map(({ sample, line, kind, piece, at }) => {
    const lines = SAMPLES[sample]!.split('\n');
    const i = line % lines.length;
    const l = lines[i]!;
    switch (kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, l); break;
      case 'indent': lines[i] = ' ' + l; break;
      case 'dedent': lines[i] = l.replace(/^ /, ''); break;
      case 'truncate': lines[i] = l.slice(0, at % (l.length + 1)); break;
      case 'splice': { const p = at % (l.length + 1); lines[i] = l.slice(0, p) + piece + l.slice(p); break; }
      case 'cut': lines.length = i + 1; break;
    }
    return lines.join('\n');
  });

/** Runs `agree` on `runs` texts drawn from `texts`; counts the ones the scanner read. */
function compareOn(texts: fc.Arbitrary<string>, runs: number, seed: number): { read: number; runs: number } {
  let read = 0;
  fc.assert(
    fc.property(texts, (text) => {
      if (agree(text)) read++;
    }),
    { numRuns: runs, seed },
  );
  return { read, runs };
}

describe('the everyday-YAML scanner reads exactly what the general parser reads', () => {
  test('every corpus flow and generated flow: same tree, and the scanner reads nearly all of them', () => {
    let read = 0;
    for (const text of SAMPLES) if (agree(text)) read++;
    // Only flows with block scalars (`|`, `>`) or syntax errors go to the general parser.
    const expected = SAMPLES.filter((t) => !/:\s*[|>][-+]?\s*$/m.test(t) && parseYamlGeneral(t).syntaxProblems.length === 0).length;
    assert.equal(read, expected, `the scanner read ${read} of the ${expected} flows it should`);
  });

  test('hand-picked corners', () => {
    const cases: [string, boolean][] = [
      ['a: 1\nb:\n  - x\n  - y: 2\n    z: "q"\n', true],
      ['a:\n- x\n- y\nb: 1\n', true],
      ['- - a\n  - b\n- c\n', true],
      ['---\na: 1\n', true],
      ['a: 1\r\nb: [x, "y"]\r\n', true],
      ['key : v\n', true],
      ["'k': \"it's\"\n", true],
      ['a: b\n c\n', false], // a two-line plain scalar
      ['a: |\n  x\n', false],
      ['a: &x 1\nb: *x\n', false],
      ['a: 1\n---\nb: 2\n', false],
      ['a: 1\n\tb: 2\n', false],
      ['a: b: c\n', false],
      ['- \n', true],
      ['States:\n  - Type: Pass\n  -\n  - \nEnd: 1\n', true],
      ['x\n', false],
    ];
    for (const [text, expected] of cases) assert.equal(agree(text), expected, JSON.stringify(text));
  });

  test('random texts from tricky pieces: read alike or left to the general parser', (t) => {
    const { read, runs } = compareOn(yamlText, 3000, 20261123);
    t.diagnostic(`the scanner read ${read} of ${runs} random texts`);
    // The scanner must take a good share, or this test would prove nothing.
    assert.ok(read > runs / 10, `the scanner read ${read} of ${runs} texts`);
  });

  test('mutated flows: read alike or left to the general parser', (t) => {
    const { read, runs } = compareOn(mutated, 1500, 7);
    t.diagnostic(`the scanner read ${read} of ${runs} mutated flows`);
    assert.ok(read > runs / 4, `the scanner read ${read} of ${runs} texts`);
  });
});
