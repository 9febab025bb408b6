// A clock that jumps: while the execution has work to do (its history keeps growing, or a real
// task is running) time stands still; once it only waits, the clock moves straight to the
// earliest timer and fires it. Wait states, retry intervals and timeouts then take no real time,
// and fire in the order their flow times say. When nothing is left to wait for, `onStuck` says so.
// A debugger pauses it while stopped at a state: the run does nothing then, but is not waiting.
import type { Clock } from '../../emulator/src/engine';

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly callback: () => void;
}

export interface VirtualClockOptions {
  /** Milliseconds since the epoch the run starts at. */
  readonly start: number;
  /** A counter that changes whenever the run does something (the number of events so far). */
  readonly activity: () => number;
  /** True while real work (a task handler, an HTTP request) is in progress. */
  readonly busy: () => boolean;
  /** Registers a one-off call for when the busy work ends. */
  readonly whenIdle: (listener: () => void) => void;
  /** Nothing is running and no timer is set: the run waits for something that will never come. */
  readonly onStuck: () => void;
}

export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];
  private scheduled = false;
  private lastActivity = -1;
  private stopped = false;
  private paused = false;

  constructor(private readonly options: VirtualClockOptions) {
    this.time = options.start;
  }

  now(): number {
    return this.time;
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer: Timer = { due: this.time + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    this.schedule();
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Starts watching the run (call once it has started). */
  start(): void {
    this.schedule();
  }

  /** Holds time still (a debugger stopped the run): no timer fires, the run is not stuck. */
  pause(): void {
    this.paused = true;
  }

  /** Lets time move again once the run only waits. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.lastActivity = -1;
    this.schedule();
  }

  /** Stops watching: the run has ended. */
  dispose(): void {
    this.stopped = true;
    this.timers = [];
  }

  private schedule(): void {
    if (this.scheduled || this.stopped || this.paused) return;
    this.scheduled = true;
    // setImmediate runs after every pending promise job: the run has gone as far as it can.
    setImmediate(() => this.tick());
  }

  private tick(): void {
    this.scheduled = false;
    if (this.stopped || this.paused) return;
    if (this.options.busy()) {
      this.options.whenIdle(() => this.schedule());
      return;
    }
    const activity = this.options.activity();
    if (activity !== this.lastActivity) {
      this.lastActivity = activity;
      this.schedule();
      return;
    }
    const next = this.timers.reduce<Timer | undefined>(
      (a, t) => (a === undefined || t.due < a.due || (t.due === a.due && t.seq < a.seq) ? t : a),
      undefined,
    );
    if (!next) {
      this.options.onStuck();
      return;
    }
    this.timers = this.timers.filter((t) => t !== next);
    this.time = Math.max(this.time, next.due);
    next.callback();
    this.lastActivity = -1;
    this.schedule();
  }
}
