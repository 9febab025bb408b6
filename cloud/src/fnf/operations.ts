// The fnf operation table (API 2019-03-15, metadata of 2025-11-11 in the research notes): per
// operation the HTTP methods, each parameter with its kind, required-ness and documented bounds,
// and the client-side token bucket from the documented quotas. FnfClient builds its requests from
// it; the emulator reads parameters and registers one handler per operation from it.
import type { OperationSpec } from '../rpc/operationTable';
import type { Quota } from '../rpc/tokenBucket';

export { FNF_VERSION } from './facts';

/** Documented: StartExecution 100/100, DescribeExecution and GetExecutionHistory 50/5, all others 10/2. */
export const FNF_QUOTAS = {
  startExecution: { burst: 100, perSecond: 100 },
  polling: { burst: 50, perSecond: 5 },
  other: { burst: 10, perSecond: 2 },
} as const satisfies Record<string, Quota>;

/** The service's API request size limit: 1,024 KiB. */
export const FNF_MAX_REQUEST_BYTES = 1024 * 1024;

const required = { kind: 'string', required: true } as const;
const text = { kind: 'string' } as const;
const token = text;
const limit = (max: number) => ({ kind: 'integer', range: [1, max] }) as const;
const error = { kind: 'string', length: [1, 128] } as const;
const cause = { kind: 'string', length: [1, 4096] } as const;
const GET = ['GET'] as const;
const POST = ['POST'] as const;
/** The 2025 version and alias writes: the metadata lists POST and GET. */
const POST_OR_GET = ['POST', 'GET'] as const;

const flowKey = { FlowName: required } as const;
const executionKey = { FlowName: required, ExecutionName: required } as const;
const scheduleKey = { FlowName: required, ScheduleName: required } as const;
const aliasKey = { FlowName: required, Name: required } as const;
const mapRunKey = { FlowName: required, ExecutionName: required, MapRunName: required } as const;

export const FNF_OPERATIONS = {
  CreateFlow: {
    methods: POST,
    params: {
      Name: required,
      Definition: required,
      // Required, but the service accepts an empty one.
      Description: { kind: 'string', required: 'present' },
      Type: required,
      RoleArn: text,
      ExternalStorageLocation: text,
      ExecutionMode: text,
      Environment: { kind: 'json' },
    },
  },
  UpdateFlow: {
    methods: POST,
    params: { Name: required, Definition: text, Description: text, Type: text, RoleArn: text, Environment: { kind: 'json' } },
  },
  DeleteFlow: { methods: POST, params: { Name: required } },
  DescribeFlow: { methods: GET, params: { Name: required, FlowVersion: text } },
  ListFlows: { methods: GET, params: { NextToken: token, Limit: limit(1000) } },
  StartExecution: {
    methods: POST,
    params: { ...flowKey, ExecutionName: text, Input: { kind: 'json' }, CallbackFnFTaskToken: text, Qualifier: text },
    quota: FNF_QUOTAS.startExecution,
  },
  StartSyncExecution: { methods: POST, params: { ...flowKey, ExecutionName: text, Input: { kind: 'json' }, Qualifier: text } },
  StopExecution: { methods: POST, params: { ...executionKey, Error: error, Cause: cause } },
  DescribeExecution: { methods: GET, params: { ...executionKey, WaitTimeSeconds: { kind: 'integer', range: [0, 60] } }, quota: FNF_QUOTAS.polling },
  ListExecutions: {
    methods: GET,
    params: {
      ...flowKey,
      NextToken: token,
      Limit: limit(100),
      Status: text,
      StartedTimeBegin: text,
      StartedTimeEnd: text,
      ExecutionNamePrefix: text,
      MetadataOnly: { kind: 'boolean' },
      Qualifier: text,
      MapRunName: text,
    },
  },
  GetExecutionHistory: { methods: GET, params: { ...executionKey, NextToken: token, Limit: limit(999) }, quota: FNF_QUOTAS.polling },
  ReportTaskSucceeded: {
    methods: POST,
    params: { TaskToken: { kind: 'string', required: true, in: 'query' }, Output: { kind: 'json', required: true } },
  },
  ReportTaskFailed: {
    methods: POST,
    params: { TaskToken: { kind: 'string', required: true, in: 'query' }, Error: { ...error, required: true }, Cause: cause },
  },
  CreateSchedule: {
    methods: POST,
    params: { ...scheduleKey, Description: text, Payload: { kind: 'json' }, CronExpression: required, Enable: { kind: 'boolean' } },
  },
  UpdateSchedule: {
    methods: POST,
    params: { ...scheduleKey, Description: text, Payload: { kind: 'json' }, CronExpression: text, Enable: { kind: 'boolean' } },
  },
  DeleteSchedule: { methods: POST, params: scheduleKey },
  DescribeSchedule: { methods: GET, params: scheduleKey },
  ListSchedules: { methods: GET, params: { ...flowKey, NextToken: token, Limit: limit(1000) } },
  DescribeRegions: { methods: POST, params: { AcceptLanguage: text } },
  PublishFlowVersion: { methods: POST_OR_GET, params: { ...flowKey, Description: text } },
  // The metadata types this Limit as a string; it is a number all the same.
  ListFlowVersions: { methods: GET, params: { ...flowKey, NextToken: token, Limit: limit(1000) } },
  DeleteFlowVersion: { methods: POST_OR_GET, params: { ...flowKey, FlowVersion: required } },
  CreateFlowAlias: { methods: POST_OR_GET, params: { ...aliasKey, Description: text, RoutingConfigurations: { kind: 'list', required: true } } },
  UpdateFlowAlias: { methods: POST_OR_GET, params: { ...aliasKey, Description: text, RoutingConfigurations: { kind: 'list' } } },
  DescribeFlowAlias: { methods: GET, params: aliasKey },
  ListFlowAliases: { methods: GET, params: { ...flowKey, NextToken: token, Limit: limit(1000) } },
  DeleteFlowAlias: { methods: POST_OR_GET, params: aliasKey },
  DescribeMapRun: { methods: GET, params: mapRunKey },
  UpdateMapRun: {
    methods: GET,
    params: {
      ...mapRunKey,
      Concurrency: { kind: 'integer', range: [1, 10000] },
      ToleratedFailedCount: { kind: 'integer', range: [0, Number.MAX_SAFE_INTEGER] },
      ToleratedFailedPercentage: { kind: 'number', range: [0, 100] },
    },
  },
} as const satisfies Record<string, OperationSpec>;

export type FnfOperationName = keyof typeof FNF_OPERATIONS;
