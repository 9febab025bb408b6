// The debugger's side of one execution: a RunObserver that decides, at every state boundary,
// whether to stop (entry, pause, breakpoint, step, exception) and parks the state until the
// person resumes. All-stop: while one thread is stopped, every other thread parks at its next
// boundary too, so what the Variables view shows does not move underneath.
//
// Threads, not frames, for Parallel and Map: each running branch or iteration is a thread of its
// own, because they run at the same time and each has its own current state; a single stack
// could show only one of them. Each thread's stack still reads execution -> scopes -> state.
import {
  wouldFailExecution,
  type BeforeStateResult,
  type JsonValue,
  type RunObserver,
  type ScopeFrame,
  type StateOutcome,
  type StateVisit,
  type TaskFailure,
} from '../../emulator/src/engine';
import { runsNestedStates } from '../../server/src/fdl';
import type { BreakpointStore, StateBreakpoint } from './breakpoints';
import { interpolate, testCondition, type Dialect } from './expressions';
import type { StateMap } from './stateMap';

export type StopReason = 'entry' | 'pause' | 'breakpoint' | 'step' | 'exception';

export interface StopEvent {
  readonly reason: StopReason;
  readonly threadId: number;
  readonly description?: string;
  readonly text?: string;
  readonly hitBreakpointIds?: number[];
}

export interface ControllerEvents {
  stopped(event: StopEvent): void;
  output(text: string, category: 'console' | 'stdout' | 'stderr'): void;
  threadStarted(threadId: number): void;
  threadExited(threadId: number): void;
}

export type ExceptionFilter = 'uncaught' | 'taskErrors';

export interface ThreadException {
  readonly error: string;
  readonly cause: string;
  readonly uncaught: boolean;
  readonly recovery?: TaskFailure['recovery'];
}

export interface DebugThread {
  readonly id: number;
  readonly name: string;
  readonly scope: ScopeFrame;
  /** The state the thread is at: about to run it, or (after an exception) just failed in it. */
  visit: StateVisit | undefined;
  phase: 'before' | 'after' | 'running';
  /** An input edited while stopped before the state; the state then runs with it. */
  editedInput: JsonValue | undefined;
  /** The last state that finished in this thread, and how. */
  previous: { readonly visit: StateVisit; readonly outcome: StateOutcome } | undefined;
  /** The raw result of the last Task that finished in this thread (or its enclosing ones). */
  lastTaskResult: { readonly stateName: string; readonly result: JsonValue } | undefined;
  exception: ThreadException | undefined;
  resume: (() => void) | undefined;
}

type StepKind = 'next' | 'stepIn' | 'stepOut';


interface PendingStep {
  readonly kind: StepKind;
  readonly scope: ScopeFrame;
  readonly visit: StateVisit;
}

function isAncestor(ancestor: ScopeFrame, scope: ScopeFrame): boolean {
  for (let s = scope.parent; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** Whether `scope` lies inside the branches/iterations of `container` (a visit in `containerScope`). */
function isInside(scope: ScopeFrame, containerScope: ScopeFrame, containerName: string): boolean {
  for (let s: ScopeFrame | undefined = scope; s; s = s.parent) {
    if (s.parent === containerScope && s.stateName === containerName) return true;
  }
  return false;
}

/** A clock the controller holds still while a thread is stopped (real time paused, or a case's virtual clock). */
export interface HoldableClock {
  pause(): void;
  resume(): void;
}

export interface ControllerOptions {
  readonly path: string;
  readonly map: StateMap;
  readonly dialect: Dialect;
  readonly breakpoints: BreakpointStore;
  readonly exceptionFilters: ReadonlySet<ExceptionFilter>;
  readonly stopOnEntry: boolean;
  readonly events: ControllerEvents;
  /** The run's clock: stands still while stopped, so no Timeout fires because someone looked. */
  readonly clock?: HoldableClock;
}

export class RunController implements RunObserver {
  private readonly threadsByScope = new Map<ScopeFrame, DebugThread>();
  private readonly threadsById = new Map<number, DebugThread>();
  private nextThreadId = 1;
  private stoppedThreadId: number | undefined;
  private step: PendingStep | undefined;
  private pauseRequested = false;
  private entryPending: boolean;
  private terminated = false;
  /** Uncaught failures already stopped at, so one failure climbing out of nested scopes stops once. */
  private readonly reportedFailures = new Set<string>();

  constructor(private readonly options: ControllerOptions) {
    this.entryPending = options.stopOnEntry;
  }

  get stoppedThread(): DebugThread | undefined {
    return this.stoppedThreadId === undefined ? undefined : this.threadsById.get(this.stoppedThreadId);
  }

  threads(): DebugThread[] {
    return [...this.threadsById.values()];
  }

  thread(id: number): DebugThread | undefined {
    return this.threadsById.get(id);
  }

  /** The thread running a scope (its enclosing thread's container state is `scope.parent`'s). */
  threadOfScope(scope: ScopeFrame): DebugThread | undefined {
    return this.threadsByScope.get(scope);
  }

  // ---- RunObserver -------------------------------------------------------------------------

  async beforeState(visit: StateVisit): Promise<BeforeStateResult | void> {
    const thread = this.threadFor(visit.scope);
    thread.visit = visit;
    thread.phase = 'before';
    thread.editedInput = undefined;
    thread.exception = undefined;
    for (;;) {
      if (this.terminated) return;
      if (this.stoppedThreadId !== undefined) {
        await this.park(thread);
        continue;
      }
      const stop = this.reasonToStop(visit);
      if (stop) await this.stopAndPark(thread, stop);
      break;
    }
    thread.phase = 'running';
    return thread.editedInput !== undefined ? { input: thread.editedInput } : undefined;
  }

  async afterState(visit: StateVisit, outcome: StateOutcome): Promise<void> {
    const thread = this.threadFor(visit.scope);
    thread.previous = { visit, outcome };
    if (outcome.kind === 'succeeded' && outcome.result !== undefined && (visit.stateType === 'Task' || visit.stateType === 'task')) {
      thread.lastTaskResult = { stateName: visit.stateName, result: outcome.result };
    }
    this.endThreadsInside(visit);
    if (outcome.kind !== 'failed' || !this.options.exceptionFilters.has('uncaught')) return;
    if (!wouldFailExecution(visit, outcome.error)) return;
    const key = `${outcome.error}\u0000${outcome.cause}`;
    if (this.reportedFailures.has(key)) return;
    this.reportedFailures.add(key);
    await this.stopForException(thread, visit, { error: outcome.error, cause: outcome.cause, uncaught: true });
  }

  async taskFailed(visit: StateVisit, failure: TaskFailure): Promise<void> {
    const uncaught = failure.recovery === 'none' && wouldFailExecution(visit, failure.error);
    const filters = this.options.exceptionFilters;
    if (!filters.has('taskErrors') && !(uncaught && filters.has('uncaught'))) {
      if (failure.recovery === 'retry') await this.stopBeforeRetry(visit, failure);
      return;
    }
    if (uncaught) this.reportedFailures.add(`${failure.error}\u0000${failure.cause}`);
    const thread = this.threadFor(visit.scope);
    await this.stopForException(thread, visit, {
      error: failure.error,
      cause: failure.cause,
      uncaught,
      recovery: failure.recovery,
    });
  }

  // ---- commands ----------------------------------------------------------------------------

  /** Resumes every parked thread; `kind` other than continue steps the given thread. */
  resume(kind: 'continue' | StepKind, threadId: number | undefined): void {
    const thread = (threadId !== undefined ? this.threadsById.get(threadId) : undefined) ?? this.stoppedThread;
    this.step = kind !== 'continue' && thread?.visit ? { kind, scope: thread.scope, visit: thread.visit } : undefined;
    this.stoppedThreadId = undefined;
    this.options.clock?.resume();
    this.releaseAll();
  }

  pause(): void {
    if (this.stoppedThreadId === undefined) this.pauseRequested = true;
  }

  /** Lets every parked state go on into the execution's stop. */
  terminate(): void {
    this.terminated = true;
    this.stoppedThreadId = undefined;
    this.options.clock?.resume();
    this.releaseAll();
  }

  /** Edits the input of the stopped thread's state before it runs. */
  setInput(thread: DebugThread, value: JsonValue): string | undefined {
    if (thread.phase !== 'before' || thread.resume === undefined) {
      return 'The input can be changed only while stopped before the state runs';
    }
    thread.editedInput = value;
    return undefined;
  }

  // ---- internals ---------------------------------------------------------------------------

  private threadFor(scope: ScopeFrame): DebugThread {
    let thread = this.threadsByScope.get(scope);
    if (!thread) {
      const parent = scope.parent ? this.threadsByScope.get(scope.parent) : undefined;
      thread = {
        id: this.nextThreadId++,
        name: threadName(scope),
        scope,
        visit: undefined,
        phase: 'running',
        editedInput: undefined,
        previous: undefined,
        lastTaskResult: parent?.lastTaskResult,
        exception: undefined,
        resume: undefined,
      };
      this.threadsByScope.set(scope, thread);
      this.threadsById.set(thread.id, thread);
      this.options.events.threadStarted(thread.id);
    }
    return thread;
  }

  /** A Parallel/Map state has finished: its branches' and iterations' threads are gone. */
  private endThreadsInside(visit: StateVisit): void {
    if (!runsNestedStates(visit.stateType)) return;
    for (const [scope, thread] of this.threadsByScope) {
      if (scope !== visit.scope && isInside(scope, visit.scope, visit.stateName)) {
        this.threadsByScope.delete(scope);
        this.threadsById.delete(thread.id);
        this.options.events.threadExited(thread.id);
      }
    }
  }

  private reasonToStop(visit: StateVisit): Omit<StopEvent, 'threadId'> | undefined {
    if (this.entryPending) {
      this.entryPending = false;
      return { reason: 'entry' };
    }
    if (this.pauseRequested) {
      this.pauseRequested = false;
      return { reason: 'pause' };
    }
    const hit = this.hitBreakpoints(visit);
    if (this.step && this.stepEndsAt(this.step, visit)) return { reason: 'step' };
    if (hit.stop) return { reason: 'breakpoint', hitBreakpointIds: hit.ids, ...(hit.text ? { text: hit.text } : {}) };
    return undefined;
  }

  private stepEndsAt(step: PendingStep, visit: StateVisit): boolean {
    const scope = visit.scope;
    const sameOrOuter = scope === step.scope || isAncestor(scope, step.scope);
    switch (step.kind) {
      case 'next':
        return sameOrOuter;
      case 'stepIn':
        return sameOrOuter || isInside(scope, step.scope, step.visit.stateName);
      case 'stepOut':
        return isAncestor(scope, step.scope);
    }
  }

  /** Counts hits, prints logpoints; says whether a breakpoint wants to stop here. */
  private hitBreakpoints(visit: StateVisit): { stop: boolean; ids: number[]; text?: string } {
    const location = this.options.map.find(visit.stateName, visit.scope);
    if (!location) return { stop: false, ids: [] };
    const ids: number[] = [];
    let text: string | undefined;
    for (const bp of this.options.breakpoints.forState(this.options.path, location.key)) {
      const verdict = this.evaluateBreakpoint(bp, visit);
      if (verdict === 'skip') continue;
      if (verdict !== 'stop') text = verdict.error;
      ids.push(bp.id);
    }
    return { stop: ids.length > 0, ids, ...(text !== undefined ? { text } : {}) };
  }

  private evaluateBreakpoint(bp: StateBreakpoint, visit: StateVisit): 'skip' | 'stop' | { error: string } {
    if (bp.condition) {
      const result = testCondition(bp.condition, visit.variables);
      if ('error' in result) {
        // A condition that cannot be evaluated stops, so the mistake is seen rather than skipped.
        this.options.events.output(`Breakpoint condition on ${visit.stateName} failed: ${result.error}\n`, 'stderr');
        return { error: result.error };
      }
      if (!result.value) return 'skip';
    }
    bp.hits++;
    if (bp.hitTest && !bp.hitTest(bp.hits)) return 'skip';
    if (bp.logMessage !== undefined) {
      this.options.events.output(`${interpolate(bp.logMessage, this.options.dialect, visit.variables)}\n`, 'console');
      return 'skip';
    }
    return 'stop';
  }

  private async stopForException(thread: DebugThread, visit: StateVisit, exception: ThreadException): Promise<void> {
    while (this.stoppedThreadId !== undefined && !this.terminated) await this.park(thread);
    if (this.terminated) return;
    thread.visit = visit;
    thread.phase = 'after';
    thread.exception = exception;
    const what =
      exception.recovery === 'retry' ? ' (Retry will try again)' : exception.recovery === 'catch' ? ' (a Catch rule handles it)' : '';
    await this.stopAndPark(thread, {
      reason: 'exception',
      description: `${exception.error}${what}`,
      text: `${exception.error}: ${exception.cause}`,
    });
    thread.phase = 'running';
  }

  /**
   * A breakpoint on a state stops again before each Retry attempt: the attempt runs the state's
   * task once more, and a breakpoint is where someone wants to see every run of it. The thread
   * shows the failure being retried; hit counts and conditions count the attempt as a hit.
   */
  private async stopBeforeRetry(visit: StateVisit, failure: TaskFailure): Promise<void> {
    const thread = this.threadFor(visit.scope);
    while (this.stoppedThreadId !== undefined && !this.terminated) await this.park(thread);
    if (this.terminated) return;
    const hit = this.hitBreakpoints(visit);
    if (!hit.stop) return;
    thread.visit = visit;
    thread.phase = 'after';
    thread.exception = { error: failure.error, cause: failure.cause, uncaught: false, recovery: failure.recovery };
    await this.stopAndPark(thread, {
      reason: 'breakpoint',
      description: `${visit.stateName}: retry ${failure.retryCount + 1} after ${failure.error}`,
      hitBreakpointIds: hit.ids,
      ...(hit.text !== undefined ? { text: hit.text } : {}),
    });
    thread.phase = 'running';
  }

  private async stopAndPark(thread: DebugThread, stop: Omit<StopEvent, 'threadId'>): Promise<void> {
    this.step = undefined;
    this.pauseRequested = false;
    this.stoppedThreadId = thread.id;
    this.options.clock?.pause();
    this.options.events.stopped({ ...stop, threadId: thread.id });
    await this.park(thread);
  }

  private park(thread: DebugThread): Promise<void> {
    return new Promise<void>((resolve) => {
      thread.resume = () => {
        thread.resume = undefined;
        resolve();
      };
    });
  }

  private releaseAll(): void {
    for (const thread of this.threadsById.values()) thread.resume?.();
  }
}

function threadName(scope: ScopeFrame): string {
  if (scope.kind === 'execution') return 'Execution';
  const own = scope.kind === 'branch' ? `${scope.stateName} › Branch ${scope.index}` : `${scope.stateName} › Iteration ${scope.index}`;
  return scope.parent && scope.parent.kind !== 'execution' ? `${threadName(scope.parent)} › ${own}` : own;
}
