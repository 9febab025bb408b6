// A current-spec state run under a RunObserver: beforeState (awaited, may replace the input), the
// same runState the unobserved loop calls, then afterState with how the state ended.
import type { CancelSignal } from '../cancel';
import { errorMatches, type FlowFailure } from '../errors';
import type { Trail } from '../history';
import type { RunObserver, ScopeFrame, StateVisit } from '../observer';
import { observeRun, scopeOf } from '../observeRun';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import { Frame } from './frame';
import type { Step } from './lifecycle';
import { isRecoverable, type State } from './model';

type StateRunner = (rt: Runtime, state: State, input: JsonValue, trail: Trail, signal: CancelSignal) => Step | Promise<Step>;

/** Whether a state's own Retry or Catch rules name an error. */
export function stateRecovers(state: State, error: string): boolean {
  if (!isRecoverable(state)) return false;
  return state.retry.some((r) => errorMatches(r.errors, error)) || state.catch.some((c) => errorMatches(c.errors, error));
}

export function stateVisit(rt: Runtime, state: State, input: JsonValue, scope: ScopeFrame, retryCount = 0): StateVisit {
  const frame = new Frame(rt, state.name, input);
  frame.retryCount = retryCount;
  return {
    dialect: 'current',
    stateName: state.name,
    stateType: state.type,
    scope,
    input,
    variables: frame,
    context: () => frame.get('Context') ?? null,
    recovers: (error) => stateRecovers(state, error),
  };
}

export function observeState(
  rt: Runtime,
  observer: RunObserver,
  state: State,
  input: JsonValue,
  trail: Trail,
  signal: CancelSignal,
  runState: StateRunner,
): Promise<Step> {
  const visit = stateVisit(rt, state, input, scopeOf(trail));
  return observeRun(
    rt,
    observer,
    visit,
    signal,
    (replaced) => stateVisit(rt, state, replaced, visit.scope),
    (runInput) => runState(rt, state, runInput, trail, signal),
  );
}

/** Tells the observer about a failed task call of a Task state and what Retry/Catch will do. */
export async function reportTaskFailure(
  rt: Runtime,
  state: State,
  input: JsonValue,
  trail: Trail,
  failure: FlowFailure,
  recovery: 'retry' | 'catch' | 'none',
  retryCount: number,
): Promise<void> {
  await rt.observer?.taskFailed?.(stateVisit(rt, state, input, scopeOf(trail), retryCount), {
    error: failure.error,
    cause: failure.cause,
    recovery,
    retryCount,
  });
}
