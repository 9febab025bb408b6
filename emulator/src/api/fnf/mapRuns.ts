// DescribeMapRun and UpdateMapRun (fnf-20190315 SDK models DescribeMapRunResponseBody and
// UpdateMapRunRequest): a distributed Map's run of child executions, and changing its
// concurrency and tolerated failures while it runs.
import { ApiError, type RequestParams } from '../product';
import { rpcErrors } from '../transport/errors';
import type { FnfContext } from './context';
import { existingExecution } from './executions';
import { optional, optionalInt, required } from './params';
import type { MapRunRecord } from '../../executions/mapRuns';

/** No code for a missing MapRun is documented; this follows ExecutionNotExists. */
const mapRunNotExists = (name: string, execution: string) =>
  new ApiError(404, 'MapRunNotExists', `MapRun ${name} of execution ${execution} does not exist.`);

function existingMapRun(ctx: FnfContext, p: RequestParams): MapRunRecord {
  const entry = existingExecution(ctx, p);
  const name = required(p, 'MapRunName');
  const run = ctx.executions.mapRuns.find(entry.exec.FlowName, entry.exec.Name, name);
  if (!run) throw mapRunNotExists(name, entry.exec.Name);
  return run;
}

export function describeMapRun(ctx: FnfContext, p: RequestParams): unknown {
  const r = existingMapRun(ctx, p);
  return {
    MapRunName: r.MapRunName,
    ExecutionName: r.ExecutionName,
    Status: r.Status,
    StartedTime: r.StartedTime,
    ...(r.StoppedTime ? { StoppedTime: r.StoppedTime } : {}),
    Concurrency: r.Concurrency,
    ToleratedFailedCount: r.ToleratedFailedCount,
    ToleratedFailedPercentage: r.ToleratedFailedPercentage,
    ItemCounts: { ...r.ItemCounts },
  };
}

export function updateMapRun(ctx: FnfContext, p: RequestParams): unknown {
  const r = existingMapRun(ctx, p);
  const concurrency = optionalInt(p, 'Concurrency', 1, 10000);
  const count = optionalInt(p, 'ToleratedFailedCount', 0, Number.MAX_SAFE_INTEGER);
  const percentText = optional(p, 'ToleratedFailedPercentage');
  let percentage: number | undefined;
  if (percentText !== undefined && percentText !== '') {
    percentage = Number(percentText);
    if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
      throw rpcErrors.invalidArgument(`ToleratedFailedPercentage must be a number from 0 to 100, got '${percentText}'.`);
    }
  }
  ctx.executions.mapRuns.update(r, {
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(count !== undefined ? { toleratedFailureCount: count } : {}),
    ...(percentage !== undefined ? { toleratedFailurePercentage: percentage } : {}),
  });
  return {};
}
