// Runs one test case on the engine that `flowdeck run` and the emulator use (startRun), with the
// case's mocks as its task environment and, unless the case asks for real time, a virtual clock;
// then checks the expectations and says what failed with the evidence (diff, status, states).
import {
  startRun, type HistoryEvent, type JsonValue, type RunHandle, type RunResult, type TaskEnvironment,
} from '../../emulator/src/engine';
import { inOrder, jsonEqual, jsonSubset, lineDiff, projectOnto, stableJson } from './compare';
import type { FlowUnderTest } from './flow';
import { MockTasks } from './mockTasks';
import type { TestCase } from './model';
import { ScopeTracker } from './scopes';
import { VirtualClock } from './virtualClock';

export type Expectation = 'status' | 'output' | 'error' | 'cause' | 'states' | 'mocks' | 'run';

export interface CaseFailure {
  readonly expectation: Expectation;
  readonly message: string;
  /** Text forms for a diff view (output: pretty JSON; states: one per line). */
  readonly expected?: string;
  readonly actual?: string;
}

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
/** Where the virtual clock starts: a fixed instant, so event times are the same on every run. */
const VIRTUAL_EPOCH = Date.UTC(2024, 0, 1);

export async function runCase(flow: FlowUnderTest, testCase: TestCase, options: RunCaseOptions): Promise<CaseOutcome> {
  const started = Date.now();
  const events: HistoryEvent[] = [];
  const scopes = new ScopeTracker();
  let lastTaskScope: ReturnType<ScopeTracker['observe']> | undefined;
  // The handle exists once startRun returns; the mocks and the guards reach it through this box.
  const run: { handle?: RunHandle } = {};
  const runProblems: string[] = [];
  const stop = (why: string): void => {
    runProblems.push(why);
    run.handle?.stop('FlowTest.Stopped', why);
  };
  const tasks = new MockTasks({
    mocks: testCase.mocks,
    strict: testCase.strict,
    fallback: options.tasks,
    currentScope: () => lastTaskScope,
    reportCallback: (token, answer) => {
      if ('error' in answer) run.handle?.reportTaskFailed(token, answer.error, answer.cause);
      else run.handle?.reportTaskSucceeded(token, answer.output);
    },
  });
  const clock =
    testCase.clock === 'virtual'
      ? new VirtualClock({
          start: VIRTUAL_EPOCH,
          activity: () => events.length,
          busy: () => tasks.busy,
          whenIdle: (listener) => tasks.onIdle(listener),
          onStuck: () =>
            stop('the execution waits for something that never comes (a task callback no mock answers?) and has no timer left'),
        })
      : undefined;
  const handle = startRun({
    definition: flow.definition,
    input: testCase.input,
    flowName: flow.name,
    executionName: `test-${testCase.index}`,
    tasks,
    ...(clock ? { clock } : {}),
    onEvent: (event) => {
      events.push(event);
      const scope = scopes.observe(event);
      // The engine invokes the task right after TaskStarted, synchronously: this is its scope.
      if (event.Type === 'TaskStarted') lastTaskScope = scope;
      options.onEvent?.(event);
    },
  });
  run.handle = handle;
  clock?.start();
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const guard = setTimeout(() => stop(`the case did not finish within ${limitMs / 1000} s of real time`), limitMs);
  let result: RunResult;
  try {
    result = await handle.done;
  } finally {
    clearTimeout(guard);
    clock?.dispose();
  }
  const statesRun = events.filter((e) => e.Type === 'StepEntered').map((e) => e.StepName);
  const failures = checkExpectations(testCase, result, statesRun, { run: runProblems, mocks: tasks.problems });
  return { passed: failures.length === 0, failures, result, statesRun, events, durationMs: Date.now() - started };
}

function describeEnd(result: RunResult): string {
  if (result.status === 'Succeeded') return 'Succeeded';
  return `${result.status} with ${result.error ?? '(no error)'}${result.cause ? `: ${result.cause}` : ''}`;
}

export function checkExpectations(
  testCase: TestCase,
  result: RunResult,
  statesRun: readonly string[],
  problems: { readonly run: readonly string[]; readonly mocks: readonly string[] },
): CaseFailure[] {
  const expect = testCase.expect;
  const failures: CaseFailure[] = [];
  for (const message of problems.run) failures.push({ expectation: 'run', message });
  for (const message of problems.mocks) failures.push({ expectation: 'mocks', message });
  if (expect.status !== undefined && result.status !== expect.status) {
    failures.push({
      expectation: 'status',
      message: `expected status ${expect.status}, but the run ended ${describeEnd(result)}`,
      expected: expect.status,
      actual: result.status,
    });
  }
  if (expect.error !== undefined && result.error !== expect.error) {
    failures.push({
      expectation: 'error',
      message: `expected error ${expect.error}, but the run ended ${describeEnd(result)}`,
      expected: expect.error,
      actual: result.error ?? '(no error)',
    });
  }
  if (expect.cause !== undefined && !(result.cause ?? '').includes(expect.cause)) {
    failures.push({
      expectation: 'cause',
      message: `expected a cause containing "${expect.cause}", but the run ended ${describeEnd(result)}`,
      expected: expect.cause,
      actual: result.cause ?? '',
    });
  }
  if (expect.output !== undefined) {
    const wanted = expect.output.value;
    const subset = expect.match === 'subset';
    const ok = subset ? jsonSubset(wanted, result.output) : jsonEqual(wanted, result.output);
    if (!ok) {
      const expectedText = stableJson(wanted);
      const actualText = stableJson(subset ? projectOnto(wanted, result.output) : result.output);
      failures.push({
        expectation: 'output',
        message:
          `the output ${subset ? 'does not contain what was expected' : 'differs from the expected one'} ` +
          `(- expected, + actual${subset ? ', actual keys that were not asked for left out' : ''}; the run ended ${describeEnd(result)}):\n` +
          lineDiff(expectedText, actualText),
        expected: expectedText,
        actual: actualText,
      });
    }
  }
  if (expect.states !== undefined) {
    const order = inOrder(expect.states, statesRun);
    if (!order.ok) {
      failures.push({
        expectation: 'states',
        message:
          `expected state ${order.missing} to run${order.after ? ` after ${order.after}` : ''}, but it did not; ` +
          `the states that ran: ${statesRun.join(', ') || '(none)'}`,
        expected: expect.states.join('\n'),
        actual: statesRun.join('\n'),
      });
    }
  }
  return failures;
}

/** The first failure's message, then the others, for one-line reports. */
export function failureSummary(failures: readonly CaseFailure[]): string {
  return failures.map((f) => f.message).join('\n');
}

export type { JsonValue };
