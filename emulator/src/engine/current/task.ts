// A Task state's action: build Parameters, ask the task environment to perform it (or, for
// WaitForCustomCallback, wait for the task token to be reported), within the state's Timeout.
import type { CancelSignal } from '../cancel';
import { evaluate } from '../expressions/evaluate';
import type { Trail } from '../history';
import type { Runtime } from '../runtime';
import { performTask } from '../task-call';
import type { JsonValue } from '../types';
import type { Frame } from './frame';
import type { TaskState } from './model';
import { EngineErrors, FlowFailure } from '../errors';

export async function runTask(
  rt: Runtime,
  state: TaskState,
  frame: Frame,
  trail: Trail,
  signal: CancelSignal,
): Promise<JsonValue> {
  const timeout =
    state.timeout === undefined || typeof state.timeout === 'number'
      ? (state.timeout ?? 0)
      : evaluate(state.timeout, frame.vars);
  if (typeof timeout !== 'number' || timeout < 0) {
    throw new FlowFailure(
      EngineErrors.invalidArgument,
      `state "${state.name}": Timeout must be a number of seconds, got ${JSON.stringify(timeout)}`,
    );
  }
  if (state.taskMode === 'WaitForCustomCallback') frame.taskToken = rt.newTaskToken();
  const parameters = state.parameters ? state.parameters(frame.vars) : frame.input;
  return performTask(rt, {
    action: state.action,
    taskMode: state.taskMode,
    parameters,
    stateName: state.name,
    taskToken: frame.taskToken,
    timeoutSeconds: timeout,
    trail,
    signal,
  });
}
