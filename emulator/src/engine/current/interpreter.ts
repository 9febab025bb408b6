// Runs a compiled current-spec flow. A scope is a loop over its states; Pass, Choice, Succeed and
// Fail run synchronously back to back (the loop yields to the event loop every so often), and only
// Task, Wait, Parallel and Map await. With an observer every state goes through observeState,
// which awaits its hooks around the same runState.
import type { CancelSignal } from '../cancel';
import { EngineErrors, FlowFailure } from '../errors';
import { evaluate, evaluateCondition } from '../expressions/evaluate';
import type { Trail } from '../history';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import { runMap, runParallel } from './containers';
import { runDistributedMap } from './distributedMap';
import { enterState, exitState, type Step } from './lifecycle';
import type { ChoiceState, FailState, Scope, State, WaitState } from './model';
import { runRecoverable } from './recovery';
import { runTask } from './task';
import { observeState } from './observe';

/** Runs one scope from its start state to its end; resolves to the scope's output. */
export async function runScope(
  rt: Runtime,
  scope: Scope,
  input: JsonValue,
  trail: Trail,
  signal: CancelSignal,
): Promise<JsonValue> {
  let state: State = scope.start;
  let value = input;
  for (;;) {
    if (signal.aborted) rt.throwIfAborted(signal);
    if (rt.shouldYield()) await rt.yield();
    let step: Step;
    if (rt.observer === undefined) {
      const pending = runState(rt, state, value, trail, signal);
      step = pending instanceof Promise ? await pending : pending;
    } else {
      step = await observeState(rt, rt.observer, state, value, trail, signal, runState);
    }
    value = step.output;
    if (step.next === null) return value;
    state = step.next;
  }
}

/** Runs one state: synchronously for Pass, Choice, Succeed and Fail, else as a promise. */
function runState(rt: Runtime, state: State, value: JsonValue, trail: Trail, signal: CancelSignal): Step | Promise<Step> {
  switch (state.type) {
    case 'Pass':
    case 'Succeed':
      return runPassLike(rt, state, value, trail);
    case 'Choice':
      return runChoice(rt, state, value, trail);
    case 'Fail':
      return runFail(rt, state, value, trail);
    case 'Wait':
      return runWait(rt, state, value, trail, signal);
    case 'Task': {
      const task = state;
      return runRecoverable(rt, task, value, trail, signal, (frame, sig) => runTask(rt, task, frame, trail, sig));
    }
    case 'Parallel': {
      const parallel = state;
      return runRecoverable(rt, parallel, value, trail, signal, (frame, sig) =>
        runParallel(rt, parallel, frame, trail, sig, runScope),
      );
    }
    case 'Map': {
      const map = state;
      const distributed = map.distributed;
      return runRecoverable(rt, map, value, trail, signal, (frame, sig) =>
        distributed ? runDistributedMap(rt, map, distributed, frame, trail, sig) : runMap(rt, map, frame, trail, sig, runScope),
      );
    }
  }
}

function runPassLike(rt: Runtime, state: State, input: JsonValue, trail: Trail): Step {
  const frame = enterState(rt, state, input, trail);
  return { output: exitState(rt, state, frame, frame.input, trail), next: state.next };
}

function runChoice(rt: Runtime, state: ChoiceState, input: JsonValue, trail: Trail): Step {
  const frame = enterState(rt, state, input, trail);
  let next = state.default;
  for (const branch of state.branches) {
    if (evaluateCondition(branch.condition, frame.vars)) {
      next = branch.next;
      break;
    }
  }
  return { output: exitState(rt, state, frame, frame.input, trail), next };
}

function runFail(rt: Runtime, state: FailState, input: JsonValue, trail: Trail): never {
  const frame = enterState(rt, state, input, trail);
  if (state.output) {
    frame.output = frame.input;
    state.output(frame.vars);
  }
  rt.log.emit(trail, 'StepFailed', state.name, { error: state.code, cause: state.detail });
  throw new FlowFailure(state.code, state.detail);
}

async function runWait(
  rt: Runtime,
  state: WaitState,
  input: JsonValue,
  trail: Trail,
  signal: CancelSignal,
): Promise<Step> {
  const frame = enterState(rt, state, input, trail);
  const seconds = typeof state.seconds === 'number' ? state.seconds : evaluate(state.seconds, frame.vars);
  const [min, max] = rt.mode === 'Express' ? [1, 20] : [1, 300];
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < min || seconds > max) {
    throw new FlowFailure(
      EngineErrors.invalidArgument,
      `state "${state.name}": Seconds must be a number from ${min} to ${max} in ${rt.mode} mode, got ${JSON.stringify(seconds)}`,
    );
  }
  await rt.wait(seconds, signal);
  return { output: exitState(rt, state, frame, frame.input, trail), next: state.next };
}
