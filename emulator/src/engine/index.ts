// The flow interpreter's public entry point: start one execution of a flow definition and observe
// its history. Used by the emulator's execution management and by `flowdeck run`.
import { createRun } from './run';

export { definitionFailure } from './run';
import type { RunHandle, RunOptions } from './types';

export * from './types';
export * from './observer';
export { compileExpression, evaluate, evaluateCondition, type CompiledExpression, type Variables } from './expressions/evaluate';
export { FlowFailure } from './errors';
export { historyEvent } from './history';
export { isoTime } from './clock';
export { DEFAULT_LIMITS } from './runtime';
/** How Retry and Catch rules match an error name (`FnF.ALL` matches every error). */
export { errorMatches } from './errors';

/**
 * Starts an execution at once and returns its handle. Never throws for a bad definition or
 * input: the execution then fails (ExecutionFailed) with a cause that says what to fix.
 */
export function startRun(options: RunOptions): RunHandle {
  return createRun(options);
}
