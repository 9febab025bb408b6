// Per-document debouncing of validation, with an injectable timer so tests control time.

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private readonly pending = new Map<string, unknown>();
  private readonly tasks = new Map<string, () => void>();

  /** `delay` is a fixed number of milliseconds, or the delay for each key (asked at each schedule). */
  constructor(private readonly delay: number | ((key: string) => number), private readonly timers: Timers = realTimers) {}

  /** Runs `task` for `key` after the delay, replacing any task still waiting for that key. */
  schedule(key: string, task: () => void): void {
    this.cancel(key);
    const handle = this.timers.set(() => {
      this.pending.delete(key);
      this.tasks.delete(key);
      task();
    }, typeof this.delay === 'number' ? this.delay : this.delay(key));
    this.pending.set(key, handle);
    this.tasks.set(key, task);
  }

  /** Runs the task waiting for `key` now, if there is one. */
  flush(key: string): void {
    const task = this.tasks.get(key);
    if (task === undefined) return;
    this.cancel(key);
    task();
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (handle !== undefined) {
      this.timers.clear(handle);
      this.pending.delete(key);
    }
    this.tasks.delete(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
