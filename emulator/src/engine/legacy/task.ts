// A legacy task step: its request (FC functions by ARN or template reference, other resources
// with their serviceParams), the call, and retry/catch with errorMappings.
import type { CancelSignal } from '../cancel';
import { errorMatches, FlowFailure } from '../errors';
import type { Trail } from '../history';
import { isObject, type JsonObject } from '../json';
import type { Runtime } from '../runtime';
import { performTask } from '../task-call';
import type { JsonValue } from '../types';
import { applyMappings, legacyVars } from './mappings';
import type { StepOutcome, TaskStep } from './model';
import { reportStepFailure } from './observe';

/**
 * FC function ARNs, and template references that are not ARNs at all (`!Ref service/function`,
 * which deployment tools resolve to an FC function).
 */
function isFunctionResource(resource: string): boolean {
  return resource.startsWith('acs:fc:') || !resource.includes(':');
}

/** A task's request: FC functions become FC:InvokeFunction with the step input as the event. */
function taskRequest(
  step: TaskStep,
  input: JsonObject,
  token: string | undefined,
  rt: Runtime,
): { action: string; parameters: JsonValue } {
  if (isFunctionResource(step.resource)) {
    return {
      action: 'FC:InvokeFunction',
      parameters: { resourceArn: step.resource, invocationType: 'Sync', body: input },
    };
  }
  if (!step.serviceParams) return { action: step.resource, parameters: input };
  // serviceParams values: `$` is the mapped input, `$.x` a path into it, anything else a constant.
  return { action: step.resource, parameters: applyMappings(step.serviceParams, legacyVars(rt, input, {}, token)) };
}

export async function runTask(
  rt: Runtime,
  step: TaskStep,
  input: JsonObject,
  token: string | undefined,
  trail: Trail,
  signal: CancelSignal,
): Promise<{ local: JsonValue; caught?: undefined } | { caught: StepOutcome; local?: undefined }> {
  const attempts = step.retry.map(() => 0);
  for (;;) {
    try {
      const { action, parameters } = taskRequest(step, input, token, rt);
      const raw = await performTask(rt, {
        action,
        taskMode: token !== undefined ? 'WaitForCustomCallback' : 'RequestComplete',
        parameters,
        stateName: step.name,
        taskToken: token,
        timeoutSeconds: step.timeoutSeconds,
        trail,
        signal,
      });
      // FC results arrive wrapped as { Body }; a legacy step's $local is the function result itself.
      const local = action === 'FC:InvokeFunction' && isObject(raw) && 'Body' in raw ? raw['Body']! : raw;
      return { local };
    } catch (e) {
      if (!(e instanceof FlowFailure) || signal.aborted) throw e;
      const i = step.retry.findIndex((r) => errorMatches(r.errors, e.error));
      const rule = step.retry[i];
      if (rule && attempts[i]! < rule.maxAttempts) {
        if (rt.observer?.taskFailed) await reportStepFailure(rt, step, input, trail, e, 'retry', attempts[i]!);
        const n = attempts[i]!++;
        const delay = rule.intervalSeconds * rule.multiplier ** n;
        await rt.wait(rule.maxIntervalSeconds === undefined ? delay : Math.min(delay, rule.maxIntervalSeconds), signal);
        continue;
      }
      rt.log.emit(trail, 'StepFailed', step.name, { error: e.error, cause: e.cause });
      const handler = step.catch.find((c) => errorMatches(c.errors, e.error));
      if (rt.observer?.taskFailed) await reportStepFailure(rt, step, input, trail, e, handler ? 'catch' : 'none', attempts.reduce((a, b) => a + b, 0));
      if (!handler) throw e;
      const local = { error: e.error, cause: e.cause };
      const output = step.errorMappings ? applyMappings(step.errorMappings, legacyVars(rt, input, local, token)) : {};
      rt.log.emit(trail, 'StepExited', step.name, { local });
      return {
        caught: {
          output,
          ...(handler.goto !== undefined ? { goto: handler.goto } : {}),
          result: local,
          caught: { error: e.error, cause: e.cause },
        },
      };
    }
  }
}
