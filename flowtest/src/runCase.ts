// Runs one test case on the engine that `flowdeck run` and the emulator use (startRun), in the
// case's environment (its mocks as the task environment and, unless the case asks for real time,
// a virtual clock); then checks the expectations and says what failed with the evidence.
import { startRun, type HistoryEvent, type JsonValue, type RunResult, type TaskEnvironment } from '../../emulator/src/engine';
import { CaseEnvironment } from './caseEnvironment';
import type { CaseFailure } from './expectations';
import type { FlowUnderTest } from './flow';
import type { TestCase } from './model';

export { checkExpectations, failureSummary, type CaseFailure, type Expectation } from './expectations';

export interface CaseOutcome {
  readonly passed: boolean;
  readonly failures: readonly CaseFailure[];
  readonly result: RunResult;
  /** The states that ran, in the order they were entered. */
  readonly statesRun: readonly string[];
  readonly events: readonly HistoryEvent[];
  readonly durationMs: number;
}

export interface RunCaseOptions {
  /** Runs the tasks the case does not mock. */
  readonly tasks: TaskEnvironment;
  /** Real milliseconds after which a case is stopped (default 60 s). */
  readonly timeLimitMs?: number;
  /** Called with each history event as it happens. */
  readonly onEvent?: (event: HistoryEvent) => void;
}

const DEFAULT_TIME_LIMIT_MS = 60_000;

export async function runCase(flow: FlowUnderTest, testCase: TestCase, options: RunCaseOptions): Promise<CaseOutcome> {
  const started = Date.now();
  const env = new CaseEnvironment(testCase, options.tasks);
  const handle = startRun({
    definition: flow.definition,
    input: testCase.input,
    flowName: flow.name,
    executionName: `test-${testCase.index}`,
    executionMode: flow.mode,
    tasks: env.tasks,
    ...(env.clock ? { clock: env.clock } : {}),
    onEvent: (event) => {
      env.observe(event);
      options.onEvent?.(event);
    },
  });
  env.attach(handle);
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const guard = setTimeout(() => env.stop(`the case did not finish within ${limitMs / 1000} s of real time`), limitMs);
  let result: RunResult;
  try {
    result = await handle.done;
  } finally {
    clearTimeout(guard);
    env.dispose();
  }
  const failures = env.check(result);
  return { passed: failures.length === 0, failures, result, statesRun: env.statesRun, events: env.events, durationMs: Date.now() - started };
}

export type { JsonValue };
