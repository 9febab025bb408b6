// Runs a compiled legacy flow. Steps run in order; each step's output is merged into its
// parent's `$local` (later keys win). Without inputMappings a step's input is the parent input
// merged with the parent local; without outputMappings its output is its local, except parallel
// and foreach, which output nothing by default.
import type { CancelSignal } from '../cancel';
import { allOrFirstFailure } from '../concurrency';
import { EngineErrors, FlowFailure } from '../errors';
import { evaluate, evaluateCondition } from '../expressions/evaluate';
import type { Trail } from '../history';
import { isObject, jsonBytes, typeName, type JsonObject } from '../json';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import { applyMappings, legacyVars } from './mappings';
import { runTask } from './task';
import { childScope } from '../observer';
import { scopeOf } from '../observeRun';
import { observeStep } from './observe';
import type {
  ChoiceStep,
  ForeachStep,
  LegacyFlow,
  LegacyStep,
  ParallelStep,
  StepOutcome,
  Steps,
  WaitStep,
} from './model';

/** A wait step waits at most 2 days. */
const MAX_WAIT_SECONDS = 2 * 24 * 3600;

export async function runLegacyFlow(rt: Runtime, flow: LegacyFlow, input: JsonValue, trail: Trail): Promise<JsonValue> {
  const flowInput = flow.inputMappings
    ? applyMappings(flow.inputMappings, legacyVars(rt, input, {}, undefined))
    : input;
  const local = await runSeries(rt, flow.steps, asStepObject(flowInput, 'the flow input'), trail, rt.signal);
  return flow.outputMappings ? applyMappings(flow.outputMappings, legacyVars(rt, flowInput, local, undefined)) : local;
}

async function runSeries(
  rt: Runtime,
  steps: Steps,
  input: JsonObject,
  trail: Trail,
  signal: CancelSignal,
): Promise<JsonObject> {
  let local: JsonObject = {};
  let i = 0;
  while (i < steps.list.length) {
    if (signal.aborted) rt.throwIfAborted(signal);
    if (rt.shouldYield()) await rt.yield();
    const step = steps.list[i]!;
    const outcome = await runStep(rt, step, input, local, trail, signal);
    local = { ...local, ...outcome.output };
    if (outcome.stop || (step.end && outcome.goto === undefined)) break;
    i = outcome.goto ?? i + 1;
  }
  return local;
}

function asStepObject(value: JsonValue, what: string): JsonObject {
  if (!isObject(value)) {
    throw new FlowFailure(
      EngineErrors.invalidArgument,
      `${what} must be a JSON object, got ${typeName(value)}; map it with outputMappings`,
    );
  }
  return value;
}

async function runStep(
  rt: Runtime,
  step: LegacyStep,
  parentInput: JsonObject,
  parentLocal: JsonObject,
  trail: Trail,
  signal: CancelSignal,
): Promise<StepOutcome> {
  const token = step.type === 'task' && step.pattern === 'waitForCallback' ? rt.newTaskToken() : undefined;
  const input = step.inputMappings
    ? applyMappings(step.inputMappings, legacyVars(rt, parentInput, parentLocal, token))
    : { ...parentInput, ...parentLocal };
  if (rt.observer !== undefined) return observeStep(rt, rt.observer, step, input, token, trail, signal, (mapped) =>
      runMappedStep(rt, step, mapped, token, trail, signal),
    );
  return runMappedStep(rt, step, input, token, trail, signal);
}

/** Runs a step from its mapped input: StepEntered to StepExited. */
async function runMappedStep(
  rt: Runtime,
  step: LegacyStep,
  input: JsonObject,
  token: string | undefined,
  trail: Trail,
  signal: CancelSignal,
): Promise<StepOutcome> {
  rt.log.emit(trail, 'StepEntered', step.name, { input });
  rt.log.emit(trail, 'StepStarted', step.name, { input });
  let local: JsonValue = {};
  let goto: number | undefined;
  let stop = false;
  switch (step.type) {
    case 'pass':
      break;
    case 'succeed':
      stop = true;
      break;
    case 'fail':
      rt.log.emit(trail, 'StepFailed', step.name, { error: step.error, cause: step.cause });
      throw new FlowFailure(step.error, step.cause);
    case 'wait':
      await runWait(rt, step, input, signal);
      break;
    case 'choice':
      ({ local, goto } = await runChoice(rt, step, input, trail, signal));
      break;
    case 'parallel':
      local = await runParallel(rt, step, input, trail, signal);
      break;
    case 'foreach':
      local = await runForeach(rt, step, input, trail, signal);
      break;
    case 'task': {
      const result = await runTask(rt, step, input, token, trail, signal);
      if (result.caught) return result.caught;
      local = result.local;
      break;
    }
    default: {
      // Every step type of the table has its case above: a new one fails to compile here.
      const unhandled: never = step;
      throw new Error(`no run for step ${JSON.stringify((unhandled as { name: string }).name)}`);
    }
  }
  const defaultOutput = step.type === 'parallel' || step.type === 'foreach' ? {} : local;
  const output = step.outputMappings
    ? applyMappings(step.outputMappings, legacyVars(rt, input, local, token))
    : asStepObject(defaultOutput, `the output of step "${step.name}"`);
  checkStepSize(rt, step, input, output, local);
  rt.log.emit(trail, 'StepSucceeded', step.name, { output });
  rt.log.emit(trail, 'StepExited', step.name, { local });
  return { output, ...(goto !== undefined ? { goto } : {}), stop, result: local };
}

function checkStepSize(rt: Runtime, step: LegacyStep, input: JsonValue, output: JsonValue, local: JsonValue): void {
  const bytes = jsonBytes(input) + jsonBytes(output) + jsonBytes(local);
  if (bytes > rt.limits.maxLegacyStepBytes) {
    throw new FlowFailure(
      EngineErrors.limitExceeded,
      `step "${step.name}": its input, output and local together are ${bytes} bytes, more than the ${rt.limits.maxLegacyStepBytes} bytes a legacy step may hold`,
    );
  }
}

async function runWait(rt: Runtime, step: WaitStep, input: JsonObject, signal: CancelSignal): Promise<void> {
  const vars = legacyVars(rt, input, {}, undefined);
  let seconds: number;
  if (step.duration !== undefined) {
    const value = typeof step.duration === 'number' ? step.duration : evaluate(step.duration, vars);
    seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : (value as number);
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new FlowFailure(
        EngineErrors.invalidArgument,
        `step "${step.name}": duration must be a number of seconds, got ${JSON.stringify(value)}`,
      );
    }
  } else {
    const value = typeof step.timestamp === 'string' ? step.timestamp : evaluate(step.timestamp!, vars);
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(at)) {
      throw new FlowFailure(
        EngineErrors.invalidArgument,
        `step "${step.name}": timestamp must be an RFC 3339 time such as 2019-05-02T15:04:05Z, got ${JSON.stringify(value)}`,
      );
    }
    seconds = Math.max(0, (at - rt.clock.now()) / 1000);
  }
  if (seconds > MAX_WAIT_SECONDS) {
    throw new FlowFailure(
      EngineErrors.invalidArgument,
      `step "${step.name}": a wait step may wait at most 2 days (${MAX_WAIT_SECONDS} s), got ${seconds} s`,
    );
  }
  if (seconds > 0) await rt.wait(seconds, signal);
}

async function runChoice(
  rt: Runtime,
  step: ChoiceStep,
  input: JsonObject,
  trail: Trail,
  signal: CancelSignal,
): Promise<{ local: JsonValue; goto: number | undefined }> {
  const vars = legacyVars(rt, input, {}, undefined);
  const chosen = step.choices.find((c) => evaluateCondition(c.condition, vars)) ?? step.default;
  if (!chosen) return { local: {}, goto: undefined };
  const local = chosen.steps ? await runSeries(rt, chosen.steps, input, trail, signal) : {};
  return { local, goto: chosen.goto };
}

async function runParallel(
  rt: Runtime,
  step: ParallelStep,
  input: JsonObject,
  trail: Trail,
  signal: CancelSignal,
): Promise<JsonValue> {
  return allOrFirstFailure(signal, step.branches.length, step.branches.length, async (i, sig) => {
    const branchTrail: Trail = rt.observer
      ? { last: trail.last, scope: childScope(scopeOf(trail), 'branch', step.name, i, () => false) }
      : { last: trail.last };
    rt.log.emit(branchTrail, 'BranchEntered', step.name, { input, index: i });
    const local = await runSeries(rt, step.branches[i]!, input, branchTrail, sig);
    rt.log.emit(branchTrail, 'BranchExited', step.name, { local, index: i });
    return local;
  });
}

async function runForeach(
  rt: Runtime,
  step: ForeachStep,
  input: JsonObject,
  trail: Trail,
  signal: CancelSignal,
): Promise<JsonValue> {
  const collection = evaluate(step.collection, legacyVars(rt, input, {}, undefined));
  if (!Array.isArray(collection)) {
    throw new FlowFailure(
      EngineErrors.expression,
      `step "${step.name}": iterationMapping.collection ${JSON.stringify(step.collection.text)} must evaluate to an array, got ${typeName(collection)}`,
    );
  }
  return allOrFirstFailure(signal, collection.length, rt.limits.maxForeachConcurrency, async (i, sig) => {
    const iterationTrail: Trail = rt.observer
      ? { last: trail.last, scope: childScope(scopeOf(trail), 'iteration', step.name, i, () => false, collection[i] as JsonValue) }
      : { last: trail.last };
    const iterationInput: JsonObject = { ...input, [step.item]: collection[i] as JsonValue };
    if (step.index !== undefined) iterationInput[step.index] = i;
    rt.log.emit(iterationTrail, 'IterationEntered', step.name, { input: iterationInput, index: i });
    const local = await runSeries(rt, step.steps, iterationInput, iterationTrail, sig);
    rt.log.emit(iterationTrail, 'IterationExited', step.name, { local, index: i });
    return local;
  });
}
