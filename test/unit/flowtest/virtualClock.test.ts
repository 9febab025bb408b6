// The test cases' virtual clock: it jumps to the next timer once the run only waits, and holds
// still while paused (a debugger stopped at a state), firing nothing and never calling the run stuck.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VirtualClock } from '../../../flowtest/src/virtualClock';

/** Resolves once every setImmediate queued so far (and those they queue, `rounds` deep) has run. */
async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

function clock(): { clock: VirtualClock; stuck: () => number } {
  let stuck = 0;
  const c = new VirtualClock({
    start: 1_000,
    activity: () => 0,
    busy: () => false,
    whenIdle: () => undefined,
    onStuck: () => stuck++,
  });
  return { clock: c, stuck: () => stuck };
}

describe('flowtest: the virtual clock', () => {
  test('an idle run jumps straight to its timer', async () => {
    const { clock: c } = clock();
    const fired: number[] = [];
    c.setTimer(5_000, () => fired.push(c.now()));
    c.start();
    await settle();
    assert.deepEqual(fired, [6_000]);
    c.dispose();
  });

  test('paused, no timer fires and the run is not stuck; resumed, time moves on', async () => {
    const { clock: c, stuck } = clock();
    const fired: number[] = [];
    c.pause();
    c.setTimer(2_000, () => fired.push(c.now()));
    c.start();
    await settle();
    assert.deepEqual(fired, []);
    assert.equal(c.now(), 1_000);
    c.resume();
    await settle();
    assert.deepEqual(fired, [3_000]);
    assert.equal(stuck(), 1, 'with the timer gone and nothing running, the run is stuck');
    c.dispose();
  });
});
