// The CynosDB product (Tencent Cloud TDSQL-C, API 2019-01-07, TC3-signed by the transport):
// RestartInstance starts an asynchronous task flow and returns its FlowId; DescribeFlow reports
// it as 2 (processing) until its modelled duration has passed, then 0 (succeeded).
import { CYNOSDB_OPERATIONS, CYNOSDB_VERSION } from '../../../../cloud/src';
import { bindOperation, type HandlerMap, type ParamErrors } from '../operationParams';
import type { ProductApi, ProductEnvironment, ProductFactory } from '../product';
import { tc3Errors, tencentError } from '../transport/errors';

/** How long an emulated restart takes at time scale 1. */
export const RESTART_DURATION_MS = 3000;
/**
 * How long a finished task flow can still be described (the emulator's choice: the service documents
 * none). Older ones are FlowNotFound and leave the journal at its next compaction, so it stays
 * bounded by a week of restarts rather than growing with all of them.
 */
export const FINISHED_FLOW_RETENTION_MS = 7 * 24 * 3600 * 1000;

interface TaskFlow {
  readonly FlowId: number;
  readonly action: string;
  readonly resource: string;
  readonly startedAt: number;
  readonly durationMs: number;
}

const cynosdbErrors = {
  missing: (name: string) => tc3Errors.missingParameter(name),
  invalidValue: (detail: string) =>
    tencentError(400, 'InvalidParameterValue.InvalidParameterValueError', `Invalid parameter value. ${detail}`, `参数值无效。 ${detail}`),
  flowNotFound: (id: number) =>
    tencentError(400, 'InvalidParameterValue.FlowNotFound', `The task flow ID does not exist. (FlowId ${id})`, `任务流ID不存在。 (FlowId ${id})`),
  instanceNotFound: (id: string) =>
    tencentError(400, 'InvalidParameterValue.InstanceNotFoundError', `The instance does not exist. (InstanceId ${id})`, `实例不存在。 (InstanceId ${id})`),
};

/** Integers arrive as JSON numbers in a TC3 body, as decimal text from a GET query or a v1 form. */
const cynosdbParamErrors: ParamErrors = { missing: (name) => cynosdbErrors.missing(name), invalid: (_name, detail) => cynosdbErrors.invalidValue(detail) };

/** Emulated instances: any id of the service's form `cynosdbmysql-ins-xxxxxxxx`. */
const INSTANCE_ID = /^cynosdbmysql-ins-[a-z0-9]{8}$/;

/** A journal record: a task flow, or the last id handed out (kept when its flow is gone, so ids are never reused). */
type JournalRecord = TaskFlow | { readonly lastFlowId: number };

export async function createCynosdbProduct(env: ProductEnvironment): Promise<ProductApi> {
  const journal = await env.openJournal('cynosdb');
  const flows = new Map<number, TaskFlow>();
  const expired = (f: TaskFlow): boolean => env.now() - (f.startedAt + f.durationMs) > FINISHED_FLOW_RETENTION_MS;
  // A loop, not Math.max(...keys): spreading 125,000 ids as arguments overflows the stack.
  let lastId = 100000;
  for (const r of journal.records as JournalRecord[]) {
    if ('lastFlowId' in r) {
      if (typeof r.lastFlowId === 'number' && r.lastFlowId > lastId) lastId = r.lastFlowId;
      continue;
    }
    if (typeof r.FlowId !== 'number') continue;
    if (!expired(r)) flows.set(r.FlowId, r);
    if (r.FlowId > lastId) lastId = r.FlowId;
  }
  await journal.compactTo(() => {
    const live: JournalRecord[] = [{ lastFlowId: lastId }];
    for (const f of flows.values()) {
      if (expired(f)) flows.delete(f.FlowId);
      else live.push(f);
    }
    return live;
  });

  // One handler per operation of the table; they share this closure, so no context is passed.
  const handlers: HandlerMap<typeof CYNOSDB_OPERATIONS, undefined> = {
    async DescribeFlow(_, p) {
      const raw = p.FlowId;
      const flow = flows.get(raw);
      if (!flow || expired(flow)) throw cynosdbErrors.flowNotFound(raw);
      const done = env.now() - flow.startedAt >= flow.durationMs;
      return { Status: done ? 0 : 2 };
    },
    async RestartInstance(_, p) {
      const id = p.InstanceId;
      if (!INSTANCE_ID.test(id)) throw cynosdbErrors.instanceNotFound(id);
      const flow: TaskFlow = { FlowId: ++lastId, action: 'RestartInstance', resource: id, startedAt: env.now(), durationMs: RESTART_DURATION_MS * env.timeScale };
      await journal.append(flow, () => flows.set(flow.FlowId, flow));
      return { FlowId: flow.FlowId };
    },
  };

  return {
    name: 'cynosdb',
    version: CYNOSDB_VERSION,
    style: 'tc3',
    async handle(action, params, rc) {
      const h = bindOperation(CYNOSDB_OPERATIONS, handlers, cynosdbParamErrors, action, params);
      if (!h) throw tc3Errors.invalidAction(action);
      return h(undefined, rc);
    },
  };
}

export const cynosdbProduct: ProductFactory = (env) => createCynosdbProduct(env);
