// The shapes the emulator keeps and the records its log holds. Field names of flows, executions,
// events and schedules are the wire names of the fnf API (2019-03-15), so a stored object is
// returned as it is.

import type { ExecutionStatus } from '../../../cloud/src';

export type { ExecutionStatus };
export type ExecutionMode = 'Standard' | 'Express';

export interface StoredFlow {
  Name: string;
  Id: string;
  Type: string;
  Definition: string;
  Description: string;
  RoleArn: string;
  ExternalStorageLocation: string;
  /** As given at creation; '' means Standard, as the service keeps it. */
  ExecutionMode: string;
  /** `{"Variables":[{"Name","Value","Description"}]}` as JSON text, or '' when none. */
  Environment: string;
  CreatedTime: string;
  LastModifiedTime: string;
}

export interface StoredExecution {
  FlowName: string;
  /** Which incarnation of the flow (a re-created flow gets a new Id and none of the old executions). */
  FlowId: string;
  Name: string;
  Status: ExecutionStatus;
  Input: string;
  Output: string;
  FlowDefinition: string;
  StartedTime: string;
  StoppedTime: string;
  /** Set when the execution failed, stopped or timed out. */
  ErrorCode: string;
  ErrorMessage: string;
  Mode: ExecutionMode;
  Environment: string;
  /** The StartExecution/StartSyncExecution `Qualifier` (a version or an alias name); absent when none was given (and in older logs). */
  Qualifier?: string;
  /** The published version that ran; absent when the flow's latest definition ran. */
  FlowVersion?: string;
  /** Set on a distributed Map's child execution: the MapRun it belongs to. */
  MapRunName?: string;
}

/** A published version: the flow's definition when PublishFlowVersion was called. */
export interface StoredFlowVersion {
  FlowName: string;
  FlowId: string;
  /** "1", "2", ...: never reused within one flow, even after a delete. */
  Version: string;
  Description: string;
  Definition: string;
  CreatedTime: string;
}

export interface RoutingConfiguration {
  Version: string;
  Weight: number;
}

export interface StoredFlowAlias {
  FlowName: string;
  FlowId: string;
  Name: string;
  Description: string;
  RoutingConfigurations: RoutingConfiguration[];
  CreatedTime: string;
  LastModifiedTime: string;
}

/** One event of GetExecutionHistory, with the wire field names. */
export interface StoredEvent {
  EventId: number;
  ScheduleEventId: number;
  Type: string;
  StepName: string;
  Time: string;
  /** A JSON object as text. */
  EventDetail: string;
}

export interface StoredSchedule {
  FlowName: string;
  FlowId: string;
  ScheduleId: string;
  ScheduleName: string;
  Description: string;
  Payload: string;
  CronExpression: string;
  Enable: boolean;
  CreatedTime: string;
  LastModifiedTime: string;
}

export type MapRunStatus = 'Running' | 'Succeeded' | 'Failed' | 'Aborted';

/** A MapRun, field for field as DescribeMapRun returns it, with the flow it belongs to. */
export interface StoredMapRun {
  readonly FlowId: string;
  readonly MapRunName: string;
  readonly FlowName: string;
  readonly ExecutionName: string;
  readonly StateName: string;
  readonly StartedTime: string;
  StoppedTime: string;
  Status: MapRunStatus;
  Concurrency: number;
  ToleratedFailedCount: number;
  ToleratedFailedPercentage: number;
  readonly ItemCounts: {
    Total: number;
    Pending: number;
    Running: number;
    Succeed: number;
    Failed: number;
    Aborted: number;
  };
}

/**
 * An execution as its record holds it. `FlowDefinition` is left out when it is the definition of
 * the flow's last record before it in the log (the latest definition, run by most executions):
 * written once with the flow instead of with every execution. Older logs always hold it.
 */
export type LoggedExecution = Omit<StoredExecution, 'FlowDefinition'> & { FlowDefinition?: string };

/** What the fnf log holds, one record a line. */
export type LogRecord =
  | { k: 'flow'; flow: StoredFlow }
  | { k: 'flowDeleted'; id: string }
  | { k: 'execStarted'; exec: LoggedExecution }
  /**
   * An ended Express sync run (StartSyncExecution): the one record such a run writes. Logs written
   * before this record existed hold these runs as `execStarted` records with their end status.
   */
  | { k: 'syncResult'; exec: LoggedExecution }
  /**
   * One history event. `sameDetailAs` names an earlier event of the same execution whose
   * EventDetail this one repeats (its own is then written empty): a state's entered/started and
   * succeeded/exited events usually carry the same value, which need not be on disk twice.
   */
  | { k: 'event'; flowId: string; exec: string; event: StoredEvent; sameDetailAs?: number }
  | {
      k: 'execEnded';
      flowId: string;
      exec: string;
      status: ExecutionStatus;
      output: string;
      stoppedTime: string;
      errorCode: string;
      errorMessage: string;
    }
  | { k: 'schedule'; schedule: StoredSchedule }
  | { k: 'scheduleDeleted'; flowId: string; name: string }
  | { k: 'version'; version: StoredFlowVersion }
  | { k: 'versionDeleted'; flowId: string; version: string }
  /** Written by compaction: the highest version number a flow ever had, when its versions no longer show it. */
  | { k: 'versionCounter'; flowId: string; last: number }
  | { k: 'alias'; alias: StoredFlowAlias }
  | { k: 'aliasDeleted'; flowId: string; name: string }
  /** A distributed Map's MapRun as it started, after each UpdateMapRun and as it ended: the latest record wins. */
  | { k: 'mapRun'; run: StoredMapRun };
