import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CORPORA } from '../corpus';
import {
  parseText,
  toJsonValue,
  type Node,
  type ObjectNode,
  type ScalarNode,
} from '../../../server/src/parse';

const obj = (n: Node | undefined): ObjectNode => {
  assert.equal(n?.kind, 'object');
  return n as ObjectNode;
};
const prop = (o: ObjectNode, key: string) => {
  const p = o.properties.find((x) => x.key === key);
  assert.ok(p, `property ${key}`);
  return p;
};
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('YAML positioned parse', () => {
  test('keys and values carry exact ranges; plain scalars resolve like js-yaml load', () => {
    const text = 'Type: StateMachine\nStartAt: A\nStates:\n  - Name: A\n    Seconds: 12\n    End: true\n    X: ~\n';
    const parsed = parseText(text, 'yaml');
    assert.deepEqual(parsed.syntaxProblems, []);
    const root = obj(parsed.root);
    assert.equal(slice(text, prop(root, 'StartAt').keyRange), 'StartAt');
    assert.equal(slice(text, prop(root, 'StartAt').value!.range), 'A');
    const states = prop(root, 'States').value!;
    assert.equal(states.kind, 'array');
    const first = obj(states.kind === 'array' ? states.items[0] : undefined);
    assert.equal(slice(text, first.range), 'Name: A\n    Seconds: 12\n    End: true\n    X: ~');
    assert.equal((prop(first, 'Seconds').value as ScalarNode).value, 12);
    assert.equal((prop(first, 'End').value as ScalarNode).value, true);
    assert.equal((prop(first, 'X').value as ScalarNode).value, null);
    assert.deepEqual(toJsonValue(parsed.root), load(text));
    // the holding property stretches over its whole value
    assert.equal(prop(root, 'States').range.end, first.range.end);
  });

  test('quoted scalars stay strings; range includes the quotes, contentRange does not', () => {
    const text = 'a: "1"\nb: \'true\'\nc: "x\\ty"\n';
    const root = obj(parseText(text, 'yaml').root);
    const a = prop(root, 'a').value as ScalarNode;
    assert.equal(a.value, '1');
    assert.equal(a.quoted, true);
    assert.equal(slice(text, a.range), '"1"');
    assert.equal(slice(text, a.contentRange!), '1');
    assert.equal((prop(root, 'b').value as ScalarNode).value, 'true');
    assert.equal((prop(root, 'c').value as ScalarNode).value, 'x\ty');
  });

  test('a key with no value yet keeps its property with value undefined (reads as null)', () => {
    const text = 'StartAt: A\nNext:\n';
    const parsed = parseText(text, 'yaml');
    const next = prop(obj(parsed.root), 'Next');
    assert.equal(next.value, undefined);
    assert.equal(slice(text, next.range), 'Next');
    assert.deepEqual(toJsonValue(parsed.root), { StartAt: 'A', Next: null });
    assert.deepEqual(toJsonValue(parsed.root), { StartAt: 'A', Next: null });
  });

  test('tags are recorded and the scalar kept; anchors and aliases are expanded', () => {
    const text = 'arn: !Ref svc/fn\nbase: &b {x: 1}\ncopy: *b\n';
    const parsed = parseText(text, 'yaml');
    const root = obj(parsed.root);
    const arn = prop(root, 'arn').value as ScalarNode;
    assert.equal(arn.tag, '!Ref');
    assert.equal(arn.value, 'svc/fn');
    const copy = prop(root, 'copy').value!;
    assert.equal(copy.aliasOf, 'b');
    assert.equal(slice(text, copy.range), '*b');
    assert.deepEqual(toJsonValue(parsed.root), { arn: 'svc/fn', base: { x: 1 }, copy: { x: 1 } });
    assert.deepEqual(toJsonValue(parsed.root), { arn: 'svc/fn', base: { x: 1 }, copy: { x: 1 } });
    assert.equal(slice(text, prop(root, 'base').value!.range), '{x: 1}');
  });

  test('an unknown alias is a problem, not an exception', () => {
    const parsed = parseText('a: *nope\n', 'yaml');
    assert.equal(parsed.syntaxProblems.length, 1);
    assert.match(parsed.syntaxProblems[0]!.message, /nope/);
  });

  test('alias expansion is bounded (a "billion laughs" document stays small)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(
        `${name}: &${name} [${Array(9)
          .fill('*' + prev)
          .join(', ')}]`,
      );
    }
    const parsed = parseText(levels.join('\n') + '\n', 'yaml');
    assert.equal(parsed.syntaxProblems.length, 1);
    assert.match(parsed.syntaxProblems[0]!.message, /Too many YAML alias expansions/);
  });

  test('a `__proto__` key is data, not a prototype', () => {
    const parsed = parseText('__proto__: {polluted: 1}\n', 'yaml');
    const value = toJsonValue(parsed.root) as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  test('block scalars: range starts at the indicator; value as js-yaml reads it', () => {
    const text = 'a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\nc: 1\n';
    const parsed = parseText(text, 'yaml');
    const root = obj(parsed.root);
    const a = prop(root, 'a').value as ScalarNode;
    assert.equal(a.value, 'line 1\nline 2\n');
    assert.equal(slice(text, a.range), '|\n  line 1\n  line 2');
    assert.equal((prop(root, 'b').value as ScalarNode).value, 'folded text');
    assert.deepEqual(toJsonValue(parsed.root), load(text));
  });

  test('comments, CRLF and a byte order mark leave offsets pointing at the right characters', () => {
    const text = '\ufeff# header\r\nType: StateMachine # trailing\r\nStartAt: Go\r\n';
    const parsed = parseText(text, 'yaml');
    assert.deepEqual(parsed.syntaxProblems, []);
    const root = obj(parsed.root);
    assert.equal(slice(text, prop(root, 'StartAt').value!.range), 'Go');
    assert.equal(slice(text, prop(root, 'Type').value!.range), 'StateMachine');
  });

  test('multi-line plain scalars', () => {
    const text = 'd: this is\n  one value\ne: 2\n';
    const parsed = parseText(text, 'yaml');
    assert.equal((prop(obj(parsed.root), 'd').value as ScalarNode).value, 'this is one value');
  });

  test('a syntax error is reported with a range and the rest of the document is kept', () => {
    const text = 'StartAt: A\nStates:\n  - Name: A\n   bad: [\nEnd: true\n';
    const parsed = parseText(text, 'yaml');
    assert.equal(parsed.syntaxProblems.length, 1);
    const p = parsed.syntaxProblems[0]!;
    assert.ok(p.range.start >= 0 && p.range.end <= text.length && p.range.start <= p.range.end);
    assert.match(p.message, /YAML syntax error/);
    const root = obj(parsed.root);
    assert.equal((prop(root, 'StartAt').value as ScalarNode).value, 'A');
    assert.equal((prop(root, 'End').value as ScalarNode).value, true);
  });

  test('an unclosed quote is underlined where it opens, and only its line is lost', () => {
    // js-yaml notices the problem on the next line ("deficient indentation").
    const text = 'StartAt: A\nStates:\n  - Name: A\n    Next: "B\n    Type: Pass\n  - Name: B\nEnd: true\n';
    const parsed = parseText(text, 'yaml');
    assert.equal(parsed.syntaxProblems.length, 1);
    const p = parsed.syntaxProblems[0]!;
    assert.equal(slice(text, p.range), '"B');
    assert.match(p.message, /not closed/);
    assert.deepEqual(toJsonValue(parsed.root), {
      StartAt: 'A',
      States: [{ Name: 'A', Type: 'Pass' }, { Name: 'B' }],
      End: true,
    });
  });

  test('an unclosed flow sequence underlines its last character, not the empty line after it', () => {
    const text = 'a: 1\nb: [1, \n';
    const parsed = parseText(text, 'yaml');
    assert.deepEqual(
      parsed.syntaxProblems.map((p) => p.range),
      [{ start: 10, end: 11 }],
    );
    assert.deepEqual(toJsonValue(parsed.root), { a: 1 });
  });

  test('empty, comment-only and multi-document texts', () => {
    assert.equal(parseText('', 'yaml').root, undefined);
    assert.equal(parseText('# only a comment\n', 'yaml').root, undefined);
    assert.deepEqual(toJsonValue(parseText('a: 1\n---\nb: 2\n', 'yaml').root), { a: 1 });
  });

  test('never throws, even on binary garbage and NUL bytes', () => {
    for (const text of ['\0', 'a: "\0"', '- [\n{', ':::', '? [a]\n: b', '&a [*a]', '*', '!!binary x', '\t- x']) {
      const parsed = parseText(text, 'yaml');
      for (const p of parsed.syntaxProblems)
        assert.ok(p.range.start >= 0 && p.range.end <= text.length, JSON.stringify(text));
    }
  });

  for (const { name, dir: corpus } of CORPORA)
    test(`every ${name} corpus YAML flow that js-yaml loads gives the same value through the tree`, () => {
      let compared = 0;
      for (const dir of ['fdl-statemachine', 'fdl-legacy']) {
        for (const f of readdirSync(join(corpus, dir))) {
          const text = readFileSync(join(corpus, dir, f), 'utf8');
          let expected: unknown;
          try {
            expected = load(text);
          } catch {
            continue; // custom tags (!Ref) and known-broken files: js-yaml's plain load refuses them
          }
          const parsed = parseText(text, 'yaml');
          assert.deepEqual(parsed.syntaxProblems, [], f);
          assert.deepEqual(toJsonValue(parsed.root), expected, f);
          // the value built in the same pass as the tree agrees too
          assert.deepEqual(toJsonValue(parsed.root), expected, f);
          compared++;
        }
      }
      assert.ok(compared >= 20, `compared ${compared}`);
    });
});
