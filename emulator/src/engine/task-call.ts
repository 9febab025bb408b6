// Performing one task for either dialect: TaskScheduled/TaskStarted, the executor call or the
// callback wait, the timeout, and TaskSucceeded/TaskFailed/TaskTimedOut.
import type { CancelSignal } from './cancel';
import { abortReason } from './clock';
import { EngineErrors, FlowFailure, RunInterrupted } from './errors';
import type { Trail } from './history';
import type { Runtime } from './runtime';
import { TaskError, type JsonValue, type TaskMode, type TaskRequest } from './types';

export interface TaskCall {
  readonly action: string;
  readonly taskMode: TaskMode;
  readonly parameters: JsonValue;
  readonly stateName: string;
  readonly taskToken: string | undefined;
  /** 0 never times out. */
  readonly timeoutSeconds: number;
  readonly trail: Trail;
  readonly signal: CancelSignal;
}

class TaskTimeout extends Error {}

export async function performTask(rt: Runtime, call: TaskCall): Promise<JsonValue> {
  const { stateName, trail } = call;
  if (rt.mode === 'Express' && call.taskMode !== 'RequestComplete') {
    throw new FlowFailure(
      EngineErrors.invalidArgument,
      `state "${stateName}": Express flows support only TaskMode RequestComplete, not ${call.taskMode}; deploy the flow as Standard`,
    );
  }
  rt.log.emit(trail, 'TaskScheduled', stateName, {
    action: call.action,
    parameters: call.parameters,
    taskToken: call.taskToken,
  });
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(call.signal.reason);
  call.signal.addEventListener('abort', onAbort, { once: true });
  const cancelTimer =
    call.timeoutSeconds > 0
      ? rt.clock.setTimer(call.timeoutSeconds * 1000 * rt.timeScale, () => controller.abort(new TaskTimeout()))
      : undefined;
  try {
    rt.log.emit(trail, 'TaskStarted', stateName);
    const request: TaskRequest = {
      action: call.action,
      parameters: call.parameters,
      taskMode: call.taskMode,
      ...(call.taskToken !== undefined ? { taskToken: call.taskToken } : {}),
      flowName: rt.flowName,
      executionName: rt.executionName,
      stateName,
      signal: controller.signal,
    };
    let output: JsonValue;
    if (call.taskToken !== undefined) {
      // Listen before invoking: the callee may report back before its invocation returns.
      const callback = rt.awaitCallback(call.taskToken, controller.signal);
      callback.catch(() => undefined);
      await raceAbort(Promise.resolve(rt.tasks.invoke(request)), controller.signal);
      rt.log.emit(trail, 'TaskSubmitted', stateName, { taskToken: call.taskToken });
      output = await callback;
    } else {
      output = await raceAbort(Promise.resolve(rt.tasks.invoke(request)), controller.signal);
    }
    // An executor that returns nothing produced an empty result.
    if (output === undefined) output = null;
    rt.log.emit(trail, 'TaskSucceeded', stateName, { output });
    return output;
  } catch (e) {
    throw taskFailure(rt, call, e);
  } finally {
    cancelTimer?.();
    call.signal.removeEventListener('abort', onAbort);
  }
}

/** Settles with `work`, or rejects as soon as `signal` aborts (an executor may ignore the signal). */
function raceAbort<T>(work: Promise<T>, signal: CancelSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function taskFailure(rt: Runtime, call: TaskCall, e: unknown): Error {
  const { stateName, trail } = call;
  if (e instanceof TaskTimeout) {
    const failure = new FlowFailure(
      EngineErrors.timeout,
      `state "${stateName}": the task did not finish within its Timeout of ${call.timeoutSeconds} s`,
    );
    rt.log.emit(trail, 'TaskTimedOut', stateName, { error: failure.error, cause: failure.cause });
    return failure;
  }
  // Stopped execution or failed sibling: not this task's failure.
  if (e instanceof RunInterrupted || call.signal.aborted) return e as Error;
  let failure: FlowFailure;
  if (e instanceof FlowFailure) failure = e;
  else if (e instanceof TaskError) failure = new FlowFailure(e.error, e.cause);
  else
    failure = new FlowFailure(
      EngineErrors.taskFailed,
      `state "${stateName}": ${e instanceof Error ? e.message : String(e)}`,
    );
  rt.log.emit(trail, 'TaskFailed', stateName, { error: failure.error, cause: failure.cause });
  return failure;
}
