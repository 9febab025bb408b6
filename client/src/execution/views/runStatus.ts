// What each state did in one execution, from its history events: the run status the editor shows
// beside each state of the flow's file while and after it is tailed. Pure (no vscode import).
import { formatDuration, isTerminalEvent, shortDetail, type PrintableEvent } from '../../../../cloud/src/fnf/eventFormat';

export type StateRunStatus = 'running' | 'succeeded' | 'failed' | 'stopped';

export interface StateRun {
  status: StateRunStatus;
  /** How many times the state was entered (a state in a Map processor runs once per item). */
  entries: number;
  firstEnteredMs: number;
  lastExitedMs: number | undefined;
  /** The error and cause of a failure, as the tail prints them. */
  error: string | undefined;
}

/** Each state's run, by state name, in the order the states were first entered. */
export function stateRuns(events: readonly PrintableEvent[]): Map<string, StateRun> {
  const runs = new Map<string, StateRun>();
  for (const e of events) {
    if (isTerminalEvent(e.Type) && e.Type !== 'ExecutionSucceeded') {
      // A state still running when the execution ends never finished.
      for (const run of runs.values()) if (run.status === 'running') run.status = 'stopped';
      continue;
    }
    if (!e.StepName) continue;
    const time = Date.parse(e.Time);
    let run = runs.get(e.StepName);
    switch (e.Type) {
      case 'StepEntered':
        if (!run) {
          run = { status: 'running', entries: 0, firstEnteredMs: time, lastExitedMs: undefined, error: undefined };
          runs.set(e.StepName, run);
        }
        run.entries++;
        if (run.status !== 'failed') run.status = 'running';
        break;
      case 'StepFailed':
        if (!run) break;
        run.status = 'failed';
        run.error = shortDetail(e.EventDetail) || undefined;
        run.lastExitedMs = time;
        break;
      case 'StepSucceeded':
      case 'StepExited':
        if (!run) break;
        if (run.status === 'running') run.status = 'succeeded';
        run.lastExitedMs = time;
        break;
      default:
        break;
    }
  }
  return runs;
}

/** The words of the notes, translated by the caller. */
export interface RunStatusLabels {
  readonly running: string;
  /** `{0} runs` */
  readonly runs: (count: number) => string;
  readonly failed: string;
  readonly didNotFinish: string;
}

/** The note shown after a state: `✓ 12 ms`, `✓ 3 runs · 1.2 s`, `✗ FC.Error: cause`, `… running`. */
export function describeStateRun(run: StateRun, labels: RunStatusLabels): string {
  const times = run.entries > 1 ? `${labels.runs(run.entries)} · ` : '';
  const span = run.lastExitedMs !== undefined && Number.isFinite(run.firstEnteredMs) ? formatDuration(run.lastExitedMs - run.firstEnteredMs) : '';
  switch (run.status) {
    case 'running':
      return `… ${labels.running}${run.entries > 1 ? ` (${labels.runs(run.entries)})` : ''}`;
    case 'succeeded':
      return `✓ ${times}${span}`.trimEnd();
    case 'failed':
      return `✗ ${run.error ?? labels.failed}`;
    case 'stopped':
      return `■ ${labels.didNotFinish}`;
  }
}
