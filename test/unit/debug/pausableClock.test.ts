// Flow time stands still while the debugger is stopped: timers due during a pause fire only
// after it, as late as the pause was long.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PausableClock, type RealTime } from '../../../debug/src/pausableClock';

/** Real time moved by hand. */
class ManualTime implements RealTime {
  t = 1_000;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  now(): number {
    return this.t;
  }
  setTimeout(ms: number, fn: () => void): () => void {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return () => (timer.live = false);
  }
  advance(ms: number): void {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.live && x.at <= this.t)) {
      timer.live = false;
      timer.fn();
    }
  }
}

test('a timer due while paused fires after the pause, as late as the pause was long', () => {
  const real = new ManualTime();
  const clock = new PausableClock(real);
  const fired: number[] = [];
  clock.setTimer(100, () => fired.push(real.now()));
  real.advance(40);
  clock.pause();
  assert.equal(clock.now(), 40 + 1_000);
  real.advance(500);
  assert.equal(clock.now(), 40 + 1_000, 'flow time stands still while paused');
  assert.deepEqual(fired, []);
  clock.resume();
  real.advance(59);
  assert.deepEqual(fired, []);
  real.advance(1);
  assert.deepEqual(fired, [1_600]);
  assert.equal(clock.now(), 1_100);
});

test('a cancelled timer never fires, paused or not', () => {
  const real = new ManualTime();
  const clock = new PausableClock(real);
  let fired = false;
  const cancel = clock.setTimer(10, () => (fired = true));
  clock.pause();
  cancel();
  clock.resume();
  real.advance(100);
  assert.equal(fired, false);
});
