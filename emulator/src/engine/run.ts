// One execution from ExecutionStarted to its terminal event: checks the input, compiles the
// definition for its dialect, runs it under the execution timeout, and turns the outcome into a
// RunResult and the matching Execution* event.
import { EngineErrors, FlowFailure, RunInterrupted } from './errors';
import { compileCurrentFlow } from './current/compile';
import { runScope } from './current/interpreter';
import type { Trail } from './history';
import { copyJson, isObject, jsonText, MAX_VALUE_DEPTH, tooDeepFailure, valueDepth } from './json';
import { compileLegacyFlow } from './legacy/compile';
import { runLegacyFlow } from './legacy/interpreter';
import { executionScope } from './observer';
import { DEFAULT_LIMITS, Runtime } from './runtime';
import type { JsonValue, Limits, RunHandle, RunOptions, RunResult } from './types';

/** Express executions last at most 5 minutes. */
const EXPRESS_MAX_SECONDS = 300;

type Program = { timeoutSeconds: number; run(rt: Runtime, input: JsonValue, trail: Trail): Promise<JsonValue> };

/**
 * Compiled programs by definition object. Compiling costs more than running a short flow, so a
 * caller that starts many executions of one flow should pass the same (unchanged) object each time.
 */
const compiledByDefinition = new WeakMap<object, Program | FlowFailure>();

function cachedProgram(definition: JsonValue, rt: Runtime, defaultLimits: boolean): Program {
  if (!defaultLimits || definition === null || typeof definition !== 'object') return compileProgram(definition, rt.limits);
  let entry = compiledByDefinition.get(definition);
  if (!entry) {
    try {
      entry = compileProgram(definition, rt.limits);
    } catch (e) {
      if (!(e instanceof FlowFailure)) throw e;
      entry = e;
    }
    compiledByDefinition.set(definition, entry);
  }
  if (entry instanceof FlowFailure) throw entry;
  return entry;
}

/** Compiles the definition for its dialect, or throws FlowFailure(FnF.InvalidDefinition). */
export function compileProgram(definition: JsonValue, limits: Limits): Program {
  if (isObject(definition) && definition['Type'] === 'StateMachine') {
    const flow = compileCurrentFlow(definition, limits);
    return {
      timeoutSeconds: flow.timeoutSeconds,
      run: (r, input, trail) => runScope(r, flow.root, input, trail, r.signal),
    };
  }
  if (isObject(definition) && definition['type'] === 'flow') {
    const flow = compileLegacyFlow(definition, limits);
    return { timeoutSeconds: flow.timeoutSeconds, run: (r, input, trail) => runLegacyFlow(r, flow, input, trail) };
  }
  throw new FlowFailure(
    EngineErrors.invalidDefinition,
    'the definition is neither a current-spec flow (Type: StateMachine, SpecVersion: v1, StartAt, States) nor a legacy flow (type: flow, version: v1, steps)',
  );
}

/**
 * Compiles without running: the FnF.InvalidDefinition failure an execution of `definition` would
 * end with at once, or undefined when the engine accepts it. Its cause starts with the place
 * (`state "Name": Key`, `step "name"`, `the flow`).
 */
export function definitionFailure(definition: JsonValue, limits: Limits = DEFAULT_LIMITS): FlowFailure | undefined {
  try {
    compileProgram(definition, limits);
    return undefined;
  } catch (e) {
    if (e instanceof FlowFailure) return e;
    throw e;
  }
}

export function createRun(options: RunOptions): RunHandle {
  return new Execution(options);
}

type Interruption = { status: 'Stopped' | 'TimedOut'; error: string; cause: string };

/** One execution; a class rather than closures so that starting one allocates little. */
class Execution implements RunHandle {
  readonly done: Promise<RunResult>;
  private readonly rt: Runtime;
  private interruption: Interruption | undefined;
  private finished = false;

  constructor(private readonly options: RunOptions) {
    this.rt = new Runtime(options, createRun);
    this.done = this.execute();
  }

  stop(error?: string, cause?: string): void {
    this.interrupt({
      status: 'Stopped',
      error: error ?? EngineErrors.stopped,
      cause: cause ?? 'the execution was stopped',
    });
  }

  reportTaskSucceeded(taskToken: string, output: JsonValue): boolean {
    return this.rt.reportSucceeded(taskToken, copyJson(output));
  }

  reportTaskFailed(taskToken: string, error: string, cause: string): boolean {
    return this.rt.reportFailed(taskToken, error, cause);
  }

  pendingTaskTokens(): string[] {
    return this.rt.pendingTokens();
  }

  private interrupt(interruption: Interruption): void {
    if (this.interruption || this.finished) return;
    this.interruption = interruption;
    this.rt.controller.abort(new RunInterrupted());
  }

  private async execute(): Promise<RunResult> {
    // Let startRun return the handle before any state runs.
    await Promise.resolve();
    const { rt, options } = this;
    const trail: Trail = rt.observer ? { last: 0, scope: executionScope() } : { last: 0 };
    // Not copied: the interpreter never changes a value, and the caller hands the input over.
    const input = options.input;
    rt.executionInput = input;
    // A too-deep input cannot even be recorded: the start event says so and the run fails.
    const tooDeep = valueDepth(input) > MAX_VALUE_DEPTH;
    rt.log.emit(trail, 'ExecutionStarted', '', { input: tooDeep ? null : input });
    let cancelTimeout: (() => void) | undefined;
    try {
      if (tooDeep) throw tooDeepFailure('the execution input');
      if (!isObject(input)) {
        throw new FlowFailure(
          EngineErrors.invalidArgument,
          `the execution input must be a JSON object, got ${jsonText(input).slice(0, 80)}`,
        );
      }
      const program = cachedProgram(options.definition, rt, options.limits === undefined);
      let timeout = program.timeoutSeconds;
      if (rt.mode === 'Express' && (timeout === 0 || timeout > EXPRESS_MAX_SECONDS)) timeout = EXPRESS_MAX_SECONDS;
      if (timeout > 0) {
        const cause = `the execution ran longer than its Timeout of ${timeout} s`;
        cancelTimeout = rt.clock.setTimer(timeout * 1000 * rt.timeScale, () =>
          this.interrupt({ status: 'TimedOut', error: EngineErrors.executionTimeout, cause }),
        );
      }
      const output = await program.run(rt, input, trail);
      if (this.interruption) throw new RunInterrupted();
      rt.checkSize(output, 'the execution output');
      this.finished = true;
      rt.log.emitFinal(trail, 'ExecutionSucceeded', { output });
      return { status: 'Succeeded', output };
    } catch (e) {
      this.finished = true;
      if (this.interruption) {
        const { status, error, cause } = this.interruption;
        rt.log.emitFinal(trail, status === 'Stopped' ? 'ExecutionStopped' : 'ExecutionTimedOut', { error, cause });
        return { status, error, cause };
      }
      const failure =
        e instanceof FlowFailure
          ? e
          : new FlowFailure(
              'FnF.InternalError',
              `the emulator failed unexpectedly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
      rt.log.emitFinal(trail, 'ExecutionFailed', { error: failure.error, cause: failure.cause });
      return { status: 'Failed', error: failure.error, cause: failure.cause };
    } finally {
      this.finished = true;
      cancelTimeout?.();
    }
  }
}
