// Flow time that stands still while the debugger is stopped: the execution's Timeout, a Task's
// Timeout, Wait states and Retry intervals count only the time the flow actually ran, so a person
// can look at a stopped state for as long as they like without the execution timing out.
import type { Clock } from '../../emulator/src/engine';

interface Timer {
  /** Flow time (ms) at which it fires. */
  readonly due: number;
  readonly callback: () => void;
  cancelReal: (() => void) | undefined;
  done: boolean;
}

/** The host's timers, injectable so tests need not wait. */
export interface RealTime {
  now(): number;
  setTimeout(ms: number, callback: () => void): () => void;
}

const systemTime: RealTime = {
  now: () => Date.now(),
  setTimeout: (ms, callback) => {
    const t = setTimeout(callback, ms);
    return () => clearTimeout(t);
  },
};

export class PausableClock implements Clock {
  private pausedAt: number | undefined;
  /** Real milliseconds spent paused so far (flow time = real time - this). */
  private pausedTotal = 0;
  private readonly timers = new Set<Timer>();

  constructor(private readonly real: RealTime = systemTime) {}

  get paused(): boolean {
    return this.pausedAt !== undefined;
  }

  now(): number {
    const realNow = this.pausedAt ?? this.real.now();
    return realNow - this.pausedTotal;
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer: Timer = { due: this.now() + ms, callback, cancelReal: undefined, done: false };
    this.timers.add(timer);
    if (!this.paused) this.arm(timer);
    return () => {
      timer.done = true;
      timer.cancelReal?.();
      this.timers.delete(timer);
    };
  }

  pause(): void {
    if (this.paused) return;
    this.pausedAt = this.real.now();
    for (const t of this.timers) {
      t.cancelReal?.();
      t.cancelReal = undefined;
    }
  }

  resume(): void {
    if (this.pausedAt === undefined) return;
    this.pausedTotal += this.real.now() - this.pausedAt;
    this.pausedAt = undefined;
    for (const t of this.timers) this.arm(t);
  }

  private arm(timer: Timer): void {
    timer.cancelReal = this.real.setTimeout(Math.max(0, timer.due - this.now()), () => {
      if (timer.done) return;
      timer.done = true;
      this.timers.delete(timer);
      timer.callback();
    });
  }
}
