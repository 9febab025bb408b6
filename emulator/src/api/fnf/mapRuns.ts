// DescribeMapRun and UpdateMapRun (fnf-20190315 SDK models DescribeMapRunResponseBody and
// UpdateMapRunRequest): a distributed Map's run of child executions, and changing its
// concurrency and tolerated failures while it runs.
import { ApiError } from '../product';
import type { FnfContext } from './context';
import { existingExecution } from './executions';
import type { FnfParams, FnfHandlers } from './params';
import type { StoredMapRun } from '../../store/records';

/** No code for a missing MapRun is documented; this follows ExecutionNotExists. */
const mapRunNotExists = (name: string, execution: string) =>
  new ApiError(404, 'MapRunNotExists', `MapRun ${name} of execution ${execution} does not exist.`);

function existingMapRun(ctx: FnfContext, p: FnfParams<'DescribeMapRun'>): StoredMapRun {
  const entry = existingExecution(ctx, p);
  const name = p.MapRunName;
  const run = ctx.executions.mapRuns.find(entry.exec.FlowName, entry.exec.Name, name);
  if (!run) throw mapRunNotExists(name, entry.exec.Name);
  return run;
}

export function describeMapRun(ctx: FnfContext, p: FnfParams<'DescribeMapRun'>): unknown {
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

export async function updateMapRun(ctx: FnfContext, p: FnfParams<'UpdateMapRun'>): Promise<unknown> {
  const r = existingMapRun(ctx, p);
  const concurrency = p.Concurrency;
  const count = p.ToleratedFailedCount;
  const percentage = p.ToleratedFailedPercentage;
  await ctx.executions.mapRuns.update(r, {
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(count !== undefined ? { toleratedFailureCount: count } : {}),
    ...(percentage !== undefined ? { toleratedFailurePercentage: percentage } : {}),
  });
  return {};
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const mapRunHandlers = {
  DescribeMapRun: describeMapRun,
  UpdateMapRun: updateMapRun,
} satisfies Partial<FnfHandlers>;
