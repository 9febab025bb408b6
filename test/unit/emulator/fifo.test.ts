// The store's first-in, first-out queue (the results each flow keeps): items come out in the order
// they went in, across the points where the queue drops its cleared front, and iterate oldest first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Fifo } from '../../../emulator/src/store/fifo';

test('an empty queue has nothing to take', () => {
  const q = new Fifo<number>();
  assert.equal(q.size, 0);
  assert.equal(q.shift(), undefined);
  assert.deepEqual([...q], []);
});

test('items come out in the order they went in, while the queue holds thousands and drops its front many times', () => {
  const q = new Fifo<number>();
  let next = 0;
  let expected = 0;
  // Kept at 3,000 items, as a flow keeps its latest results: each push past that takes the oldest.
  for (let i = 0; i < 20_000; i++) {
    q.push(next++);
    if (q.size > 3000) assert.equal(q.shift(), expected++);
  }
  assert.equal(q.size, 3000);
  assert.deepEqual([...q], Array.from({ length: 3000 }, (_, i) => expected + i));
  // Emptied completely, then used again.
  while (q.size > 0) assert.equal(q.shift(), expected++);
  assert.equal(expected, 20_000);
  assert.equal(q.shift(), undefined);
  q.push(7);
  assert.deepEqual([...q], [7]);
});

test('taking more than was put in at once is safe: the queue empties, then fills again in order', () => {
  const q = new Fifo<string>();
  for (let round = 0; round < 5; round++) {
    const batch = Array.from({ length: 1500 + round * 700 }, (_, i) => `${round}-${i}`);
    for (const item of batch) q.push(item);
    const taken: (string | undefined)[] = [];
    for (let i = 0; i < batch.length + 3; i++) taken.push(q.shift());
    assert.deepEqual(taken, [...batch, undefined, undefined, undefined]);
    assert.equal(q.size, 0);
  }
});
