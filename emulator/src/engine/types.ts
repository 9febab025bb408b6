// The public types of the flow interpreter: what a caller passes to startRun, what it gets back,
// and the history events it observes. The history fields mirror GetExecutionHistory's `Events[]`.
import type { JsonValue } from './json';
import type { RunObserver } from './observer';

export type { JsonValue };

/** The 21 documented history event types (GetExecutionHistory `Events[].Type`). */
export const EVENT_TYPES = [
  'StepEntered',
  'StepStarted',
  'StepSucceeded',
  'StepFailed',
  'StepExited',
  'BranchEntered',
  'BranchExited',
  'IterationEntered',
  'IterationExited',
  'TaskScheduled',
  'TaskStarted',
  'TaskSubmitted',
  'TaskSubmitFailed',
  'TaskSucceeded',
  'TaskFailed',
  'TaskTimedOut',
  'ExecutionStarted',
  'ExecutionStopped',
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionTimedOut',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** One history event, field for field as GetExecutionHistory returns it. */
export interface HistoryEvent {
  readonly EventId: number;
  /** The event this one follows in its own scope (0 for ExecutionStarted). */
  readonly ScheduleEventId: number;
  readonly Type: EventType;
  /** '' for execution-level events. */
  readonly StepName: string;
  /** ISO 8601 with milliseconds, e.g. `2019-01-01T01:01:01.001Z`. */
  readonly Time: string;
  /** A JSON object encoded as a string: `{"input":…}`, `{"output":…}` or `{"error":…,"cause":…}`. */
  readonly EventDetail: string;
}

/**
 * An event as it happened, its detail still the values themselves (see RunOptions.onRecord);
 * `historyEvent` writes it out as a HistoryEvent.
 */
export interface RecordedEvent {
  readonly EventId: number;
  readonly ScheduleEventId: number;
  readonly Type: EventType;
  readonly StepName: string;
  readonly Time: string;
  /** What EventDetail says (`input`, `output`, `error`, `cause`...); undefined for `{}`. */
  readonly fields: EventFields | undefined;
}

/** The fields of an event's detail, as values; an undefined one is left out of the text. */
export type EventFields = Readonly<Record<string, JsonValue | undefined>>;

export type RunStatus = 'Succeeded' | 'Failed' | 'Stopped' | 'TimedOut';

export interface RunResult {
  readonly status: RunStatus;
  /** The execution output (Succeeded only). */
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
}

/** Time as the interpreter sees it; inject one to make Wait, Retry and Timeout testable. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` after `ms` milliseconds; the returned function cancels it. */
  setTimer(ms: number, callback: () => void): () => void;
}

/** Service limits the interpreter enforces; defaults are the documented ones. */
export interface Limits {
  /** State input / output size in bytes (64 KiB). */
  readonly maxStateDataBytes: number;
  /** Events per execution (5,000). */
  readonly maxEvents: number;
  /** Branches of a Parallel state (50). */
  readonly maxParallelBranches: number;
  /** Upper bound for an inline Map's concurrency (40). */
  readonly maxMapConcurrency: number;
  /** Concurrent iterations of a legacy foreach step (100). */
  readonly maxForeachConcurrency: number;
  /** Nested built-in function calls in one expression (10). */
  readonly maxFunctionNesting: number;
  /** Legacy spec: a step's input, output and local together (32 KiB). */
  readonly maxLegacyStepBytes: number;
  /** Items one distributed Map run may process: the account's MaxItems quota (10,000; up to 1,000,000 by ticket). */
  readonly maxMapRunItems?: number;
}

export type TaskMode = 'RequestComplete' | 'WaitForCustomCallback' | 'WaitForSystemCallback';

/** One Task state (or legacy task step) asking for its action to be performed. */
export interface TaskRequest {
  /** `FC:InvokeFunction`, `HTTP:Request`, `ECS:DescribeInstances`, ...; legacy: the `resourceArn`. */
  readonly action: string;
  /** The evaluated `Parameters` (legacy: the step input, merged with `serviceParams`). */
  readonly parameters: JsonValue;
  readonly taskMode: TaskMode;
  /** Present for WaitForCustomCallback: the token the callee reports back with. */
  readonly taskToken?: string;
  readonly flowName: string;
  readonly executionName: string;
  readonly stateName: string;
  /** Aborted when the task times out, the execution stops, or a sibling branch fails. */
  readonly signal: AbortSignal;
}

/** Thrown (or rejected) by a task executor to fail the step with a catchable error. */
export class TaskError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = 'TaskError';
  }
}

/** How actions are served. `emulator/src/tasks` provides the workspace-configured implementation. */
export interface TaskEnvironment {
  /**
   * Performs the action and returns its output (the state's raw `$Output`). Throw TaskError to
   * fail the step with a given error code; any other exception fails it with `FnF.TaskFailed`.
   * For WaitForCustomCallback the returned value is ignored and the step waits for the token.
   */
  invoke(request: TaskRequest): Promise<JsonValue> | JsonValue;
}

export type ExecutionMode = 'Standard' | 'Express';

export interface RunOptions {
  /** The parsed flow: current spec (`Type: StateMachine`) or legacy (`type: flow`). */
  readonly definition: JsonValue;
  /** The execution input; must be a JSON object. Not copied: do not change it while the run lasts. */
  readonly input: JsonValue;
  readonly flowName: string;
  readonly executionName: string;
  readonly tasks: TaskEnvironment;
  /** Express limits Wait to 1-20 s, the execution to 5 minutes and allows only RequestComplete. */
  readonly executionMode?: ExecutionMode;
  readonly roleArn?: string;
  /** Defaults to the real clock. */
  readonly clock?: Clock;
  /** Multiplies every wait, retry interval and timeout (0.001 runs `Seconds: 10` in 10 ms). */
  readonly timeScale?: number;
  /** Called synchronously, in EventId order, as each event happens. */
  readonly onEvent?: (event: HistoryEvent) => void;
  /**
   * The same events without their detail written as text: for a caller that keeps many histories
   * and reads few (the emulator's Express sync runs), writing each detail is most of an event's
   * cost. The values are the run's own, which it never changes after an event names them.
   */
  readonly onRecord?: (event: RecordedEvent) => void;
  readonly limits?: Partial<Limits>;
  /** Makes task tokens; defaults to `<executionName>:<random uuid>`. */
  readonly newTaskToken?: () => string;
  /** Hooks at state boundaries (debugger, coverage); see observer.ts. */
  readonly observer?: RunObserver;
  /** The object store a distributed Map reads items from and writes results to. */
  readonly objects?: ObjectAccess;
  /** Runs a distributed Map's child executions; defaults to running them in this process. */
  readonly mapRuns?: MapRunHost;
}

/** One object of a listing (ListObjects `Contents`). */
export interface ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  /** ISO 8601. */
  readonly lastModified: string;
}

/** OSS as a distributed Map sees it: the emulator's object store locally, OSS in the cloud. */
export interface ObjectAccess {
  /** The object's bytes, or undefined when there is none. */
  get(bucket: string, key: string): Promise<Uint8Array | undefined>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(bucket: string, prefix: string): Promise<readonly ObjectSummary[]>;
  put(bucket: string, key: string, body: string): Promise<void>;
}

/** What a MapRun starts with; the tolerance and concurrency may change while it runs (UpdateMapRun). */
export interface MapRunStart {
  readonly flowName: string;
  readonly executionName: string;
  readonly stateName: string;
  /** The processor as a flow of its own (`Type: StateMachine`), which every child runs. */
  readonly definition: JsonValue;
  readonly mode: ExecutionMode;
  readonly total: number;
  readonly concurrency: number;
  readonly toleratedFailureCount: number;
  readonly toleratedFailurePercentage: number;
}

export interface MapRunSettings {
  readonly concurrency: number;
  readonly toleratedFailureCount: number;
  readonly toleratedFailurePercentage: number;
}

/** One running MapRun: its name, current settings, and its child executions. */
export interface MapRunSession {
  readonly name: string;
  settings(): MapRunSettings;
  /** Runs child `index` with `input` to its end; `signal` stops it. */
  runChild(index: number, input: JsonValue, signal: AbortSignal): Promise<RunResult>;
  /** Records how the MapRun ended; the state goes on once that is recorded. */
  end(status: 'Succeeded' | 'Failed' | 'Aborted'): void | Promise<void>;
}

export interface MapRunHost {
  start(request: MapRunStart): Promise<MapRunSession>;
}

export interface RunHandle {
  readonly done: Promise<RunResult>;
  /** Stops a running execution (ExecutionStopped); ignored once it has finished. */
  stop(error?: string, cause?: string): void;
  /** Completes a WaitForCustomCallback task. False when no task waits on that token. */
  reportTaskSucceeded(taskToken: string, output: JsonValue): boolean;
  reportTaskFailed(taskToken: string, error: string, cause: string): boolean;
  /** Tokens of the tasks currently waiting for a callback. */
  pendingTaskTokens(): string[];
}
