// Typed requests and responses of the fnf (CloudFlow / Serverless Workflow) API 2019-03-15.
// Field names are exactly the service's (API metadata); `Input`, `Output`, `Payload` and
// `EventDetail`, which the service sends as JSON strings, arrive here already parsed.
import type { ExecutionStatus } from './facts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ExecutionMode = 'Standard' | 'Express';
export type { ExecutionStatus };

/** The 21 event types of GetExecutionHistory. */
export type HistoryEventType =
  | 'StepEntered' | 'StepStarted' | 'StepSucceeded' | 'StepFailed' | 'StepExited'
  | 'BranchEntered' | 'BranchExited'
  | 'IterationEntered' | 'IterationExited'
  | 'TaskScheduled' | 'TaskStarted' | 'TaskSubmitted' | 'TaskSubmitFailed' | 'TaskSucceeded' | 'TaskFailed' | 'TaskTimedOut'
  | 'ExecutionStarted' | 'ExecutionStopped' | 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionTimedOut';

export interface EnvironmentVariable {
  readonly Name: string;
  readonly Value: string;
  readonly Description?: string;
}
export interface FlowEnvironment {
  readonly Variables: readonly EnvironmentVariable[];
}

export interface Flow {
  readonly Name: string;
  readonly Id?: string;
  readonly Type?: string;
  readonly Definition?: string;
  readonly Description?: string;
  readonly RoleArn?: string;
  readonly CreatedTime?: string;
  readonly LastModifiedTime?: string;
  /** '' from the service means Standard; normalised to 'Standard' here. */
  readonly ExecutionMode?: ExecutionMode;
  readonly ExternalStorageLocation?: string;
}

export interface Execution {
  readonly FlowName: string;
  readonly Name: string;
  readonly Status: ExecutionStatus;
  readonly StartedTime?: string;
  readonly StoppedTime?: string;
  readonly FlowDefinition?: string;
  readonly Input?: JsonValue;
  readonly Output?: JsonValue;
  /** Only from StartSyncExecution. */
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
  readonly Environment?: { readonly Variables: readonly { readonly Name: string; readonly Value: string }[] };
}

export interface HistoryEvent {
  readonly EventId: number;
  readonly ScheduleEventId: number;
  readonly Type: HistoryEventType | string;
  readonly StepName: string;
  readonly Time: string;
  /** Parsed; the raw string when it is not JSON. */
  readonly EventDetail: JsonValue;
}

export interface Schedule {
  readonly ScheduleId?: string;
  readonly ScheduleName: string;
  readonly Description?: string;
  readonly Payload?: JsonValue;
  readonly CronExpression?: string;
  readonly Enable?: boolean;
  readonly CreatedTime?: string;
  readonly LastModifiedTime?: string;
}

export interface WithRequestId {
  readonly RequestId: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly NextToken?: string;
  readonly RequestId: string;
}

// ---- requests ----

export interface CreateFlowRequest {
  readonly Name: string;
  readonly Definition: string;
  /** Required by the service; Flowdeck sends a default when omitted. */
  readonly Description?: string;
  /** Always 'FDL'. */
  readonly Type?: 'FDL';
  readonly RoleArn?: string;
  readonly ExternalStorageLocation?: string;
  readonly ExecutionMode?: ExecutionMode;
  readonly Environment?: FlowEnvironment;
}

export interface UpdateFlowRequest {
  readonly Name: string;
  readonly Definition?: string;
  readonly Description?: string;
  readonly Type?: 'FDL';
  readonly RoleArn?: string;
  readonly Environment?: FlowEnvironment;
}

export interface ListFlowsRequest {
  readonly Limit?: number;
  readonly NextToken?: string;
}

export interface StartExecutionRequest {
  readonly FlowName: string;
  readonly ExecutionName?: string;
  /** A JSON object, or its JSON text. */
  readonly Input?: JsonObject | string;
  readonly CallbackFnFTaskToken?: string;
  readonly Qualifier?: string;
}

export interface StartSyncExecutionRequest {
  readonly FlowName: string;
  readonly ExecutionName?: string;
  readonly Input?: JsonObject | string;
  readonly Qualifier?: string;
}

export interface StopExecutionRequest {
  readonly FlowName: string;
  readonly ExecutionName: string;
  readonly Error?: string;
  readonly Cause?: string;
}

export interface DescribeExecutionRequest {
  readonly FlowName: string;
  readonly ExecutionName: string;
  /** 0..60: >0 long-polls until the execution ends or the time passes. */
  readonly WaitTimeSeconds?: number;
}

export interface ListExecutionsRequest {
  readonly FlowName: string;
  readonly NextToken?: string;
  /** 1..100 */
  readonly Limit?: number;
  readonly Status?: ExecutionStatus;
  readonly StartedTimeBegin?: string;
  readonly StartedTimeEnd?: string;
  readonly ExecutionNamePrefix?: string;
  readonly MetadataOnly?: boolean;
  readonly Qualifier?: string;
  readonly MapRunName?: string;
}

export interface GetExecutionHistoryRequest {
  readonly FlowName: string;
  readonly ExecutionName: string;
  readonly NextToken?: string;
  /** 1..999 */
  readonly Limit?: number;
}

export interface ReportTaskSucceededRequest {
  readonly TaskToken: string;
  /** Any JSON value, or its JSON text. */
  readonly Output: JsonValue;
}

export interface ReportTaskFailedRequest {
  readonly TaskToken: string;
  readonly Error: string;
  readonly Cause?: string;
}

export interface CreateScheduleRequest {
  readonly FlowName: string;
  readonly ScheduleName: string;
  readonly CronExpression: string;
  readonly Description?: string;
  /** A JSON object, or its JSON text. */
  readonly Payload?: JsonObject | string;
  readonly Enable?: boolean;
}

export interface UpdateScheduleRequest {
  readonly FlowName: string;
  readonly ScheduleName: string;
  readonly CronExpression?: string;
  readonly Description?: string;
  readonly Payload?: JsonObject | string;
  readonly Enable?: boolean;
}

export interface ScheduleKey {
  readonly FlowName: string;
  readonly ScheduleName: string;
}

export interface ListSchedulesRequest {
  readonly FlowName: string;
  readonly NextToken?: string;
  /** 1..1000 */
  readonly Limit?: number;
}

// ---- deploy and tail ----

export type DeployFlowRequest = CreateFlowRequest;

export interface DeployFlowResult {
  readonly action: 'created' | 'updated';
  readonly flow: Flow & WithRequestId;
  /** Set when an update asked for a different ExecutionMode: the service keeps the deployed one. */
  readonly executionModeUnchanged?: { readonly deployed: ExecutionMode; readonly requested: ExecutionMode; readonly message: string };
}

/** Where a tail is: resume by passing it back. Plain data, safe to persist as JSON. */
export interface TailCursor {
  /** The GetExecutionHistory token of the page being read (absent: the first page). */
  readonly nextToken?: string;
  /** The highest EventId already delivered; events at or below it are skipped. */
  readonly lastEventId: number;
}

export interface TailOptions {
  readonly cursor?: TailCursor;
  /** Time between polls while the execution runs (default 1000). Spent in DescribeExecution's long poll. */
  readonly pollIntervalMs?: number;
  /** Events per GetExecutionHistory page, 1..999 (default 999). */
  readonly pageLimit?: number;
  readonly signal?: AbortSignal;
}

export type TailItem =
  | { readonly type: 'event'; readonly event: HistoryEvent; readonly cursor: TailCursor }
  /** Last item: the execution's final state (status, output, error). */
  | { readonly type: 'end'; readonly execution: Execution; readonly cursor: TailCursor };

/** DescribeMapRun's answer (fnf-20190315 SDK model DescribeMapRunResponseBody). */
export interface MapRun {
  readonly MapRunName: string;
  readonly ExecutionName: string;
  readonly Status: string;
  readonly StartedTime?: string;
  readonly StoppedTime?: string;
  readonly Concurrency?: number;
  readonly ToleratedFailedCount?: number;
  readonly ToleratedFailedPercentage?: number;
  readonly ItemCounts?: Readonly<Record<'Total' | 'Pending' | 'Running' | 'Succeed' | 'Failed' | 'Aborted', number>>;
}

export interface MapRunRef {
  readonly FlowName: string;
  readonly ExecutionName: string;
  readonly MapRunName: string;
}

export interface UpdateMapRunRequest extends MapRunRef {
  readonly Concurrency?: number;
  readonly ToleratedFailedCount?: number;
  readonly ToleratedFailedPercentage?: number;
}
