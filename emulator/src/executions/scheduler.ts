// Fires enabled schedules: one timer per schedule for its next firing (on the injected clock),
// re-armed after each firing from the schedule as it is then. Firings missed while the emulator
// was not running are skipped, not caught up.
import type { Clock } from '../engine';
import type { StoredSchedule } from '../store/records';
import { nextFireTime, parseCron } from './cron';

/** setTimeout's largest delay; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SchedulerOptions {
  readonly clock: Clock;
  /** The schedule as stored now (undefined once deleted). */
  readonly lookup: (flowId: string, name: string) => StoredSchedule | undefined;
  /** Starts the execution for one firing. */
  readonly fire: (schedule: StoredSchedule, at: number) => Promise<void>;
  readonly onError: (err: unknown) => void;
}

export class Scheduler {
  private readonly timers = new Map<string, () => void>();
  private closed = false;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * (Re)arms a schedule after it was created or changed (a disabled one is disarmed). `after`:
   * only firings later than this count (the one that just fired, when re-arming).
   */
  arm(schedule: StoredSchedule, after?: number): void {
    const key = keyOf(schedule.FlowId, schedule.ScheduleName);
    this.disarm(schedule.FlowId, schedule.ScheduleName);
    if (this.closed || !schedule.Enable) return;
    const now = this.options.clock.now();
    const from = Math.max(now, after ?? now);
    const next = nextFireTime(parseCron(schedule.CronExpression), from, Date.parse(schedule.LastModifiedTime));
    if (next === undefined) return;
    const wait = next - now;
    const cancel = this.options.clock.setTimer(Math.min(wait, MAX_TIMER_MS), () => {
      this.timers.delete(key);
      if (wait > MAX_TIMER_MS) {
        this.rearm(schedule, from);
        return;
      }
      // Arm the following firing first, so a slow start never delays or drops the next one.
      this.rearm(schedule, next);
      this.options.fire(schedule, next).catch(this.options.onError);
    });
    this.timers.set(key, cancel);
  }

  disarm(flowId: string, name: string): void {
    const key = keyOf(flowId, name);
    this.timers.get(key)?.();
    this.timers.delete(key);
  }

  /** Disarms every schedule of a flow (the flow was deleted). */
  disarmFlow(flowId: string): void {
    for (const [key, cancel] of this.timers) {
      if (key.startsWith(flowId + '\u0000')) {
        cancel();
        this.timers.delete(key);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private rearm(previous: StoredSchedule, after: number): void {
    const current = this.options.lookup(previous.FlowId, previous.ScheduleName);
    if (current && current.ScheduleId === previous.ScheduleId) this.arm(current, after);
  }
}

function keyOf(flowId: string, name: string): string {
  return `${flowId}\u0000${name}`;
}
