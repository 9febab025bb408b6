// The fnf product (CloudFlow / Serverless Workflow, API 2019-03-15): the store, the execution
// manager and one handler per action.
import type { Clock, TaskEnvironment } from '../../engine';
import { ExecutionManager } from '../../executions/manager';
import { Scheduler } from '../../executions/scheduler';
import { FnfStore } from '../../store/fnfStore';
import type { AppendLogOptions } from '../../store/appendLog';
import { FNF_OPERATIONS, FNF_VERSION } from '../../../../cloud/src';
import { bindOperation } from '../operationParams';
import { unknownAction, type ProductApi, type ProductEnvironment } from '../product';
import { fnfParamErrors, type FnfHandlers } from './params';
import type { FnfContext } from './context';
import { KeyedSerializer } from './serial';
import { executionHandlers } from './executions';
import { flowHandlers } from './flows';
import { historyHandlers } from './history';
import { fireSchedule, scheduleHandlers } from './schedules';
import { regionHandlers } from './regions';
import { aliasHandlers } from './aliases';
import { versionHandlers } from './versions';
import { taskHandlers } from './tasks';
import { mapRunHandlers } from './mapRuns';
import { objectAccess } from '../../objects/access';

/**
 * One handler per operation of the table, each given its parameters as the table reads them: an
 * operation that no file serves fails to compile here, one a file serves that the table lacks there.
 */
const HANDLERS: FnfHandlers = {
  ...flowHandlers,
  ...executionHandlers,
  ...historyHandlers,
  ...taskHandlers,
  ...scheduleHandlers,
  ...regionHandlers,
  ...versionHandlers,
  ...aliasHandlers,
  ...mapRunHandlers,
};

/**
 * Actions that check and then change a flow's state, with the parameter naming the flow: they
 * run one at a time per flow name (StartSyncExecution takes the same turn only for its start).
 */
const SERIALIZED_BY: ReadonlyMap<string, 'Name' | 'FlowName'> = new Map([
  ['CreateFlow', 'Name'], ['UpdateFlow', 'Name'], ['DeleteFlow', 'Name'],
  ['StartExecution', 'FlowName'], ['StopExecution', 'FlowName'],
  ['CreateSchedule', 'FlowName'], ['UpdateSchedule', 'FlowName'], ['DeleteSchedule', 'FlowName'],
  ['PublishFlowVersion', 'FlowName'], ['DeleteFlowVersion', 'FlowName'],
  ['CreateFlowAlias', 'FlowName'], ['UpdateFlowAlias', 'FlowName'], ['DeleteFlowAlias', 'FlowName'],
]);

export interface FnfProductOptions {
  /** How Task states are served. */
  readonly tasks: TaskEnvironment;
  /** Reports failures that cannot reach a caller (a failed history write). */
  readonly onError: (err: unknown) => void;
  /** Time for the interpreter's waits and for schedules. Default: the real clock with `env.now`. */
  readonly clock?: Clock;
  /** Skip fsync (only for throwaway data folders). */
  readonly noSync?: boolean;
  /** Garbage records before the log is compacted (default DEFAULT_COMPACT_MIN_GARBAGE; tests lower it). */
  readonly compactMinGarbage?: number;
  /** Options of the fnf log (fault injection in tests). */
  readonly log?: AppendLogOptions;
  /** A number in [0, 1) for each weighted alias pick. Default Math.random. */
  readonly random?: () => number;
}

export async function createFnfProduct(env: ProductEnvironment, options: FnfProductOptions): Promise<ProductApi> {
  const store = await FnfStore.open(env.dataDir, {
    now: env.now, noSync: options.noSync, log: { warn: (m) => env.warn(m), ...options.log }, compactMinGarbage: options.compactMinGarbage,
  });
  const clock: Clock = options.clock ?? {
    now: env.now,
    setTimer(ms, callback) {
      const timer = setTimeout(callback, Math.max(0, ms));
      return () => clearTimeout(timer);
    },
  };
  const now = (): number => clock.now();
  const executions = new ExecutionManager({
    store, tasks: options.tasks, now, clock: options.clock, timeScale: env.timeScale, onError: options.onError, objects: objectAccess(env.objects.store),
  });
  const scheduler = new Scheduler({
    clock,
    lookup: (flowId, name) => store.schedule(flowId, name),
    // Timers are armed only below, once `context` exists.
    fire: (schedule, at) => fireSchedule(context, schedule, at),
    onError: options.onError,
  });
  const context: FnfContext = {
    store, executions, scheduler, now, definitions: new Map(), random: options.random ?? Math.random, serial: new KeyedSerializer(),
  };
  for (const flow of store.flows()) for (const schedule of store.schedules(flow.Id)) scheduler.arm(schedule);
  return {
    name: 'fnf',
    version: FNF_VERSION,
    style: 'rpc',
    async handle(action, params, rc) {
      const handler = bindOperation(FNF_OPERATIONS, HANDLERS, fnfParamErrors, action, params);
      if (!handler) throw unknownAction(action);
      const keyParam = SERIALIZED_BY.get(action);
      const key = keyParam === undefined ? undefined : params[keyParam];
      if (typeof key !== 'string') return handler(context, rc);
      return context.serial.run(key, async () => handler(context, rc));
    },
    async close() {
      scheduler.close();
      executions.close();
      await store.close();
    },
  };
}
