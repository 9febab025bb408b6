// valueDepth answers objects and arrays that hold no object at once; the answers are those of
// the full count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valueDepth } from '../../../emulator/src/engine/json';

test('flat objects and arrays are one level deep, whatever the limit', () => {
  assert.equal(valueDepth({}), 1);
  assert.equal(valueDepth([]), 1);
  assert.equal(valueDepth({ v: 1, s: 'x', n: null, b: true }), 1);
  assert.equal(valueDepth([1, 'x', null]), 1);
  assert.equal(valueDepth({ v: 1 }, 0), 1);
  assert.equal(valueDepth(null), 0);
  assert.equal(valueDepth('text'), 0);
});

test('an object child anywhere is counted', () => {
  assert.equal(valueDepth({ a: 1, b: { c: 2 } }), 2);
  assert.equal(valueDepth([1, [2, [3]]]), 3);
  assert.equal(valueDepth({ a: 1, b: [] }), 2);
  assert.equal(valueDepth({ a: [1, { b: 2 }] }), 3);
});

test('an inherited object property does not count, as Object.values does not see it', () => {
  const value = Object.create({ inherited: { deep: { deeper: 1 } } }) as Record<string, unknown>;
  value['own'] = 1;
  assert.equal(valueDepth(value), 1);
});
