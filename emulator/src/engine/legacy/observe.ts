// A legacy step run under a RunObserver: beforeState sees the step's mapped input (what `$` and
// `$input` are inside the step), afterState how it ended, taskFailed every failed task call.
import type { CancelSignal } from '../cancel';
import { errorMatches, type FlowFailure } from '../errors';
import type { Trail } from '../history';
import { isObject, type JsonObject } from '../json';
import type { RunObserver, StateVisit } from '../observer';
import type { Runtime } from '../runtime';
import { observeRun, scopeOf } from '../observeRun';
import { legacyVars } from './mappings';
import type { LegacyStep, StepOutcome } from './model';

function stepRecovers(step: LegacyStep, error: string): boolean {
  if (step.type !== 'task') return false;
  return step.retry.some((r) => errorMatches(r.errors, error)) || step.catch.some((c) => errorMatches(c.errors, error));
}

export function stepVisit(rt: Runtime, step: LegacyStep, input: JsonObject, token: string | undefined, trail: Trail): StateVisit {
  const variables = legacyVars(rt, input, {}, token);
  return {
    dialect: 'legacy',
    stateName: step.name,
    stateType: step.type,
    scope: scopeOf(trail),
    input,
    variables,
    context: () => variables.get('context') ?? null,
    recovers: (error) => stepRecovers(step, error),
  };
}

export function observeStep(
  rt: Runtime,
  observer: RunObserver,
  step: LegacyStep,
  input: JsonObject,
  token: string | undefined,
  trail: Trail,
  signal: CancelSignal,
  runStep: (input: JsonObject) => Promise<StepOutcome>,
): Promise<StepOutcome> {
  return observeRun(
    rt,
    observer,
    stepVisit(rt, step, input, token, trail),
    signal,
    // A legacy step's input is always an object; anything else is ignored rather than crash the step.
    (replaced) => (isObject(replaced) ? stepVisit(rt, step, replaced, token, trail) : undefined),
    (runInput) => runStep(runInput as JsonObject),
  );
}

/** Tells the observer about a failed task call of a task step and what retry/catch will do. */
export async function reportStepFailure(
  rt: Runtime,
  step: LegacyStep,
  input: JsonObject,
  trail: Trail,
  failure: FlowFailure,
  recovery: 'retry' | 'catch' | 'none',
  retryCount: number,
): Promise<void> {
  await rt.observer?.taskFailed?.(stepVisit(rt, step, input, undefined, trail), {
    error: failure.error,
    cause: failure.cause,
    recovery,
    retryCount,
  });
}
