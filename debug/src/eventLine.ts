// What the Debug Console prints: each history event on the same line as the tail output panel
// (`12:00:01.234  StepSucceeded        CheckOrder  output {"ok":true}`, one formatter for both),
// and the run's closing lines.
import type { RunResult } from '../../emulator/src/engine';

export { formatEventLine as eventLine } from '../../cloud/src/fnf/eventFormat';

/** The closing lines: the status, then the pretty output or the error and cause. */
export function resultLines(result: RunResult): string[] {
  const lines = [`Status: ${result.status}`];
  if (result.status === 'Succeeded') lines.push('Output:', ...JSON.stringify(result.output ?? null, null, 2).split('\n'));
  else {
    if (result.error) lines.push(`Error: ${result.error}`);
    if (result.cause) lines.push(`Cause: ${result.cause}`);
  }
  return lines;
}
