// The real clock, and waiting on a clock in a way that a stop or timeout can cut short.
import type { CancelSignal } from './cancel';
import { RunInterrupted } from './errors';
import type { Clock } from './types';

export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

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
