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
import { checkExecutionReference, checkName, jsonObjectText, jsonText } from './validate';
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
    return this.answer('CreateFlow', {
      Name: req.Name,
      Definition: req.Definition,
      Description: req.Description ?? DEFAULT_FLOW_DESCRIPTION,
      Type: req.Type ?? 'FDL',
      RoleArn: req.RoleArn,
      ExternalStorageLocation: req.ExternalStorageLocation,
      ExecutionMode: req.ExecutionMode,
      Environment: req.Environment,
    }, opts, toFlow);
  }

  async updateFlow(req: UpdateFlowRequest, opts?: CallOptions): Promise<Flow & WithRequestId> {
    checkName('flow', req.Name, 'UpdateFlow');
    return this.answer('UpdateFlow', {
      Name: req.Name,
      Definition: req.Definition,
      Description: req.Description,
      Type: req.Type ?? (req.Definition !== undefined ? 'FDL' : undefined),
      RoleArn: req.RoleArn,
      Environment: req.Environment,
    }, opts, toFlow);
  }

  async deleteFlow(name: string, opts?: CallOptions): Promise<WithRequestId> {
    checkName('flow', name, 'DeleteFlow');
    return this.answer('DeleteFlow', { Name: name }, opts, noAnswer);
  }

  async describeFlow(name: string, opts?: CallOptions & { FlowVersion?: string }): Promise<Flow & WithRequestId> {
    checkName('flow', name, 'DescribeFlow');
    return this.answer('DescribeFlow', { Name: name, FlowVersion: opts?.FlowVersion }, opts, toFlow);
  }

  async listFlowsPage(req: ListFlowsRequest = {}, opts?: CallOptions): Promise<Page<Flow>> {
    return this.page('ListFlows', { Limit: req.Limit, NextToken: req.NextToken }, opts, 'Flows', toFlow);
  }

  listFlows(req: Omit<ListFlowsRequest, 'NextToken'> = {}, opts?: CallOptions): AsyncIterable<Flow> {
    return paginate(req, (paged) => this.listFlowsPage(paged, opts));
  }

  // ---- executions ----

  async startExecution(req: StartExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    const params = { ...startParams(req, 'StartExecution'), CallbackFnFTaskToken: req.CallbackFnFTaskToken };
    return this.answer('StartExecution', params, opts, toExecution);
  }

  async startSyncExecution(req: StartSyncExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    return this.answer('StartSyncExecution', startParams(req, 'StartSyncExecution'), { timeoutMs: 6 * 60_000, ...opts }, toExecution);
  }

  async stopExecution(req: StopExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    checkExecutionRef(req, 'StopExecution');
    return this.answer('StopExecution', { FlowName: req.FlowName, ExecutionName: req.ExecutionName, Error: req.Error, Cause: req.Cause }, opts, toExecution);
  }

  async describeExecution(req: DescribeExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId> {
    checkExecutionRef(req, 'DescribeExecution');
    // A long poll holds the request open: allow it that long plus the normal margin.
    const timeoutMs = opts?.timeoutMs ?? (req.WaitTimeSeconds ? req.WaitTimeSeconds * 1000 + 30_000 : undefined);
    return this.answer(
      'DescribeExecution',
      { FlowName: req.FlowName, ExecutionName: req.ExecutionName, WaitTimeSeconds: req.WaitTimeSeconds },
      { ...opts, ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
      toExecution,
    );
  }

  /** DescribeMapRun: a distributed Map's run of child executions. */
  async describeMapRun(req: MapRunRef, opts?: CallOptions): Promise<MapRun & WithRequestId> {
    checkExecutionRef(req, 'DescribeMapRun');
    return this.answer('DescribeMapRun', { ...req }, opts, (r) => r as unknown as MapRun);
  }

  /** UpdateMapRun: new concurrency or tolerated failures for the children not yet started. */
  async updateMapRun(req: UpdateMapRunRequest, opts?: CallOptions): Promise<WithRequestId> {
    checkExecutionRef(req, 'UpdateMapRun');
    return this.answer('UpdateMapRun', { ...req }, opts, noAnswer);
  }

  async listExecutionsPage(req: ListExecutionsRequest, opts?: CallOptions): Promise<Page<Execution>> {
    checkName('flow', req.FlowName, 'ListExecutions');
    return this.page('ListExecutions', { ...req }, opts, 'Executions', toExecution);
  }

  listExecutions(req: Omit<ListExecutionsRequest, 'NextToken'>, opts?: CallOptions): AsyncIterable<Execution> {
    return paginate(req, (paged) => this.listExecutionsPage(paged, opts));
  }

  async getExecutionHistoryPage(req: GetExecutionHistoryRequest, opts?: CallOptions): Promise<Page<HistoryEvent>> {
    checkExecutionRef(req, 'GetExecutionHistory');
    return this.page('GetExecutionHistory', { ...req }, opts, 'Events', toHistoryEvent);
  }

  /** Every event recorded so far, across pages (use tailExecution to follow a running execution). */
  getExecutionHistory(req: Omit<GetExecutionHistoryRequest, 'NextToken'>, opts?: CallOptions): AsyncIterable<HistoryEvent> {
    return paginate(req, (paged) => this.getExecutionHistoryPage(paged, opts));
  }

  // ---- task callbacks ----

  async reportTaskSucceeded(req: ReportTaskSucceededRequest, opts?: CallOptions): Promise<{ EventId: number } & WithRequestId> {
    if (!req.TaskToken) throw invalid('ReportTaskSucceeded', 'the task token is required');
    return this.answer('ReportTaskSucceeded', { TaskToken: req.TaskToken, Output: jsonText(req.Output) }, opts, eventId);
  }

  async reportTaskFailed(req: ReportTaskFailedRequest, opts?: CallOptions): Promise<{ EventId: number } & WithRequestId> {
    if (!req.TaskToken) throw invalid('ReportTaskFailed', 'the task token is required');
    return this.answer('ReportTaskFailed', { TaskToken: req.TaskToken, Error: req.Error, Cause: req.Cause }, opts, eventId);
  }

  // ---- schedules ----

  async createSchedule(req: CreateScheduleRequest, opts?: CallOptions): Promise<Schedule & WithRequestId> {
    checkScheduleKey(req, 'CreateSchedule');
    if (!req.CronExpression) throw invalid('CreateSchedule', 'the cron expression is required');
    return this.answer('CreateSchedule', scheduleParams(req, 'CreateSchedule'), opts, toSchedule);
  }

  async updateSchedule(req: UpdateScheduleRequest, opts?: CallOptions): Promise<Schedule & WithRequestId> {
    checkScheduleKey(req, 'UpdateSchedule');
    return this.answer('UpdateSchedule', scheduleParams(req, 'UpdateSchedule'), opts, toSchedule);
  }

  async deleteSchedule(req: ScheduleKey, opts?: CallOptions): Promise<WithRequestId> {
    checkScheduleKey(req, 'DeleteSchedule');
    return this.answer('DeleteSchedule', { FlowName: req.FlowName, ScheduleName: req.ScheduleName }, opts, noAnswer);
  }

  async describeSchedule(req: ScheduleKey, opts?: CallOptions): Promise<Schedule & WithRequestId> {
    checkScheduleKey(req, 'DescribeSchedule');
    return this.answer('DescribeSchedule', { FlowName: req.FlowName, ScheduleName: req.ScheduleName }, opts, toSchedule);
  }

  async listSchedulesPage(req: ListSchedulesRequest, opts?: CallOptions): Promise<Page<Schedule>> {
    checkName('flow', req.FlowName, 'ListSchedules');
    return this.page('ListSchedules', { ...req }, opts, 'Schedules', toSchedule);
  }

  listSchedules(req: Omit<ListSchedulesRequest, 'NextToken'>, opts?: CallOptions): AsyncIterable<Schedule> {
    return paginate(req, (paged) => this.listSchedulesPage(paged, opts));
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

  /** Calls an operation and gives its answer converted, with the service's request id. */
  private async answer<A extends FnfOperationName, T extends object>(
    action: A,
    params: ClientParams<(typeof FNF_OPERATIONS)[A]>,
    opts: CallOptions | undefined,
    convert: (r: Raw) => T,
  ): Promise<T & WithRequestId> {
    const r = await this.request(action, params, opts);
    // A conversion's result is this call's own (a new object, or the answer parsed for this call),
    // so the request id is set on it rather than on a copy.
    const answer = convert(r) as T & { RequestId: string };
    answer.RequestId = r.RequestId;
    return answer;
  }

  /** Calls a list operation and gives one page of its items (under `listKey`), converted. */
  private async page<A extends FnfOperationName, T>(
    action: A,
    params: ClientParams<(typeof FNF_OPERATIONS)[A]>,
    opts: CallOptions | undefined,
    listKey: string,
    convert: (raw: Raw) => T,
  ): Promise<Page<T>> {
    const r = await this.request(action, params, opts);
    const next = typeof r['NextToken'] === 'string' && r['NextToken'] !== '' ? r['NextToken'] : undefined;
    return { items: rawArray(r[listKey]).map((raw) => convert(raw)), ...(next ? { NextToken: next } : {}), RequestId: r.RequestId };
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

/** An execution is named by its flow and its own name; both must be valid names. */
function checkExecutionRef(req: { readonly FlowName: string; readonly ExecutionName: string }, action: string): void {
  checkName('flow', req.FlowName, action);
  checkExecutionReference(req.ExecutionName, action);
}

function checkScheduleKey(req: ScheduleKey, action: string): void {
  checkName('flow', req.FlowName, action);
  checkName('schedule', req.ScheduleName, action);
}

/**
 * What StartExecution and StartSyncExecution both send: the flow, the execution's name if given
 * (the service names it otherwise), the input as JSON text, and the qualifier.
 */
function startParams(req: StartSyncExecutionRequest, action: 'StartExecution' | 'StartSyncExecution') {
  checkName('flow', req.FlowName, action);
  if (req.ExecutionName !== undefined) checkName('execution', req.ExecutionName, action);
  return {
    FlowName: req.FlowName,
    ExecutionName: req.ExecutionName,
    Input: jsonObjectText('the execution input', req.Input, action),
    Qualifier: req.Qualifier,
  };
}

/** CreateSchedule and UpdateSchedule send the same fields; the payload goes as JSON text. */
function scheduleParams<R extends UpdateScheduleRequest>(req: R, action: 'CreateSchedule' | 'UpdateSchedule') {
  return {
    FlowName: req.FlowName,
    ScheduleName: req.ScheduleName,
    // Typed as the request has it, so CreateSchedule's required CronExpression stays required.
    CronExpression: req.CronExpression as R['CronExpression'],
    Description: req.Description,
    Payload: jsonObjectText('the schedule payload', req.Payload, action),
    Enable: req.Enable,
  };
}

/** For operations whose answer is only the request id. */
function noAnswer(): object {
  return {};
}

function eventId(r: Raw): { EventId: number } {
  return { EventId: Number(r['EventId']) };
}

/** Walks NextToken pages lazily; stops when a page has no token (or repeats one, which would loop forever). */
async function* paginate<R extends object, T>(
  req: R,
  fetchPage: (req: R & { NextToken?: string }) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let token: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const p = await fetchPage({ ...req, ...(token ? { NextToken: token } : {}) });
    yield* p.items;
    if (!p.NextToken || seen.has(p.NextToken)) return;
    seen.add(p.NextToken);
    token = p.NextToken;
  }
}
