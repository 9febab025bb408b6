// Expression evaluation: paths, operators and every built-in function, on the language service's AST.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonValue } from '../../../emulator/src/engine';
import {
  compileExpression,
  evaluate,
  evaluateCondition,
  type Variables,
} from '../../../emulator/src/engine/expressions/evaluate';

const vars = (input: JsonValue, extra: Record<string, JsonValue> = {}): Variables => ({
  get: (name) => (name === 'Input' || name === '' ? input : extra[name]),
});

const value = (text: string, input: JsonValue = {}, legacy = false): JsonValue =>
  evaluate(compileExpression(text, { where: 'test', maxNesting: 10, legacy }), vars(input));

const condition = (text: string, input: JsonValue = {}): boolean =>
  evaluateCondition(compileExpression(text, { where: 'test', maxNesting: 10, condition: true }), vars(input));

describe('expression paths and operators', () => {
  const input = { a: { b: [{ c: 1 }, { c: 2 }] }, s: 'ready', n: 12.5, list: [1, 2], map: { k: true } };

  test('members, indexes (negative from the end), missing paths are null', () => {
    assert.equal(value('$Input.a.b[1].c', input), 2);
    assert.equal(value('$Input.a.b[-1].c', input), 2);
    assert.equal(value('$Input["s"]', input), 'ready');
    assert.equal(value('$Input.missing.deeper', input), null);
  });

  test('legacy wildcard projections', () => {
    assert.deepEqual(value('$.a.b[*].c', input, true), [1, 2]);
  });

  test('comparisons, logic, prefix operators and in', () => {
    assert.equal(condition('$Input.s == "ready" && $Input.n > 12', input), true);
    assert.equal(condition('$Input.s != `ready` || -$Input.n < -13', input), false);
    assert.equal(condition('!($Input.n <= 12)', input), true);
    assert.equal(condition('2 in $Input.list && "k" in $Input.map && !(3 in $Input.list)', input), true);
    assert.equal(condition('$Input.a == {"b": [{"c": 1}, {"c": 2}]}', input), true);
    assert.equal(condition('"abc" < "abd"', input), true);
  });

  test('comparing a string with a number is an error that says so', () => {
    assert.throws(
      () => condition('$Input.s > 1', input),
      /> compares two numbers or two strings, got a string and a number/,
    );
  });
});

describe('built-in functions', () => {
  const cases: [string, JsonValue][] = [
    ['arrayContains(["Tom",10],10)', true],
    ['arrayContains(["Tom",10],"Jack")', false],
    ['arrayUnique([1, 2, 3, 1])', [1, 2, 3]],
    ['format("hello {}","world")', 'hello world'],
    ['format("{} + {} = {}", 1, 2, [3])', '1 + 2 = [3]'],
    ['fromBase64("Rm5G")', 'FnF'],
    ['toBase64("FnF")', 'Rm5G'],
    [`stringToJson('{"name": "Tom", "age": 10}')`, { name: 'Tom', age: 10 }],
    [`fromJSON('[1]')`, [1]],
    ['jsonToString({"a": 1})', '{"a":1}'],
    ['hash("abc","MD5")', '900150983cd24fb0d6963f7d28e17f72'],
    ['hash("abc","SHA-256")', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'jsonMerge({"name": "Tom", "age": 10},{"name": "Tom", "address": "beijing"})',
      { name: 'Tom', age: 10, address: 'beijing' },
    ],
    ['length([1, 2, 3])', 3],
    ['length({"name": "Tom", "age": 10})', 2],
    ['length("name")', 4],
    ['mapKeys({"a": 1, "b": 2})', ['a', 'b']],
    ['mapValues({"a": 1, "b": 2})', [1, 2]],
    ['regexMatchString("order-123", "^order-[0-9]+$")', true],
    ['split("a,b,c", ",")', ['a', 'b', 'c']],
    ['toArray(1, "x", true)', [1, 'x', true]],
    ['get([10, 20], 1)', 20],
    ['get({"k": "v"}, "k")', 'v'],
    ['intAdd(2, 3)', 5],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(value(text), expected));
  }

  test('uuid() and randomInt() produce fresh values in range', () => {
    assert.match(value('uuid()') as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 20; i++) {
      const n = value('randomInt(5, 8)') as number;
      assert.ok(Number.isInteger(n) && n >= 5 && n < 8);
    }
  });

  test('bad arguments fail with the function name and what was expected', () => {
    assert.throws(
      () => value('hash("abc", "SHA-3")'),
      /hash\(\): the algorithm must be one of MD5, SHA-1, SHA-256, SHA-512/,
    );
    assert.throws(() => value('stringToJson("{")'), /stringToJson\(\): the argument is not valid JSON/);
    assert.throws(() => value('length(1)'), /length\(\): the argument must be a string, array or object, got a number/);
    assert.throws(() => value('intAdd(1.5, 2)'), /intAdd\(\): the first argument must be an integer/);
  });

  test('more than 10 nested calls are refused when the flow is compiled', () => {
    const nested = `${'length(toArray('.repeat(6)}1${'))'.repeat(6)}`;
    assert.throws(
      () => compileExpression(nested, { where: 'state "S": InputConstructor.x.$', maxNesting: 10 }),
      /more than 10 nested function calls/,
    );
  });
});
