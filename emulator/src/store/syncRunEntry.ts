// An Express sync run as the store keeps it. Its events arrive as the interpreter recorded them,
// their details still values (RunOptions.onRecord), and are written out only when something reads
// the history: most runs' histories are never read, and writing every detail as text was about a
// seventh of the emulator's CPU time per StartSyncExecution.
import { historyEvent, type RecordedEvent } from '../engine';
import type { StoredEvent, StoredExecution } from './records';

export class SyncRunEntry {
  readonly resultOnly = true;
  /** Events already written out, in order; the recorded ones follow them. */
  private written: StoredEvent[] = [];
  private recorded: RecordedEvent[] = [];

  constructor(public exec: StoredExecution) {}

  /** The run's history so far, its recorded events written out on the way. */
  get events(): StoredEvent[] {
    if (this.recorded.length > 0) {
      for (const event of this.recorded) this.written.push(historyEvent(event));
      this.recorded = [];
    }
    return this.written;
  }

  set events(events: StoredEvent[]) {
    this.written = events;
    this.recorded = [];
  }

  /** The interpreter recorded the run's next event. */
  record(event: RecordedEvent): void {
    this.recorded.push(event);
  }
}
