// The history of an Express sync run lives in memory only, and only for the latest runs: keeping
// every run's events grew the emulator by 9.3 KB per run of a ten-state flow, over 20 MB a second
// at full rate, until it ran out of memory. Older runs keep their result (status, output, error,
// times), exactly as every run does after a restart.

/** An execution as far as this needs it (ExecutionEntry, without importing the store that holds this). */
interface WithHistory {
  events: readonly unknown[];
}

/** How many ended Express sync runs keep their history by default. */
export const KEPT_EXPRESS_HISTORIES = 1000;

export class RecentHistories {
  /** Ended runs whose events are kept, oldest first (a Set keeps insertion order). */
  private readonly kept = new Set<WithHistory>();

  constructor(private readonly limit: number = KEPT_EXPRESS_HISTORIES) {}

  /** A result-only run has ended: its history is kept, and the oldest kept beyond the limit is let go. */
  ended(entry: WithHistory): void {
    this.kept.add(entry);
    if (this.kept.size <= this.limit) return;
    const oldest = this.kept.values().next().value as WithHistory;
    this.kept.delete(oldest);
    oldest.events = [];
  }
}
