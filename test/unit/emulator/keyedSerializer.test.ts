// Per-name serialisation of the fnf handlers' writes: work for one name runs one at a time in the
// order it came, work for other names does not wait, a failure does not hold up what follows, and
// a name is forgotten once nothing for it is pending.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedSerializer } from '../../../emulator/src/api/fnf/serial';

/** A promise and the functions that settle it. */
function gate(): { promise: Promise<void>; open: () => void; fail: (e: Error) => void } {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

test('work for one name runs one at a time, in order; other names do not wait', async () => {
  const serial = new KeyedSerializer();
  const log: string[] = [];
  const first = gate();
  const a1 = serial.run('a', async () => {
    log.push('a1 start');
    await first.promise;
    log.push('a1 end');
    return 1;
  });
  const a2 = serial.run('a', async () => {
    log.push('a2');
    return 2;
  });
  const b1 = serial.run('b', async () => {
    log.push('b1');
    return 3;
  });
  assert.equal(await b1, 3);
  assert.deepEqual(log, ['a1 start', 'b1'], 'b ran while a1 was still pending; a2 waited');
  first.open();
  assert.deepEqual([await a1, await a2], [1, 2]);
  assert.deepEqual(log, ['a1 start', 'b1', 'a1 end', 'a2']);
});

test('a failed piece of work rejects its own caller only; the next one still runs', async () => {
  const serial = new KeyedSerializer();
  const failing = gate();
  const bad = serial.run('a', () => failing.promise);
  const next = serial.run('a', async () => 'ran');
  failing.fail(new Error('storage refused'));
  await assert.rejects(bad, /storage refused/);
  assert.equal(await next, 'ran');
});

test('a name is forgotten once nothing for it is pending, and work after that runs at once', async () => {
  const serial = new KeyedSerializer();
  const pending = gate();
  const one = serial.run('a', () => pending.promise);
  void serial.run('b', async () => undefined);
  assert.equal(serial.busyKeys, 2);
  pending.open();
  await one;
  await new Promise((r) => setImmediate(r));
  assert.equal(serial.busyKeys, 0);
  let ranAt = '';
  const again = serial.run('a', async () => {
    ranAt = 'during run()';
  });
  if (ranAt === '') ranAt = 'later';
  await again;
  assert.equal(ranAt, 'during run()');
  await new Promise((r) => setImmediate(r));
  assert.equal(serial.busyKeys, 0);
});
