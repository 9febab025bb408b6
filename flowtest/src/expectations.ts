// A case's expectations against the end of its run: status, output (exact or subset, with the
// line diff), error, cause, the states in order, and the problems the run and the mocks recorded.
// The runner and the debugger's "debug this case" judge a run with this one function.
import type { RunResult } from '../../emulator/src/engine';
import { inOrder, jsonEqual, jsonSubset, lineDiff, projectOnto, stableJson } from './compare';
import type { TestCase } from './model';

export type Expectation = 'status' | 'output' | 'error' | 'cause' | 'states' | 'mocks' | 'run';

export interface CaseFailure {
  readonly expectation: Expectation;
  readonly message: string;
  /** Text forms for a diff view (output: pretty JSON; states: one per line). */
  readonly expected?: string;
  readonly actual?: string;
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
