// Time, injected: callers, token buckets and retries read the clock and sleep through this, so
// tests drive them with a manual clock instead of waiting in real time.
import { CloudError, LocalErrorCodes } from '../errors';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with an `Aborted` CloudError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortedError(signal?: AbortSignal): CloudError {
  const reason: unknown = signal?.reason;
  return new CloudError({
    status: 0,
    code: LocalErrorCodes.aborted,
    message: reason instanceof Error ? reason.message : 'the operation was cancelled',
  });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortedError(signal));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortedError(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A clock that only moves when told to: `sleep` resolves once `advance` passes its deadline.
 * Used by tests of backoff, buckets and polling.
 */
export class ManualClock implements Clock {
  private current: number;
  private sleepers: { until: number; resolve: () => void }[] = [];
  /** Every sleep duration requested, in order (tests assert on backoff schedules with it). */
  readonly sleeps: number[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    return new Promise<void>((resolve, reject) => {
      const entry = { until: this.current + Math.max(0, ms), resolve };
      this.sleepers.push(entry);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== entry);
          reject(abortedError(signal));
        },
        { once: true },
      );
    });
  }

  /** Number of sleeps waiting for time to pass. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Moves time forward, waking every sleeper whose deadline has passed, in deadline order. */
  advance(ms: number): void {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.until <= this.current).sort((a, b) => a.until - b.until);
    this.sleepers = this.sleepers.filter((s) => s.until > this.current);
    for (const s of due) s.resolve();
  }
}

/**
 * A clock whose `sleep` returns at once after moving time forward by the requested amount:
 * deterministic virtual time for tests of retries, buckets and polling loops.
 */
export class SimulatedClock implements Clock {
  private current: number;
  readonly sleeps: number[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortedError(signal);
    this.sleeps.push(ms);
    this.current += Math.max(0, ms);
  }
}
