// How long to wait after an edit before validating, per document, from what its validations
// have cost. A cheap validation (a small flow, or an edit the incremental path handles) waits
// only a moment, so the diagnostics follow typing closely; a costly one waits longer, and a new
// validation never starts before the previous one's cost has passed again since it ended: at most
// half of one core goes to validating a document however fast someone types. The validation of a
// document as it opens is the exception: it reads the document once, it is not part of typing, and
// the first edit's diagnostics do not wait for its cost to pass again (in a long flow that edit is
// read incrementally, at a fraction of the cost).

/** The shortest wait: enough to fold the characters of a fast typist's burst into one validation. */
export const MIN_DEBOUNCE_MS = 20;
/** The longest wait, for the costliest validations (a whole large flow parsed again). */
export const MAX_DEBOUNCE_MS = 200;
/** Validations at most this costly may run before a request instead of after their quiet time. */
const EARLY_VALIDATION_MS = 50;
/** The wait as a multiple of the typical recent cost. */
const COST_FACTOR = 2;
/** Weight of the newest cost in the running estimate (older ones fade out). */
const NEWEST_WEIGHT = 0.75;

interface Costs {
  /** Running estimate of one validation's duration (ms). */
  typical: number;
  /** The last validation's duration and when it ended. */
  last: number;
  endedAt: number;
}

export class ValidationPacer {
  private readonly costs = new Map<string, Costs>();

  constructor(private readonly now: () => number) {}

  /** Records that validating `key` took `ms`, ending now; `opening` when it read the document as it opened. */
  record(key: string, ms: number, opening = false): void {
    const known = this.costs.get(key);
    const typical = known ? known.typical * (1 - NEWEST_WEIGHT) + ms * NEWEST_WEIGHT : ms;
    this.costs.set(key, { typical, last: opening ? 0 : ms, endedAt: this.now() });
  }

  /** How long to wait from now before validating `key` after an edit. */
  delayFor(key: string): number {
    const c = this.costs.get(key);
    if (!c) return MIN_DEBOUNCE_MS;
    const debounce = Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, COST_FACTOR * c.typical));
    // The previous validation's cost again since it ended, before the next one starts.
    const rest = c.endedAt + c.last - this.now();
    return Math.ceil(Math.max(debounce, rest));
  }

  /**
   * Whether a validation of `key` waiting for its quiet time may run at once instead, when a
   * request about the document arrives first: only when it is cheap, so the diagnostics of an
   * edit never wait behind the other features' answers (outline, folding) that follow it.
   */
  mayValidateEarly(key: string): boolean {
    const c = this.costs.get(key);
    return c !== undefined && c.typical <= EARLY_VALIDATION_MS && this.now() >= c.endedAt + c.last;
  }

  forget(key: string): void {
    this.costs.delete(key);
  }
}
