// Runs executions with the interpreter and keeps the store in step with them: each history event
// is appended as it happens (for an Express sync run, only the result is written, at the end), the
// end record is on disk before the execution reads as finished, task tokens route callbacks to
// the right run, and long polls wait on the end.
import { randomUUID } from 'node:crypto';
import { isoTime, startRun, type Clock, type HistoryEvent, type JsonValue, type RunHandle, type RunResult, type TaskEnvironment } from '../engine';
import type { ObjectAccess } from '../engine';
import type { ExecutionEntry, FnfStore } from '../store/fnfStore';
import { MapRuns } from './mapRuns';
import type { ExecutionMode, StoredExecution, StoredFlow, StoredFlowVersion } from '../store/records';

export interface ExecutionManagerOptions {
  readonly store: FnfStore;
  readonly tasks: TaskEnvironment;
  readonly now: () => number;
  readonly timeScale?: number;
  readonly clock?: Clock;
  /** Reports a failed log write (the execution goes on; the failure must not pass silently). */
  readonly onError: (err: unknown) => void;
  /** The object store distributed Maps read items from and write results to. */
  readonly objects?: ObjectAccess;
}

interface Running {
  readonly entry: ExecutionEntry;
  readonly handle: RunHandle;
  /** Resolves once the end record is on disk. */
  readonly ended: Promise<void>;
  readonly listeners: Set<(event: HistoryEvent) => void>;
}

export type TaskReport =
  | { kind: 'reported'; eventId: number }
  | { kind: 'unknownToken' }
  | { kind: 'alreadyCompleted' };

export interface StartRequest {
  readonly flow: StoredFlow;
  readonly definition: JsonValue;
  readonly name: string;
  /** The execution input as given (a JSON object as text). */
  readonly inputText: string;
  readonly input: JsonValue;
  readonly mode: ExecutionMode;
  /** A parent's task token (StartExecution `CallbackFnFTaskToken`): told the outcome when this ends. */
  readonly callbackTaskToken?: string;
  /** The `Qualifier` the start named (a version or an alias), kept for ListExecutions. */
  readonly qualifier?: string;
  /** The published version that runs (`definition` is its definition); absent for the latest. */
  readonly version?: StoredFlowVersion;
  /** A distributed Map's child execution: the MapRun it belongs to. */
  readonly mapRunName?: string;
  /** Keep only the result on disk (StartSyncExecution): see ExecutionEntry.resultOnly. */
  readonly resultOnly?: boolean;
}

export class ExecutionManager {
  private readonly running = new Map<ExecutionEntry, Running>();
  /** Every token issued since start and the execution it belongs to. */
  private readonly tokens = new Map<string, ExecutionEntry>();
  private closed = false;
  /** Result-only runs whose result storage refused: their callers are answered with this error. */
  private readonly unrecorded = new WeakMap<ExecutionEntry, unknown>();
  /** Every distributed Map's MapRun since start (DescribeMapRun, UpdateMapRun). */
  readonly mapRuns: MapRuns;

  constructor(private readonly options: ExecutionManagerOptions) {
    this.mapRuns = new MapRuns(options.now, {
      // Once closed, a run stopped on the way out is left as the log has it; the next start marks it aborted.
      save: (run) => (this.closed ? Promise.resolve() : options.store.saveMapRun(run)),
      stored: (name) => options.store.mapRun(name),
    });
  }

  /** Starts an execution; resolves once it runs (and, for Standard, once its start is on disk). */
  async start(request: StartRequest): Promise<ExecutionEntry> {
    if (this.closed) throw new Error('The emulator is shutting down.');
    const exec: StoredExecution = {
      FlowName: request.flow.Name,
      FlowId: request.flow.Id,
      Name: request.name,
      Status: 'Running',
      Input: request.inputText,
      Output: '',
      FlowDefinition: request.version?.Definition ?? request.flow.Definition,
      StartedTime: isoTime(this.options.now()),
      StoppedTime: '',
      ErrorCode: '',
      ErrorMessage: '',
      Mode: request.mode,
      Environment: request.flow.Environment,
    };
    if (request.qualifier) exec.Qualifier = request.qualifier;
    if (request.version) exec.FlowVersion = request.version.Version;
    if (request.mapRunName) exec.MapRunName = request.mapRunName;
    // The start is on disk before the run begins, so a start that storage refused (answered 503)
    // leaves nothing behind: no execution that reads as Running, no events.
    // A result-only run writes nothing until it ends (its caller waits for that end anyway).
    const syncRun = request.resultOnly ? this.options.store.startResultOnlyExecution(exec) : undefined;
    const entry = syncRun ?? (await this.options.store.startExecution(exec));
    // Closed while the start was being written: it stays as the log has it, as the runs close() stopped do.
    if (this.closed) return entry;
    const listeners = new Set<(event: HistoryEvent) => void>();
    const handle = startRun({
      definition: request.definition,
      input: request.input,
      flowName: request.flow.Name,
      executionName: request.name,
      tasks: this.options.tasks,
      executionMode: request.mode,
      roleArn: request.flow.RoleArn || undefined,
      timeScale: this.options.timeScale,
      clock: this.options.clock,
      // undefined when there is no object store (a conditional spread made two objects a run)
      objects: this.options.objects,
      mapRuns: this.mapRuns.hostFor(request.flow, this),
      // A result-only run keeps its events as recorded, written out when read (syncRunEntry.ts):
      // a listener reads each one at once, and gets the event its history then holds.
      onRecord: syncRun && ((recorded) => {
        if (this.closed) return;
        syncRun.record(recorded);
        if (listeners.size === 0) return;
        const event = syncRun.events.at(-1) as HistoryEvent;
        for (const l of listeners) l(event);
      }),
      onEvent: syncRun ? undefined : (event) => {
        if (this.closed) return;
        this.options.store.appendEvent(entry, event).catch(this.options.onError);
        for (const l of listeners) l(event);
      },
      newTaskToken: () => {
        const token = randomUUID();
        this.tokens.set(token, entry);
        return token;
      },
    });
    const ended = handle.done
      .then(
        (result) => result,
        (err: unknown): RunResult => ({ status: 'Failed', error: 'FnF.InternalError', cause: err instanceof Error ? err.message : String(err) }),
      )
      .then(async (result) => {
        await this.finish(entry, result);
        if (request.callbackTaskToken) await this.notifyParent(request.callbackTaskToken, result);
      });
    this.running.set(entry, { entry, handle, ended, listeners });
    return entry;
  }

  /** Whether the execution is still running here. */
  isRunning(entry: ExecutionEntry): boolean {
    return this.running.has(entry);
  }

  /** Resolves when the execution has ended (and is on disk), after `timeoutMs`, or on abort. */
  async waitForEnd(entry: ExecutionEntry, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const run = this.running.get(entry);
    if (!run || timeoutMs <= 0) return;
    if (!Number.isFinite(timeoutMs) && !signal) return run.ended;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        run.ended,
        new Promise<void>((resolve) => {
          // setTimeout treats delays beyond 2^31-1 ms (and Infinity) as 1 ms
          if (Number.isFinite(timeoutMs)) timer = setTimeout(resolve, Math.min(timeoutMs, 2 ** 31 - 1));
          onAbort = () => resolve();
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Throws the storage error that kept a result-only run's result off the disk (the run is then
   * forgotten, and its caller is answered 503 as for any refused start).
   */
  checkRecorded(entry: ExecutionEntry): void {
    if (this.unrecorded.has(entry)) throw this.unrecorded.get(entry);
  }

  /** Stops a running execution and resolves once the stop is on disk. False if it was not running. */
  async stop(entry: ExecutionEntry, error?: string, cause?: string): Promise<boolean> {
    const run = this.running.get(entry);
    if (!run) return false;
    run.handle.stop(error, cause);
    await run.ended;
    return true;
  }

  /** Delivers a callback to the task waiting on `token`. */
  async report(token: string, outcome: { output: JsonValue } | { error: string; cause: string }): Promise<TaskReport> {
    const owner = this.tokens.get(token);
    if (!owner) return { kind: 'unknownToken' };
    const run = this.running.get(owner);
    if (!run) return { kind: 'alreadyCompleted' };
    let answer: HistoryEvent | undefined;
    const listener = (event: HistoryEvent): void => {
      if (!answer && (event.Type === 'TaskSucceeded' || event.Type === 'TaskFailed')) answer = event;
    };
    run.listeners.add(listener);
    try {
      const accepted = 'output' in outcome
        ? run.handle.reportTaskSucceeded(token, outcome.output)
        : run.handle.reportTaskFailed(token, outcome.error, outcome.cause);
      if (!accepted) return { kind: 'alreadyCompleted' };
      // The interpreter records the task's outcome as it resumes; give it that turn.
      for (let i = 0; i < 20 && !answer; i++) await new Promise<void>((r) => setImmediate(r));
      const eventId = answer?.EventId ?? run.entry.events.at(-1)?.EventId ?? 0;
      return { kind: 'reported', eventId };
    } finally {
      run.listeners.delete(listener);
    }
  }

  /**
   * Stops tracking every run without recording an end: the next start of the emulator marks them
   * failed, exactly as after a crash, so a clean stop and a kill leave the same history.
   */
  close(): void {
    this.closed = true;
    for (const run of this.running.values()) run.handle.stop();
    this.running.clear();
  }

  /** Tells the parent execution's waiting task how this child ended. */
  private async notifyParent(token: string, result: RunResult): Promise<void> {
    const outcome = result.status === 'Succeeded'
      ? { output: result.output ?? {} }
      : { error: result.error || `Execution${result.status}`, cause: result.cause ?? '' };
    const report = await this.report(token, outcome);
    if (report.kind === 'unknownToken') {
      this.options.onError(new Error(`CallbackFnFTaskToken ${token} matches no waiting task; the parent execution was not told.`));
    }
  }

  private async finish(entry: ExecutionEntry, result: RunResult): Promise<void> {
    if (this.closed) return;
    try {
      await this.options.store.endExecution(entry, {
        status: result.status,
        output: result.status === 'Succeeded' ? JSON.stringify(result.output ?? {}) : '',
        stoppedTime: isoTime(this.options.now()),
        errorCode: result.error ?? '',
        errorMessage: result.cause ?? '',
      });
    } catch (err) {
      if (entry.resultOnly) this.unrecorded.set(entry, err);
      else this.options.onError(err);
    } finally {
      this.running.delete(entry);
    }
  }
}
