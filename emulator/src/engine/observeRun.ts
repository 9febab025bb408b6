// One state run under a RunObserver, the same for both spec versions: beforeState (awaited, may
// replace the input), the run itself, then afterState with how the state ended or failed.
import type { CancelSignal } from './cancel';
import { FlowFailure } from './errors';
import type { Trail } from './history';
import type { JsonValue } from './json';
import { executionScope, type RunObserver, type ScopeFrame, type StateOutcome, type StateVisit } from './observer';
import type { Runtime } from './runtime';

/** How a state's run ended, in either spec version. */
export interface StateEnd {
  readonly output: JsonValue;
  /** The raw result before output mapping, when there is one. */
  readonly result?: JsonValue;
  /** Set when a Catch rule turned a failure into this end. */
  readonly caught?: { readonly error: string; readonly cause: string };
}

/** The scope a trail belongs to; every trail of an observed run carries one. */
export function scopeOf(trail: Trail): ScopeFrame {
  return trail.scope ?? executionScope();
}

/**
 * Runs `run` between the observer's hooks. `revisit` builds the visit for an input beforeState
 * asks for, or returns undefined where the spec cannot take it (the original input is kept).
 */
export async function observeRun<End extends StateEnd>(
  rt: Runtime,
  observer: RunObserver,
  visit: StateVisit,
  signal: CancelSignal,
  revisit: (input: JsonValue) => StateVisit | undefined,
  run: (input: JsonValue) => End | Promise<End>,
): Promise<End> {
  if (observer.beforeState) {
    const before = await observer.beforeState(visit);
    // A stop while paused must not run the state.
    if (signal.aborted) rt.throwIfAborted(signal);
    if (before && before.input !== undefined) visit = revisit(before.input) ?? visit;
  }
  let end: End;
  try {
    const pending = run(visit.input);
    end = pending instanceof Promise ? await pending : pending;
  } catch (e) {
    if (e instanceof FlowFailure && !signal.aborted) {
      await observer.afterState?.(visit, { kind: 'failed', error: e.error, cause: e.cause });
    }
    throw e;
  }
  if (observer.afterState) await observer.afterState(visit, outcomeOf(end));
  return end;
}

function outcomeOf(end: StateEnd): StateOutcome {
  if (end.caught) return { kind: 'caught', output: end.output, error: end.caught.error, cause: end.caught.cause };
  return end.result !== undefined
    ? { kind: 'succeeded', output: end.output, result: end.result }
    : { kind: 'succeeded', output: end.output };
}
