import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText, toJsonValue, type ObjectNode, type ScalarNode } from '../../../server/src/parse';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('JSON positioned parse', () => {
  test('ranges of keys and values, quotes included; contentRange inside them', () => {
    const text = '{\n  "version": "7.1",\n  "screens": [{"id": "A"}]\n}';
    const parsed = parseText(text, 'json');
    assert.deepEqual(parsed.syntaxProblems, []);
    const root = parsed.root as ObjectNode;
    const v = root.properties[0]!;
    assert.equal(slice(text, v.keyRange), '"version"');
    assert.equal(v.key, 'version');
    const value = v.value as ScalarNode;
    assert.equal(slice(text, value.range), '"7.1"');
    assert.equal(slice(text, value.contentRange!), '7.1');
    assert.deepEqual(toJsonValue(parsed.root), JSON.parse(text));
  });

  test('a half-typed property keeps its key with no value, and the error has a range', () => {
    const text = '{"a": 1, "b": }';
    const parsed = parseText(text, 'json');
    const b = (parsed.root as ObjectNode).properties[1]!;
    assert.equal(b.key, 'b');
    assert.equal(b.value, undefined);
    assert.equal(parsed.syntaxProblems.length, 1);
    assert.deepEqual(parsed.syntaxProblems[0]!.range, { start: 14, end: 15 });
    assert.match(parsed.syntaxProblems[0]!.message, /value is expected/);
  });

  test('comments are reported (JSON has none); a BOM is tolerated', () => {
    const parsed = parseText('\ufeff{"a": 1 // c\n}', 'json');
    assert.deepEqual(toJsonValue(parsed.root), { a: 1 });
    assert.equal(parsed.syntaxProblems.length, 1);
    assert.match(parsed.syntaxProblems[0]!.message, /comments are not allowed/);
  });

  test('an unterminated string and a missing brace', () => {
    const text = '{"a": "x';
    const parsed = parseText(text, 'json');
    assert.deepEqual(toJsonValue(parsed.root), { a: 'x' });
    assert.ok(parsed.syntaxProblems.length >= 1);
    for (const p of parsed.syntaxProblems) assert.ok(p.range.end <= text.length);
  });

  test('empty text gives no root and one problem', () => {
    const parsed = parseText('', 'json');
    assert.equal(parsed.root, undefined);
    assert.equal(parsed.syntaxProblems.length, 1);
  });
});
