// When to rewrite an append-only log with its live records, shared by the fnf log and the
// products' journals: once the log holds twice as many records as were live at the last rewrite
// and at least `minGarbage` of them are garbage (Redis's auto-aof-rewrite-percentage 100 with a
// minimum size), so each record is rewritten O(1) times on average and storage and start-up time
// follow live data, not history. The same test on bytes (Redis's auto-aof-rewrite-min-size, 64 MB)
// catches few but large records, such as a product's uploads. The rewrite itself is AppendLog.rewrite.
import type { AppendLog } from './appendLog';

/** Garbage records needed before a compaction, unless a caller sets its own (tests lower it). */
export const DEFAULT_COMPACT_MIN_GARBAGE = 10_000;
/** Garbage bytes that are reason enough for a compaction, however few records hold them. */
export const DEFAULT_COMPACT_MIN_GARBAGE_BYTES = 64 * 1024 * 1024;

export class Compactor<T> {
  /** Live records at the last compaction (or open): the log is compacted when it doubles past it. */
  private liveAtCompaction = 0;
  /** The file's size right after the last compaction (or at open, an upper bound of live bytes). */
  private liveBytesAtCompaction = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly log: AppendLog<T>,
    /** The live state as records; replaying them must give exactly the state in memory. */
    private readonly live: () => readonly T[],
    private readonly minGarbage: number,
    private readonly warn: (message: string) => void,
    private readonly minGarbageBytes: number = DEFAULT_COMPACT_MIN_GARBAGE_BYTES,
  ) {}

  /** Call once the state is built from the log: compacts now when the log is mostly garbage. */
  async start(): Promise<void> {
    this.liveAtCompaction = this.live().length;
    // Live bytes are only known after a rewrite: on open, start as if every byte were live, unless
    // the record counts already call for a compaction (which measures them).
    this.liveBytesAtCompaction = this.log.size;
    if (!this.worthCompacting()) return;
    // Not fatal: a full disk must not stop the emulator from starting with the log it has.
    await this.compact().catch((err: unknown) => this.warn(`compacting ${this.log.path} on start failed (it is used as it is): ${messageOf(err)}`));
  }

  /** Rewrites the log with the live records now. */
  async compact(): Promise<void> {
    const done = await this.log.rewrite(() => {
      const records = this.live();
      this.liveAtCompaction = records.length;
      return records;
    });
    if (done) this.liveBytesAtCompaction = this.log.size;
    // Appends kept arriving: try again once the log has doubled once more.
    if (!done) {
      this.liveAtCompaction = Math.max(this.liveAtCompaction, Math.floor(this.log.records / 2));
      this.liveBytesAtCompaction = Math.max(this.liveBytesAtCompaction, Math.floor(this.log.size / 2));
    }
  }

  /** After an append: starts a compaction in the background when the log has grown enough; never twice at once. */
  maybeCompact(): void {
    if (this.running || !this.worthCompacting()) return;
    this.running = this.compact()
      .catch((err: unknown) => this.warn(`compacting ${this.log.path} failed (it keeps growing until the next try): ${messageOf(err)}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Resolves once no compaction is running (before closing the log). */
  async idle(): Promise<void> {
    await this.running;
  }

  private worthCompacting(): boolean {
    const records = this.log.records;
    if (records > 2 * this.liveAtCompaction && records - this.liveAtCompaction >= this.minGarbage) return true;
    const bytes = this.log.size;
    return bytes > 2 * this.liveBytesAtCompaction && bytes - this.liveBytesAtCompaction >= this.minGarbageBytes;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
