// The real clock: its long timers (one cancelled in the turn it was set never becomes a Node timer;
// one still wanted at the end of the turn is armed for the time left, and fires), and its time text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoTime, realClock } from '../../../emulator/src/engine/clock';

const nodeTimers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a long timer cancelled in its turn makes no Node timer', async () => {
  const before = nodeTimers();
  let fired = false;
  const cancels = Array.from({ length: 8 }, () => realClock.setTimer(300_000, () => (fired = true)));
  for (const cancel of cancels) cancel();
  await endOfTurn();
  await endOfTurn();
  assert.equal(nodeTimers(), before);
  assert.equal(fired, false);
});

test('a long timer still wanted at the end of its turn is armed, and cancelling it clears it', async () => {
  const before = nodeTimers();
  const cancel = realClock.setTimer(300_000, () => assert.fail('fired'));
  const kept = realClock.setTimer(300_000, () => assert.fail('fired'));
  cancel();
  await endOfTurn();
  assert.equal(nodeTimers(), before + 1);
  kept();
  assert.equal(nodeTimers(), before);
});

test('a long timer fires once its time is up, counted from when it was set', async () => {
  const set = performance.now();
  const firedAt = await new Promise<number>((resolve) => {
    realClock.setTimer(1000, () => resolve(performance.now()));
  });
  // Node timers may fire up to a millisecond early by this clock (they count whole milliseconds).
  assert.ok(firedAt - set >= 999, `fired after ${firedAt - set} ms`);
});

test('short timers are Node timers at once', () => {
  const before = nodeTimers();
  const cancel = realClock.setTimer(10, () => undefined);
  assert.equal(nodeTimers(), before + 1);
  cancel();
  assert.equal(nodeTimers(), before);
});

test('isoTime writes every time as Date.prototype.toISOString does', () => {
  const times = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1_764_887_836_000, 1_764_887_836_007, 1_764_887_836_070, 1_764_887_836_999,
    1_764_887_837_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001, 1.5, 8.64e15];
  let seed = 3;
  for (let i = 0; i < 5000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    // Runs of nearby times (the same second, the next one) and jumps far apart.
    times.push(i % 50 === 0 ? seed * 60_000 : (times.at(-1) as number) + (seed % 700));
  }
  for (const t of times) assert.equal(isoTime(t), new Date(t).toISOString(), String(t));
  assert.throws(() => isoTime(Number.NaN), RangeError);
});
