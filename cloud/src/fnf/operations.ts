// The fnf operation table: HTTP method per operation (TS SDK / API metadata) and the client-side
// token bucket per operation from the documented API quotas (bucket size / refill per second).
import type { RpcOperation } from '../rpc/alibabaRpcCaller';
import type { Quota } from '../rpc/tokenBucket';

export const FNF_VERSION = '2019-03-15';

/** Documented: StartExecution 100/100, DescribeExecution and GetExecutionHistory 50/5, all others 10/2. */
export const FNF_QUOTAS = {
  startExecution: { burst: 100, perSecond: 100 },
  polling: { burst: 50, perSecond: 5 },
  other: { burst: 10, perSecond: 2 },
} as const satisfies Record<string, Quota>;

/** The service's API request size limit: 1,024 KiB. */
export const FNF_MAX_REQUEST_BYTES = 1024 * 1024;

const get: RpcOperation = { method: 'GET' };
const post: RpcOperation = { method: 'POST' };

export const FNF_OPERATIONS: Readonly<Record<string, RpcOperation>> = {
  CreateFlow: post,
  UpdateFlow: post,
  DeleteFlow: post,
  DescribeFlow: get,
  ListFlows: get,
  StartExecution: { method: 'POST', quota: FNF_QUOTAS.startExecution },
  StartSyncExecution: post,
  StopExecution: post,
  DescribeExecution: { method: 'GET', quota: FNF_QUOTAS.polling },
  ListExecutions: get,
  GetExecutionHistory: { method: 'GET', quota: FNF_QUOTAS.polling },
  ReportTaskSucceeded: { method: 'POST', queryParams: ['TaskToken'] },
  ReportTaskFailed: { method: 'POST', queryParams: ['TaskToken'] },
  CreateSchedule: post,
  UpdateSchedule: post,
  DeleteSchedule: post,
  DescribeSchedule: get,
  ListSchedules: get,
  DescribeRegions: post,
  PublishFlowVersion: post,
  ListFlowVersions: get,
  DeleteFlowVersion: post,
  CreateFlowAlias: post,
  UpdateFlowAlias: post,
  DescribeFlowAlias: get,
  ListFlowAliases: get,
  DeleteFlowAlias: post,
  DescribeMapRun: get,
  UpdateMapRun: get,
};
