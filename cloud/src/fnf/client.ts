// FnfClient: every fnf operation typed, paged lists as async iterators, deployFlow and
// tailExecution, on the generic signed RPC caller. Works the same against the cloud and the
// local emulator (which speaks the same wire protocol).
import { AlibabaRpcCaller, type RpcResponseBase, type RpcValue } from '../rpc/alibabaRpcCaller';
import { checkClientParams, rpcOperations, type ClientParams } from '../rpc/operationTable';
import type { CallOptions, CallerRuntimeOptions } from '../rpc/shared';
import { invalidInput, type CloudError } from '../errors';
import type { Clock } from '../rpc/clock';
import { systemClock } from '../rpc/clock';
import type { CredentialProvider } from '../credentials/types';
import { DEFAULT_FNF_REGION, fnfEndpoint } from './endpoints';
import { FNF_MAX_REQUEST_BYTES, FNF_OPERATIONS, FNF_QUOTAS, type FnfOperationName } from './operations';
import { FNF_VERSION } from './facts';
import { rawArray, toExecution, toFlow, toHistoryEvent, toSchedule } from './convert';
import { checkName, jsonObjectText, jsonText } from './validate';
import { deployFlow } from './deploy';
import { tailExecution } from './tail';
import type {
  CreateFlowRequest, CreateScheduleRequest, DeployFlowRequest, DeployFlowResult, DescribeExecutionRequest, Execution,
  Flow, GetExecutionHistoryRequest, HistoryEvent, ListExecutionsRequest, ListFlowsRequest, ListSchedulesRequest, Page,
  ReportTaskFailedRequest, ReportTaskSucceededRequest, Schedule, ScheduleKey, StartExecutionRequest,
  StartSyncExecutionRequest, StopExecutionRequest, TailItem, TailOptions, UpdateFlowRequest, UpdateScheduleRequest, WithRequestId,
  MapRun, MapRunRef, UpdateMapRunRequest,
} from './types';

export interface FnfClientOptions extends CallerRuntimeOptions {
  readonly credentials: CredentialProvider;
  /** Overrides the regional endpoint, e.g. the emulator's `http://127.0.0.1:8787`. */
  readonly endpoint?: string;
  /** Region for the default endpoint `https://<region>.fnf.aliyuncs.com` (default cn-hangzhou). */
  readonly region?: string;
  readonly signatureAlgorithm?: 'v1' | 'acs3';
}

type Raw = Record<string, unknown>;

/** The fnf operations as the generic caller needs them: method, query parameters, quota. */
const RPC_OPERATIONS = rpcOperations(FNF_OPERATIONS);

/** Default description sent on CreateFlow, where the service requires one. */
export const DEFAULT_FLOW_DESCRIPTION = 'Deployed with Flowdeck';

export class FnfClient {
  readonly caller: AlibabaRpcCaller;
  /** The clock and randomness used for retries of deploy conflicts and tail polling. */
  readonly clock: Clock;
  readonly random: () => number;

  constructor(options: FnfClientOptions) {
    this.caller = new AlibabaRpcCaller({
      ...options,
      product: 'fnf',
      version: FNF_VERSION,
      endpoint: options.endpoint ?? fnfEndpoint(options.region ?? DEFAULT_FNF_REGION),
      operations: RPC_OPERATIONS,
      defaultQuota: FNF_QUOTAS.other,
      maxRequestBytes: FNF_MAX_REQUEST_BYTES,
    });
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  get endpoint(): string {
    return this.caller.endpoint.origin;
  }

  // ---- flows ----

  async createFlow(req: CreateFlowRequest, opts?: CallOptions): Promise<Flow & WithRequestId> {
    checkName('flow', req.Name, 'CreateFlow');
    if (!req.Definition) throw invalid('CreateFlow', 'the flow definition is empty');
    const r = await this.request('CreateFlow', {
      Name: req.Name,
      Definition: req.Definition,
      Description: req.Description ?? DEFAULT_FLOW_DESCRIPTION,
      Type: req.Type ?? 'FDL',
      RoleArn: req.RoleArn,
      ExternalStorageLocation: req.ExternalStorageLocation,
      ExecutionMode: req.ExecutionMode,
      Environment: req.Environment,
    }, opts);
    return { ...toFlow(r), RequestId: r.RequestId };
  }

  async updateFlow(req: UpdateFlowRequest, opts?: CallOptions): Promise<Flow & WithRequestId> {
    checkName('flow', req.Name, 'UpdateFlow');
    const r = await this.request('UpdateFlow', {
      Name: req.Name,
      Definition: req.Definition,
      Description: req.Description,
      Type: req.Type ?? (req.Definition !== undefined ? 'FDL' : undefined),
      RoleArn: req.RoleArn,
      Environment: req.Environment,
    }, opts);
    return { ...toFlow(r), RequestId: r.RequestId };
  }

  async deleteFlow(name: string, opts?: CallOptions): Promise<WithRequestId> {
    checkName('flow', name, 'DeleteFlow');
    const r = await this.request('DeleteFlow', { Name: name }, opts);
    return { RequestId: r.RequestId };
  }

  async describeFlow(name: string, opts?: CallOptions & { FlowVersion?: string }): Promise<Flow & WithRequestId> {
    checkName('flow', name, 'DescribeFlow');
    const r = await this.request('DescribeFlow', { Name: name, FlowVersion: opts?.FlowVersion }, opts);
    return { ...toFlow(r), RequestId: r.RequestId };
  }

  async listFlowsPage(req: ListFlowsRequest = {}, opts?: CallOptions): Promise<Page<Flow>> {
    const r = await this.request('ListFlows', { Limit: req.Limit, NextToken: req.NextToken }, opts);
    return page(rawArray(r['Flows']).map(toFlow), r);
  }

  listFlows(req: Omit<ListFlowsRequest, 'NextToken'> = {}, opts?: CallOptions): AsyncIterable<Flow> {
    return paginate((NextToken) => this.listFlowsPage({ ...req, ...(NextToken ? { NextToken } : {}) }, opts));
  }

  // ---- executions ----

  async startExecution(req: StartExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    checkName('flow', req.FlowName, 'StartExecution');
    if (req.ExecutionName !== undefined) checkName('execution', req.ExecutionName, 'StartExecution');
    const r = await this.request('StartExecution', {
      FlowName: req.FlowName,
      ExecutionName: req.ExecutionName,
      Input: jsonObjectText('the execution input', req.Input, 'StartExecution'),
      CallbackFnFTaskToken: req.CallbackFnFTaskToken,
      Qualifier: req.Qualifier,
    }, opts);
    return { ...toExecution(r), RequestId: r.RequestId };
  }

  async startSyncExecution(req: StartSyncExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    checkName('flow', req.FlowName, 'StartSyncExecution');
    if (req.ExecutionName !== undefined) checkName('execution', req.ExecutionName, 'StartSyncExecution');
    const r = await this.request('StartSyncExecution', {
      FlowName: req.FlowName,
      ExecutionName: req.ExecutionName,
      Input: jsonObjectText('the execution input', req.Input, 'StartSyncExecution'),
      Qualifier: req.Qualifier,
    }, { timeoutMs: 6 * 60_000, ...opts });
    return { ...toExecution(r), RequestId: r.RequestId };
  }

  async stopExecution(req: StopExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    checkName('flow', req.FlowName, 'StopExecution');
    checkName('execution', req.ExecutionName, 'StopExecution');
    const r = await this.request('StopExecution', { FlowName: req.FlowName, ExecutionName: req.ExecutionName, Error: req.Error, Cause: req.Cause }, opts);
    return { ...toExecution(r), RequestId: r.RequestId };
  }

  async describeExecution(req: DescribeExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    checkName('flow', req.FlowName, 'DescribeExecution');
    checkName('execution', req.ExecutionName, 'DescribeExecution');
    // A long poll holds the request open: allow it that long plus the normal margin.
    const timeoutMs = opts?.timeoutMs ?? (req.WaitTimeSeconds ? req.WaitTimeSeconds * 1000 + 30_000 : undefined);
    const r = await this.request(
      'DescribeExecution',
      { FlowName: req.FlowName, ExecutionName: req.ExecutionName, WaitTimeSeconds: req.WaitTimeSeconds },
      { ...opts, ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
    );
    return { ...toExecution(r), RequestId: r.RequestId };
  }

  /** DescribeMapRun: a distributed Map's run of child executions. */
  async describeMapRun(req: MapRunRef, opts?: CallOptions): Promise<MapRun & WithRequestId> {
    checkName('flow', req.FlowName, 'DescribeMapRun');
    checkName('execution', req.ExecutionName, 'DescribeMapRun');
    const r = await this.request('DescribeMapRun', { ...req }, opts);
    return { ...(r as unknown as MapRun), RequestId: r.RequestId };
  }

  /** UpdateMapRun: new concurrency or tolerated failures for the children not yet started. */
  async updateMapRun(req: UpdateMapRunRequest, opts?: CallOptions): Promise<WithRequestId> {
    checkName('flow', req.FlowName, 'UpdateMapRun');
    checkName('execution', req.ExecutionName, 'UpdateMapRun');
    const r = await this.request('UpdateMapRun', { ...req }, opts);
    return { RequestId: r.RequestId };
  }

  async listExecutionsPage(req: ListExecutionsRequest, opts?: CallOptions): Promise<Page<Execution>> {
    checkName('flow', req.FlowName, 'ListExecutions');
    const r = await this.request('ListExecutions', { ...req }, opts);
    return page(rawArray(r['Executions']).map(toExecution), r);
  }

  listExecutions(req: Omit<ListExecutionsRequest, 'NextToken'>, opts?: CallOptions): AsyncIterable<Execution> {
    return paginate((NextToken) => this.listExecutionsPage({ ...req, ...(NextToken ? { NextToken } : {}) }, opts));
  }

  async getExecutionHistoryPage(req: GetExecutionHistoryRequest, opts?: CallOptions): Promise<Page<HistoryEvent>> {
    checkName('flow', req.FlowName, 'GetExecutionHistory');
    checkName('execution', req.ExecutionName, 'GetExecutionHistory');
    const r = await this.request('GetExecutionHistory', { ...req }, opts);
    return page(rawArray(r['Events']).map(toHistoryEvent), r);
  }

  /** Every event recorded so far, across pages (use tailExecution to follow a running execution). */
  getExecutionHistory(req: Omit<GetExecutionHistoryRequest, 'NextToken'>, opts?: CallOptions): AsyncIterable<HistoryEvent> {
    return paginate((NextToken) => this.getExecutionHistoryPage({ ...req, ...(NextToken ? { NextToken } : {}) }, opts));
  }

  // ---- task callbacks ----

  async reportTaskSucceeded(req: ReportTaskSucceededRequest, opts?: CallOptions): Promise<{ EventId: number } & WithRequestId> {
    if (!req.TaskToken) throw invalid('ReportTaskSucceeded', 'the task token is required');
    const r = await this.request('ReportTaskSucceeded', { TaskToken: req.TaskToken, Output: jsonText(req.Output) }, opts);
    return { EventId: Number(r['EventId']), RequestId: r.RequestId };
  }

  async reportTaskFailed(req: ReportTaskFailedRequest, opts?: CallOptions): Promise<{ EventId: number } & WithRequestId> {
    if (!req.TaskToken) throw invalid('ReportTaskFailed', 'the task token is required');
    const r = await this.request('ReportTaskFailed', { TaskToken: req.TaskToken, Error: req.Error, Cause: req.Cause }, opts);
    return { EventId: Number(r['EventId']), RequestId: r.RequestId };
  }

  // ---- schedules ----

  async createSchedule(req: CreateScheduleRequest, opts?: CallOptions): Promise<Schedule & WithRequestId> {
    checkName('flow', req.FlowName, 'CreateSchedule');
    checkName('schedule', req.ScheduleName, 'CreateSchedule');
    if (!req.CronExpression) throw invalid('CreateSchedule', 'the cron expression is required');
    const r = await this.request('CreateSchedule', {
      FlowName: req.FlowName,
      ScheduleName: req.ScheduleName,
      CronExpression: req.CronExpression,
      Description: req.Description,
      Payload: jsonObjectText('the schedule payload', req.Payload, 'CreateSchedule'),
      Enable: req.Enable,
    }, opts);
    return { ...toSchedule(r), RequestId: r.RequestId };
  }

  async updateSchedule(req: UpdateScheduleRequest, opts?: CallOptions): Promise<Schedule & WithRequestId> {
    checkName('flow', req.FlowName, 'UpdateSchedule');
    checkName('schedule', req.ScheduleName, 'UpdateSchedule');
    const r = await this.request('UpdateSchedule', {
      FlowName: req.FlowName,
      ScheduleName: req.ScheduleName,
      CronExpression: req.CronExpression,
      Description: req.Description,
      Payload: jsonObjectText('the schedule payload', req.Payload, 'UpdateSchedule'),
      Enable: req.Enable,
    }, opts);
    return { ...toSchedule(r), RequestId: r.RequestId };
  }

  async deleteSchedule(req: ScheduleKey, opts?: CallOptions): Promise<WithRequestId> {
    checkName('flow', req.FlowName, 'DeleteSchedule');
    checkName('schedule', req.ScheduleName, 'DeleteSchedule');
    const r = await this.request('DeleteSchedule', { FlowName: req.FlowName, ScheduleName: req.ScheduleName }, opts);
    return { RequestId: r.RequestId };
  }

  async describeSchedule(req: ScheduleKey, opts?: CallOptions): Promise<Schedule & WithRequestId> {
    checkName('flow', req.FlowName, 'DescribeSchedule');
    checkName('schedule', req.ScheduleName, 'DescribeSchedule');
    const r = await this.request('DescribeSchedule', { FlowName: req.FlowName, ScheduleName: req.ScheduleName }, opts);
    return { ...toSchedule(r), RequestId: r.RequestId };
  }

  async listSchedulesPage(req: ListSchedulesRequest, opts?: CallOptions): Promise<Page<Schedule>> {
    checkName('flow', req.FlowName, 'ListSchedules');
    const r = await this.request('ListSchedules', { ...req }, opts);
    return page(rawArray(r['Schedules']).map(toSchedule), r);
  }

  listSchedules(req: Omit<ListSchedulesRequest, 'NextToken'>, opts?: CallOptions): AsyncIterable<Schedule> {
    return paginate((NextToken) => this.listSchedulesPage({ ...req, ...(NextToken ? { NextToken } : {}) }, opts));
  }

  // ---- workflows built on the operations ----

  /** DescribeFlow, then UpdateFlow or CreateFlow (decided on the code FlowNotExists), retrying ConcurrentUpdateError. */
  deployFlow(req: DeployFlowRequest, opts?: CallOptions): Promise<DeployFlowResult> {
    return deployFlow(this, req, opts);
  }

  /** Every event of an execution exactly once and in order, following it until it ends. */
  tailExecution(flowName: string, executionName: string, options: TailOptions = {}): AsyncIterable<TailItem> {
    return tailExecution(this, flowName, executionName, options);
  }

  close(): Promise<void> {
    return this.caller.close();
  }

  /**
   * Any operation of the table, its parameters typed and checked by the table; resolves to the
   * service's answer as it is. The methods above add name checks and typed answers on top.
   */
  async request<A extends FnfOperationName>(action: A, params: ClientParams<(typeof FNF_OPERATIONS)[A]>, opts?: CallOptions): Promise<Raw & RpcResponseBase> {
    checkClientParams(FNF_OPERATIONS, action, params);
    return this.caller.call<Raw>(action, params as Readonly<Record<string, RpcValue>>, opts);
  }
}

function invalid(action: string, message: string): CloudError {
  return invalidInput(message, action);
}

function page<T>(items: T[], r: Raw & { RequestId: string }): Page<T> {
  const next = typeof r['NextToken'] === 'string' && r['NextToken'] !== '' ? (r['NextToken'] as string) : undefined;
  return { items, ...(next ? { NextToken: next } : {}), RequestId: r.RequestId };
}

/** Walks NextToken pages lazily; stops when a page has no token (or repeats one, which would loop forever). */
async function* paginate<T>(fetchPage: (token: string | undefined) => Promise<Page<T>>): AsyncGenerator<T, void, undefined> {
  let token: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const p = await fetchPage(token);
    yield* p.items;
    if (!p.NextToken || seen.has(p.NextToken)) return;
    seen.add(p.NextToken);
    token = p.NextToken;
  }
}
