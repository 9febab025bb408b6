// What `flowdeck run`, `start --tail` and `tail` print: one line per history event, then the
// status, output or error and cause, and duration, in the same text as the editor's tail.
import {
  failureOf, formatEventLine, formatSummary, isTerminalEvent, withFinalStatus, type ExecutionSummary, type PrintableEvent,
} from '../../../cloud/src/fnf/eventFormat';

/** The editor's summary labels, in English. */
const SUMMARY_LABELS = { status: 'Status', output: 'Output', error: 'Error', cause: 'Cause', duration: 'Duration' };

export class EventPrinter {
  private startedTime: string | undefined;
  private terminal: PrintableEvent | undefined;

  constructor(private readonly write: (text: string) => void) {}

  event(event: PrintableEvent): void {
    this.startedTime ??= event.Time;
    if (isTerminalEvent(event.Type)) this.terminal = event;
    this.write(formatEventLine(event) + '\n');
  }

  /**
   * Prints the summary of the execution as its terminal event says it ended (a record read just
   * after that event may still say Running); its times default to the events'. Returns the exit
   * status: 0 only if it succeeded.
   */
  end(execution: ExecutionSummary): number {
    const timed = { StartedTime: this.startedTime, StoppedTime: this.terminal?.Time, ...withoutUndefined(execution) };
    const ended = withFinalStatus(timed, this.terminal?.Type);
    const failure = this.terminal ? failureOf(this.terminal) : undefined;
    this.write(formatSummary(ended, SUMMARY_LABELS, failure).join('\n') + '\n');
    return ended.Status === 'Succeeded' ? 0 : 1;
  }
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
