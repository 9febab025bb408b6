// The real clock, and waiting on a clock in a way that a stop or timeout can cut short.
import type { CancelSignal } from './cancel';
import { RunInterrupted } from './errors';
import type { Clock } from './types';

export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    if (ms >= DEFERRED_FROM_MS) return deferredTimer(ms, callback);
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/**
 * Timers this long are mostly execution timeouts of runs that end within the same turn of the
 * event loop (an Express run of Pass and Choice states never leaves it). They are armed at the end
 * of the turn, when still wanted: a Node timer made and cleared per run took about 12 µs of such
 * a run under load (its CPU profile). The due time is fixed when the timer is set.
 */
const DEFERRED_FROM_MS = 1000;

interface DeferredTimer {
  readonly due: number;
  readonly callback: () => void;
  cancelled: boolean;
  armed: NodeJS.Timeout | undefined;
}

/** Timers set in this turn of the event loop, armed by one setImmediate. */
let toArm: DeferredTimer[] = [];

function deferredTimer(ms: number, callback: () => void): () => void {
  const timer: DeferredTimer = { due: performance.now() + ms, callback, cancelled: false, armed: undefined };
  if (toArm.push(timer) === 1) setImmediate(armDeferred);
  return () => {
    timer.cancelled = true;
    if (timer.armed) clearTimeout(timer.armed);
  };
}

function armDeferred(): void {
  const timers = toArm;
  toArm = [];
  const now = performance.now();
  for (const t of timers) if (!t.cancelled) t.armed = setTimeout(t.callback, Math.max(0, t.due - now));
}

/**
 * `new Date(millis).toISOString()`, from the text of the last second read when it is the same
 * second. V8 formats a date through printf: about 2.4 µs and 7,000 instructions a call, and a run
 * stamps its start, its end and its events.
 */
export function isoTime(millis: number): string {
  // Outside 1970..9999, or a fractional or invalid time: the engine's own text (or its RangeError).
  if (!(millis >= 0 && millis < YEAR_10000 && Number.isInteger(millis))) return new Date(millis).toISOString();
  const ms = millis % 1000;
  const second = millis - ms;
  if (second !== lastSecond.at) lastSecond = { at: second, text: new Date(second).toISOString().slice(0, 20) };
  return `${lastSecond.text}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

const YEAR_10000 = 253_402_300_800_000;
/** The last second formatted, up to and with its `.` (`2026-12-04T22:37:16.`). */
let lastSecond = { at: Number.NaN, text: '' };

/** Resolves after `ms` on `clock`; rejects with RunInterrupted (or the signal's reason) when aborted. */
export function sleep(clock: Clock, ms: number, signal: CancelSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(abortReason(signal));
    };
    const cancel = clock.setTimer(ms, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortReason(signal: CancelSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new RunInterrupted();
}

/** Lets timers and I/O run between long synchronous stretches of Pass/Choice states. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
