// What the emulator keeps of ended Express sync runs (StartSyncExecution), which keep only their
// result on disk:
// - their history lives in memory only, and only for the latest runs: keeping every run's events
//   grew the emulator by 9.3 KB per run of a ten-state flow, over 20 MB a second at full rate,
//   until it ran out of memory. Older runs keep their result (status, output, error, times),
//   exactly as every run does after a restart;
// - and only the latest runs of each flow keep even that: every result kept for good still grew
//   the emulator by 0.44 KB and its log by 1.4 KB a run (at 2,500 runs a second, 4 GB of memory
//   an hour), so a load test ran it out of memory in the end. The oldest result beyond the limit
//   is forgotten (DescribeExecution then says ExecutionNotExists) and its log record becomes
//   garbage for the next compaction. The service documents no retention for Express runs.

/** An execution as far as this needs it (ExecutionEntry, without importing the store that holds this). */
interface SyncRun {
  events: readonly unknown[];
  readonly exec: { readonly FlowId: string };
}

/** How many ended Express sync runs keep their history by default. */
export const KEPT_SYNC_HISTORIES = 1000;
/** How many ended Express sync runs of each flow keep their result by default. */
export const KEPT_SYNC_RESULTS_PER_FLOW = 10_000;

export class SyncRunRetention<T extends SyncRun> {
  /** Ended runs whose events are kept, oldest first (a Set keeps insertion order). */
  private readonly withHistory = new Set<T>();
  /** Each flow's ended runs, oldest first. */
  private readonly byFlow = new Map<string, Set<T>>();

  constructor(
    private readonly histories: number = KEPT_SYNC_HISTORIES,
    private readonly resultsPerFlow: number = KEPT_SYNC_RESULTS_PER_FLOW,
  ) {}

  /**
   * A run has ended (`withHistory`), or its result was read back from the log (no history): the
   * oldest history kept beyond its limit is let go, and the run of the same flow that is no longer
   * kept at all, if any, is returned for the store to forget.
   */
  ended(run: T, withHistory: boolean): T | undefined {
    if (withHistory) {
      this.withHistory.add(run);
      if (this.withHistory.size > this.histories) {
        const oldest = this.withHistory.values().next().value as T;
        this.withHistory.delete(oldest);
        oldest.events = [];
      }
    }
    const flowId = run.exec.FlowId;
    let runs = this.byFlow.get(flowId);
    if (!runs) this.byFlow.set(flowId, (runs = new Set()));
    runs.add(run);
    if (runs.size <= this.resultsPerFlow) return undefined;
    const dropped = runs.values().next().value as T;
    runs.delete(dropped);
    this.withHistory.delete(dropped);
    return dropped;
  }

  /** The flow was deleted: none of its runs is kept any more. */
  flowDeleted(flowId: string): void {
    for (const run of this.byFlow.get(flowId) ?? []) this.withHistory.delete(run);
    this.byFlow.delete(flowId);
  }
}
