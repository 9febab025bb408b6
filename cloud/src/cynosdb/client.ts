// CynosdbClient: DescribeFlow (API 2019-01-07) on the TC3 caller, and a watcher that polls a task
// flow within the 20 requests/s quota until it succeeds (0) or fails (1).
import type { CredentialProvider } from '../credentials/types';
import { CloudError, invalidInput, LocalErrorCodes } from '../errors';
import { systemClock, type Clock } from '../rpc/clock';
import type { CallerRuntimeOptions } from '../rpc/shared';
import { TencentTc3Caller, type Tc3CallOptions } from '../rpc/tencentTc3Caller';
import type { ClientParams, OperationTable } from '../rpc/operationTable';
import { CYNOSDB_OPERATIONS, CYNOSDB_VERSION, DESCRIBE_FLOW_QUOTA } from './operations';

export { CYNOSDB_VERSION, DESCRIBE_FLOW_QUOTA };
export const CYNOSDB_ENDPOINT = 'https://cynosdb.tencentcloudapi.com';
/** The table as the TC3 caller reads it (each operation's quota). */
const TC3_OPERATIONS: OperationTable = CYNOSDB_OPERATIONS;

/** 0 succeeded, 1 failed, 2 processing. */
export type TaskFlowStatus = 0 | 1 | 2;
export type TaskFlowState = 'succeeded' | 'failed' | 'processing';

export function taskFlowState(status: number): TaskFlowState {
  if (status === 0) return 'succeeded';
  if (status === 1) return 'failed';
  return 'processing';
}

export interface CynosdbClientOptions extends CallerRuntimeOptions {
  readonly credentials: CredentialProvider;
  /** Overrides `https://cynosdb.tencentcloudapi.com`, e.g. with the emulator's URL. */
  readonly endpoint?: string;
  readonly region?: string;
}

export interface WatchOptions {
  readonly region?: string;
  /** Time between polls (default 2000 ms; never faster than the quota allows). */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
}

export interface TaskFlowObservation {
  readonly flowId: number;
  readonly status: TaskFlowStatus;
  readonly state: TaskFlowState;
  readonly requestId: string;
  /** Polls made so far. */
  readonly polls: number;
}

export class CynosdbClient {
  readonly caller: TencentTc3Caller;
  private readonly clock: Clock;

  constructor(options: CynosdbClientOptions) {
    this.caller = new TencentTc3Caller({
      ...options,
      service: 'cynosdb',
      version: CYNOSDB_VERSION,
      endpoint: options.endpoint ?? CYNOSDB_ENDPOINT,
      ...(options.region ? { region: options.region } : {}),
      operations: TC3_OPERATIONS,
      defaultQuota: DESCRIBE_FLOW_QUOTA,
    });
    this.clock = options.clock ?? systemClock;
  }

  async describeFlow(flowId: number, options: Tc3CallOptions = {}): Promise<{ Status: TaskFlowStatus; RequestId: string }> {
    if (!Number.isSafeInteger(flowId) || flowId <= 0) {
      throw invalidInput(`FlowId must be a positive integer (the FlowId an asynchronous CynosDB operation returned), not '${flowId}'`, 'DescribeFlow');
    }
    const params: ClientParams<typeof CYNOSDB_OPERATIONS.DescribeFlow> = { FlowId: flowId };
    const r = await this.caller.call<Record<string, unknown>>('DescribeFlow', params, options);
    const status = r['Status'];
    if (status !== 0 && status !== 1 && status !== 2) {
      throw new CloudError({ status: 200, code: LocalErrorCodes.badResponse, message: `DescribeFlow returned an unknown Status ${JSON.stringify(status)}`, action: 'DescribeFlow' });
    }
    return { Status: status, RequestId: r.RequestId };
  }

  /** Yields each observed status change, ending after the flow succeeds or fails. */
  async *watchFlow(flowId: number, options: WatchOptions = {}): AsyncIterableIterator<TaskFlowObservation> {
    const interval = Math.max(options.intervalMs ?? 2000, 1000 / DESCRIBE_FLOW_QUOTA.perSecond);
    let last: number | undefined;
    for (let polls = 1; ; polls++) {
      const r = await this.describeFlow(flowId, { ...(options.region ? { region: options.region } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      if (r.Status !== last) {
        last = r.Status;
        yield { flowId, status: r.Status, state: taskFlowState(r.Status), requestId: r.RequestId, polls };
      }
      if (r.Status !== 2) return;
      await this.clock.sleep(interval, options.signal);
    }
  }
}
