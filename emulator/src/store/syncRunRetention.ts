// What the emulator keeps of ended Express sync runs (StartSyncExecution), which keep only their
// result on disk:
// - their history lives in memory only, and only for the latest runs, and besides them the latest
//   runs that did not succeed (the ones worth reading after a load test): keeping every run's
//   events grew the emulator by 9.3 KB per run of a ten-state flow, over 20 MB a second at full
//   rate, until it ran out of memory. A hundred of each: under a steady load the events of a run
//   then die young, where with the latest thousand kept each run's events were copied twice into
//   V8's old generation, and the emulator spent 7-15% more CPU per run. Older runs keep their
//   result (status, output, error, times), exactly as every run does after a restart;
// - and only the latest runs of each flow keep even that: every result kept for good still grew
//   the emulator by 0.44 KB and its log by 1.4 KB a run (at 2,500 runs a second, 4 GB of memory
//   an hour), so a load test ran it out of memory in the end. The oldest result beyond the limit
//   is forgotten (DescribeExecution then says ExecutionNotExists) and its log record becomes
//   garbage for the next compaction. The service documents no retention for Express runs.

import { Fifo } from './fifo';

/** An execution as far as this needs it (ExecutionEntry, without importing the store that holds this). */
interface SyncRun {
  events: readonly unknown[];
  readonly exec: { readonly FlowId: string; readonly Status: string };
}

/** How many of the latest ended Express sync runs keep their history by default. */
export const KEPT_SYNC_HISTORIES = 100;
/** How many of the latest that did not succeed keep theirs besides, by default. */
export const KEPT_UNSUCCESSFUL_SYNC_HISTORIES = 100;
/** How many ended Express sync runs of each flow keep their result by default. */
export const KEPT_SYNC_RESULTS_PER_FLOW = 10_000;

export class SyncRunRetention<T extends SyncRun> {
  /**
   * The latest ended runs, whose events are kept, oldest first (a Set keeps insertion order). A
   * Set, not a Fifo like byFlow: a run is asked after and leaves from anywhere when its flow drops
   * it, and at a hundred runs the walk past deleted slots to the oldest (see fifo.ts) stays short.
   */
  private readonly latest = new Set<T>();
  /** The latest ended runs that did not succeed, whose events are kept too, oldest first. */
  private readonly unsuccessful = new Set<T>();
  /** Each flow's ended runs, oldest first (a run ends once, so it is queued once). */
  private readonly byFlow = new Map<string, Fifo<T>>();

  constructor(
    private readonly histories: number = KEPT_SYNC_HISTORIES,
    private readonly resultsPerFlow: number = KEPT_SYNC_RESULTS_PER_FLOW,
    private readonly unsuccessfulHistories: number = KEPT_UNSUCCESSFUL_SYNC_HISTORIES,
  ) {}

  /**
   * A run has ended (`withHistory`), or its result was read back from the log (no history): the
   * oldest history kept beyond its limit is let go, and the run of the same flow that is no longer
   * kept at all, if any, is returned for the store to forget.
   */
  ended(run: T, withHistory: boolean): T | undefined {
    if (withHistory) {
      this.keepHistory(this.latest, run, this.histories);
      if (run.exec.Status !== 'Succeeded') this.keepHistory(this.unsuccessful, run, this.unsuccessfulHistories);
    }
    const flowId = run.exec.FlowId;
    let runs = this.byFlow.get(flowId);
    if (!runs) this.byFlow.set(flowId, (runs = new Fifo()));
    runs.push(run);
    if (runs.size <= this.resultsPerFlow) return undefined;
    const dropped = runs.shift() as T;
    this.latest.delete(dropped);
    this.unsuccessful.delete(dropped);
    return dropped;
  }

  /** The flow was deleted: none of its runs is kept any more. */
  flowDeleted(flowId: string): void {
    for (const run of this.byFlow.get(flowId) ?? []) {
      this.latest.delete(run);
      this.unsuccessful.delete(run);
    }
    this.byFlow.delete(flowId);
  }

  /** Adds `run` to `kept`; the oldest there beyond `limit` leaves it, and loses its events unless the other list keeps them. */
  private keepHistory(kept: Set<T>, run: T, limit: number): void {
    kept.add(run);
    if (kept.size <= limit) return;
    const oldest = kept.values().next().value as T;
    kept.delete(oldest);
    if (!this.latest.has(oldest) && !this.unsuccessful.has(oldest)) oldest.events = [];
  }
}
