// How a failure travels through the interpreter: a FlowFailure carries the error code and cause
// that Retry/Catch match on and that ExecutionFailed reports.

/**
 * Error codes the interpreter raises itself. The service documents only `FnF.ALL` (matches every
 * error) and `FC.<ErrorCode>`; these names are the emulator's own choice (see emulator/README.md).
 */
export const EngineErrors = {
  /** A `.$` expression, Condition or ItemsPath could not be evaluated. */
  expression: 'FnF.ExpressionError',
  /** A Task exceeded its `Timeout` (legacy: `timeoutSeconds`). */
  timeout: 'FnF.Timeout',
  /** A task executor failed without naming an error. */
  taskFailed: 'FnF.TaskFailed',
  /** The definition cannot be run (missing StartAt, unknown Next, ...). */
  invalidDefinition: 'FnF.InvalidDefinition',
  /** A runtime value is out of its documented range (Wait Seconds, Map concurrency, ...). */
  invalidArgument: 'FnF.InvalidArgument',
  /** A documented service limit was exceeded (64 KiB state data, 5,000 events, 50 branches). */
  limitExceeded: 'FnF.LimitExceeded',
  /** The whole execution ran longer than its `Timeout` (legacy: `timeoutSeconds`). */
  executionTimeout: 'FnF.ExecutionTimeout',
  /** StopExecution without an Error. */
  stopped: 'FnF.Stopped',
  /** A distributed Map's ItemReader could not read its items (no such object, not a JSON array, bad CSV). */
  itemReader: 'FnF.ItemReaderFailed',
  /** More child executions of a MapRun failed than ToleratedFailureCount/Percentage allow. */
  mapRunFailed: 'FnF.MapRunFailed',
} as const;

/** The wildcard error name that every Retry/Catch rule may list. */
export const MATCH_ALL_ERRORS = 'FnF.ALL';

export class FlowFailure extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = 'FlowFailure';
  }
}

export function failure(error: string, cause: string): FlowFailure {
  return new FlowFailure(error, cause);
}

/** Thrown when the execution is being stopped or timed out: never caught by Retry/Catch. */
export class RunInterrupted extends Error {
  constructor() {
    super('execution interrupted');
    this.name = 'RunInterrupted';
  }
}

export function errorMatches(errors: readonly string[], code: string): boolean {
  for (const e of errors) if (e === code || e === MATCH_ALL_ERRORS) return true;
  return false;
}
