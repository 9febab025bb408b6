// The emulator's MapRuns: each distributed Map state's run of child executions. Children are real
// executions of the flow (listed by ListExecutions with MapRunName, described, tailed); the
// MapRun itself answers DescribeMapRun and takes UpdateMapRun's new concurrency and tolerance.
import { randomBytes } from 'node:crypto';
import { isoTime, type JsonValue, type MapRunHost, type MapRunSettings, type RunResult } from '../engine';
import type { ExecutionEntry } from '../store/fnfStore';
import type { ExecutionMode, StoredFlow, StoredMapRun } from '../store/records';

/** Where MapRuns are kept: the store's log, so a restart still describes them. */
export interface MapRunStorage {
  /** Writes the run as it stands now; resolves once it is written. */
  save(run: StoredMapRun): Promise<void>;
  /** A run written before this start of the emulator. */
  stored(mapRunName: string): StoredMapRun | undefined;
}

/** What the registry needs from the execution manager (kept narrow: no import cycle). */
export interface ChildExecutions {
  start(request: { flow: StoredFlow; definition: JsonValue; name: string; inputText: string; input: JsonValue; mode: ExecutionMode; mapRunName: string; resultOnly: boolean }): Promise<ExecutionEntry>;
  waitForEnd(entry: ExecutionEntry, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  stop(entry: ExecutionEntry, error?: string, cause?: string): Promise<boolean>;
}

export class MapRuns {
  /** The runs going on, changed in place as their children run. */
  private readonly runs = new Map<string, StoredMapRun>();

  constructor(
    private readonly now: () => number,
    private readonly storage: MapRunStorage,
  ) {}

  /** The MapRuns of one flow's execution, by name: one going on, else as last written. */
  find(flowName: string, executionName: string, mapRunName: string): StoredMapRun | undefined {
    const r = this.runs.get(mapRunName) ?? this.storage.stored(mapRunName);
    return r && r.FlowName === flowName && r.ExecutionName === executionName ? r : undefined;
  }

  /** UpdateMapRun: takes effect for the children not yet started and the tolerance check; resolves once written. */
  async update(r: StoredMapRun, changes: Partial<MapRunSettings>): Promise<void> {
    if (changes.concurrency !== undefined) r.Concurrency = changes.concurrency;
    if (changes.toleratedFailureCount !== undefined) r.ToleratedFailedCount = changes.toleratedFailureCount;
    if (changes.toleratedFailurePercentage !== undefined) r.ToleratedFailedPercentage = changes.toleratedFailurePercentage;
    await this.storage.save(r);
  }

  /** The host one execution's distributed Maps run their children through. */
  hostFor(flow: StoredFlow, children: ChildExecutions): MapRunHost {
    return {
      start: async (request) => {
        const stateName = request.stateName.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
        const record: StoredMapRun = {
          FlowId: flow.Id,
          MapRunName: `${request.executionName.slice(0, 60)}-${stateName}-${randomBytes(3).toString('hex')}`,
          FlowName: request.flowName,
          ExecutionName: request.executionName,
          StateName: request.stateName,
          StartedTime: isoTime(this.now()),
          StoppedTime: '',
          Status: 'Running',
          Concurrency: request.concurrency,
          ToleratedFailedCount: request.toleratedFailureCount,
          ToleratedFailedPercentage: request.toleratedFailurePercentage,
          ItemCounts: { Total: request.total, Pending: request.total, Running: 0, Succeed: 0, Failed: 0, Aborted: 0 },
        };
        this.runs.set(record.MapRunName, record);
        await this.storage.save(record);
        const counts = record.ItemCounts;
        return {
          name: record.MapRunName,
          settings: () => ({ concurrency: record.Concurrency, toleratedFailureCount: record.ToleratedFailedCount, toleratedFailurePercentage: record.ToleratedFailedPercentage }),
          runChild: async (index, input, signal) => {
            counts.Pending--;
            counts.Running++;
            const result = await runChild(children, flow, request, record.MapRunName, index, input, signal);
            counts.Running--;
            if (result.status === 'Succeeded') counts.Succeed++;
            else if (result.status === 'Stopped') counts.Aborted++;
            else counts.Failed++;
            return result;
          },
          end: async (status) => {
            record.Status = status;
            record.StoppedTime = isoTime(this.now());
            counts.Aborted += counts.Pending;
            counts.Pending = 0;
            await this.storage.save(record);
            // Ended, it reads as written: the store's copy answers from now on.
            this.runs.delete(record.MapRunName);
          },
        };
      },
    };
  }
}

async function runChild(
  children: ChildExecutions, flow: StoredFlow, request: { definition: JsonValue; mode: ExecutionMode },
  mapRunName: string, index: number, input: JsonValue, signal: AbortSignal,
): Promise<RunResult> {
  const entry = await children.start({
    flow, definition: request.definition, name: `${mapRunName}-${index}`, inputText: JSON.stringify(input), input, mode: request.mode, mapRunName,
    // An Express child is kept as an Express sync run is: its result on disk, its history in memory.
    resultOnly: request.mode === 'Express',
  });
  const onAbort = (): void => void children.stop(entry, 'FnF.MapRunAborted', `MapRun ${mapRunName} ended`);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await children.waitForEnd(entry, Infinity);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const e = entry.exec;
  if (e.Status === 'Succeeded') return { status: 'Succeeded', output: JSON.parse(e.Output || '{}') as JsonValue };
  return { status: e.Status === 'Stopped' || e.Status === 'TimedOut' ? e.Status : 'Failed', error: e.ErrorCode, cause: e.ErrorMessage };
}
