// A value attached to its key reads as a WeakMap's would, and stays out of sight of everything
// else that looks at the key: its keys, copies, comparisons and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttachedCache } from '../../../server/src/cache/attachedCache';

test('a value is found by its key alone, replaced and forgotten', () => {
  const cache = new AttachedCache<object, string>('test');
  const a = {};
  const b = {};
  assert.equal(cache.get(a), undefined);
  assert.equal(cache.has(a), false);
  cache.set(a, 'one');
  assert.equal(cache.get(a), 'one');
  assert.equal(cache.has(a), true);
  assert.equal(cache.has(b), false);
  cache.set(a, 'two');
  assert.equal(cache.get(a), 'two');
  cache.delete(a);
  assert.equal(cache.get(a), undefined);
  assert.equal(cache.has(a), false);
  cache.delete(b); // a key never set: nothing to forget
  assert.equal(cache.has(b), false);
});

test('two caches keep their own values on the same key', () => {
  const first = new AttachedCache<object, number>('first');
  const second = new AttachedCache<object, number>('first');
  const key = {};
  first.set(key, 1);
  second.set(key, 2);
  assert.equal(first.get(key), 1);
  assert.equal(second.get(key), 2);
});

test('the key looks the same to copies, comparisons, its keys and JSON', () => {
  const cache = new AttachedCache<{ kind: string }, string[]>('test');
  const key = { kind: 'object' };
  cache.set(key, ['cached']);
  assert.deepEqual(Object.keys(key), ['kind']);
  assert.equal(JSON.stringify(key), '{"kind":"object"}');
  assert.deepStrictEqual(key, { kind: 'object' });
  const copy = { ...key };
  assert.equal(cache.get(copy), undefined);
  assert.deepStrictEqual(copy, { kind: 'object' });
});
