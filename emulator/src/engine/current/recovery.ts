// Retry and Catch around a Task, Parallel or Map state: Retry first (the first rule whose Errors
// match, while it has attempts left, waiting IntervalSeconds x BackoffRate^n capped at
// MaxBackoffSeconds), then the first matching Catch rule, else the failure leaves the scope.
import type { CancelSignal } from '../cancel';
import { errorMatches, FlowFailure } from '../errors';
import type { Trail } from '../history';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import { Frame } from './frame';
import { enterState, exitState, type Step } from './lifecycle';
import type { MapState, ParallelState, RetryRule, TaskState } from './model';
import { reportTaskFailure } from './observe';

export type Body = (frame: Frame, signal: CancelSignal) => Promise<JsonValue>;

export async function runRecoverable(
  rt: Runtime,
  state: TaskState | ParallelState | MapState,
  input: JsonValue,
  trail: Trail,
  signal: CancelSignal,
  body: Body,
): Promise<Step> {
  let frame: Frame | undefined;
  const attempts = state.retry.map(() => 0);
  for (;;) {
    try {
      frame ??= enterState(rt, state, input, trail);
      const raw = await body(frame, signal);
      return { output: exitState(rt, state, frame, raw, trail), next: state.next, result: raw };
    } catch (e) {
      // A stop, a timeout or a failed sibling branch is never retried or caught here.
      if (!(e instanceof FlowFailure) || signal.aborted) throw e;
      if (frame) {
        const i = state.retry.findIndex((r) => errorMatches(r.errors, e.error));
        const rule = state.retry[i];
        if (rule && attempts[i]! < rule.maxAttempts) {
          if (rt.observer?.taskFailed && state.type === 'Task') await reportTaskFailure(rt, state, input, trail, e, 'retry', frame.retryCount);
          const delay = retryDelay(rule, attempts[i]!);
          attempts[i]!++;
          frame.retryCount++;
          await rt.wait(delay, signal);
          continue;
        }
      }
      rt.log.emit(trail, 'StepFailed', state.name, { error: e.error, cause: e.cause });
      const handler = state.catch.find((c) => errorMatches(c.errors, e.error));
      if (frame && rt.observer?.taskFailed && state.type === 'Task') {
        await reportTaskFailure(rt, state, input, trail, e, handler ? 'catch' : 'none', frame.retryCount);
      }
      if (!handler) throw e;
      const f = frame ?? new Frame(rt, state.name, input);
      f.error = { Code: e.error, Detail: e.cause };
      // Without an OutputConstructor the catch target receives the error itself.
      const output = handler.output ? handler.output(f.vars) : { Code: e.error, Detail: e.cause };
      rt.log.emit(trail, 'StepExited', state.name, { output });
      return { output, next: handler.next, caught: { error: e.error, cause: e.cause } };
    }
  }
}

/** Seconds before retry number `n + 1`. */
export function retryDelay(rule: RetryRule, n: number): number {
  const delay = rule.intervalSeconds * rule.backoffRate ** n;
  return rule.maxBackoffSeconds === undefined ? delay : Math.min(delay, rule.maxBackoffSeconds);
}
