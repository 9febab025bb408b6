// A current-spec state run under a RunObserver: beforeState (awaited, may replace the input), the
// same runState the unobserved loop calls, then afterState with how the state ended.
import type { CancelSignal } from '../cancel';
import { errorMatches, FlowFailure } from '../errors';
import type { Trail } from '../history';
import { executionScope, type RunObserver, type ScopeFrame, type StateVisit } from '../observer';
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

/** The scope a trail belongs to; every trail of an observed run carries one. */
export function scopeOf(trail: Trail): ScopeFrame {
  return trail.scope ?? executionScope();
}

export async function observeState(
  rt: Runtime,
  observer: RunObserver,
  state: State,
  input: JsonValue,
  trail: Trail,
  signal: CancelSignal,
  runState: StateRunner,
): Promise<Step> {
  let visit = stateVisit(rt, state, input, scopeOf(trail));
  if (observer.beforeState) {
    const before = await observer.beforeState(visit);
    // A stop while paused must not run the state.
    if (signal.aborted) rt.throwIfAborted(signal);
    if (before && before.input !== undefined) visit = stateVisit(rt, state, before.input, visit.scope);
  }
  let step: Step;
  try {
    const pending = runState(rt, state, visit.input, trail, signal);
    step = pending instanceof Promise ? await pending : pending;
  } catch (e) {
    if (e instanceof FlowFailure && !signal.aborted) {
      await observer.afterState?.(visit, { kind: 'failed', error: e.error, cause: e.cause });
    }
    throw e;
  }
  if (observer.afterState) {
    await observer.afterState(
      visit,
      step.caught
        ? { kind: 'caught', output: step.output, error: step.caught.error, cause: step.caught.cause }
        : step.result !== undefined
          ? { kind: 'succeeded', output: step.output, result: step.result }
          : { kind: 'succeeded', output: step.output },
    );
  }
  return step;
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
