// Pause points at state boundaries: what a debugger (or a coverage recorder) sees of a running
// execution. The interpreter calls these hooks only when RunOptions.observer is given, so a run
// without one pays a single property check per state.
import type { Variables } from './expressions/evaluate';
import type { JsonValue } from './json';

/**
 * One sequential scope instance: the execution's top level, one branch of a Parallel state, one
 * iteration of a Map state or legacy foreach step. A new object per branch/iteration run, so
 * identity tells two iterations of the same Map apart.
 */
export interface ScopeFrame {
  readonly kind: 'execution' | 'branch' | 'iteration';
  /** The scope holding the Parallel/Map state (undefined for the execution's top level). */
  readonly parent: ScopeFrame | undefined;
  /** The Parallel/Map (legacy parallel/foreach) state that runs this scope; '' at the top level. */
  readonly stateName: string;
  /** Branch index or iteration index; 0 at the top level. */
  readonly index: number;
  /** The iteration's item (Map/foreach only), before any ItemConstructor. */
  readonly item?: JsonValue;
  /** 0 at the top level, parent depth + 1 below. */
  readonly depth: number;
  /** Whether the owning state's Retry or Catch rules name this error (false at the top level). */
  recovers(error: string): boolean;
}

/** One state about to run (or that has just run). */
export interface StateVisit {
  /** Which spec's rules apply to expressions (legacy uses `$`, `$input`, `$local`, `$context`). */
  readonly dialect: 'current' | 'legacy';
  readonly stateName: string;
  /** `Task`, `Pass`, ...; legacy: `task`, `pass`, ... */
  readonly stateType: string;
  readonly scope: ScopeFrame;
  /** The state's input as it receives it (before its InputConstructor / inputMappings). */
  readonly input: JsonValue;
  /** The variables an expression of this state sees before it runs ($Input, $Context, $Global...). */
  readonly variables: Variables;
  /** `$Context` (legacy: `$context`) as the state sees it. */
  context(): JsonValue;
  /** Whether the state's own Retry or Catch rules name this error. */
  recovers(error: string): boolean;
}

/** How a state ended. `result` is the task's (or container's) raw output before OutputConstructor. */
export type StateOutcome =
  | { readonly kind: 'succeeded'; readonly output: JsonValue; readonly result?: JsonValue }
  | { readonly kind: 'caught'; readonly output: JsonValue; readonly error: string; readonly cause: string }
  | { readonly kind: 'failed'; readonly error: string; readonly cause: string };

/** A task call that failed (or timed out), whatever Retry and Catch then do with it. */
export interface TaskFailure {
  readonly error: string;
  readonly cause: string;
  /** What happens next: retried, caught by the state's Catch, or leaving the state as a failure. */
  readonly recovery: 'retry' | 'catch' | 'none';
  /** Retries already made of this state. */
  readonly retryCount: number;
}

/** What beforeState may change: the input the state then runs with. */
export interface BeforeStateResult {
  readonly input?: JsonValue;
}

export interface RunObserver {
  /**
   * Called before every state, awaited: the state waits until it settles (a debugger pauses here).
   * Resolve to `{ input }` to run the state with another input.
   */
  beforeState?(visit: StateVisit): Promise<BeforeStateResult | void> | BeforeStateResult | void;
  /** Called after a state succeeded, was caught, or failed (then before the failure propagates). */
  afterState?(visit: StateVisit, outcome: StateOutcome): Promise<void> | void;
  /** Called for every failed task call, including those a Retry or Catch rule will handle; awaited. */
  taskFailed?(visit: StateVisit, failure: TaskFailure): Promise<void> | void;
}

/** The scope of the execution's top level. */
export function executionScope(): ScopeFrame {
  return { kind: 'execution', parent: undefined, stateName: '', index: 0, depth: 0, recovers: () => false };
}

/** A branch or iteration scope below `parent`. */
export function childScope(
  parent: ScopeFrame | undefined,
  kind: 'branch' | 'iteration',
  stateName: string,
  index: number,
  recovers: (error: string) => boolean,
  item?: JsonValue,
): ScopeFrame {
  const depth = (parent?.depth ?? 0) + 1;
  return item === undefined
    ? { kind, parent, stateName, index, depth, recovers }
    : { kind, parent, stateName, index, depth, item, recovers };
}

/** Whether a failure leaving a state would end the execution: no enclosing state recovers it. */
export function wouldFailExecution(visit: StateVisit, error: string): boolean {
  if (visit.recovers(error)) return false;
  for (let s: ScopeFrame | undefined = visit.scope; s; s = s.parent) if (s.recovers(error)) return false;
  return true;
}
