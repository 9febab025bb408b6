// How long to wait after an edit before validating, per document, from what its validations
// have cost. A cheap validation (a small flow, or an edit the incremental path handles) waits
// only a moment, so the diagnostics follow typing closely; a costly one waits longer, and a new
// validation never starts before the previous one's cost has passed again since it ended: at most
// half of one core goes to validating a document however fast someone types. The validation of a
// document as it opens is the exception: it reads the document once, it is not part of typing, and
// the first edit's diagnostics do not wait for its cost to pass again. Nor does its cost predict an
// edit's when edits are re-checked alone (a long current-spec flow, where an edit costs a fraction
// of it): the first edit then waits the shortest time, and its own cost teaches the wait.

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
  /** Running estimate of one validation's duration (ms); undefined until a typical one is seen. */
  typical: number | undefined;
  /** Until then, what the whole document cost as it opened: no edit's validation costs more. */
  ceiling: number;
  /** The last validation's duration and when it ended. */
  last: number;
  endedAt: number;
}

export class ValidationPacer {
  private readonly costs = new Map<string, Costs>();

  constructor(private readonly now: () => number) {}

  /** Records that validating `key` took `ms`, ending now, after an edit. */
  record(key: string, ms: number): void {
    const known = this.costs.get(key)?.typical;
    const typical = known === undefined ? ms : known * (1 - NEWEST_WEIGHT) + ms * NEWEST_WEIGHT;
    this.costs.set(key, { typical, ceiling: typical, last: ms, endedAt: this.now() });
  }

  /**
   * Records the validation of `key` as it opened (`ms`, ending now): it leaves no rest, and it
   * sets the typical cost only when `editsCheckedAlone` is false (an edit then costs as much).
   */
  recordOpening(key: string, ms: number, editsCheckedAlone: boolean): void {
    this.costs.set(key, { typical: editsCheckedAlone ? undefined : ms, ceiling: ms, last: 0, endedAt: this.now() });
  }

  /** How long to wait from now before validating `key` after an edit. */
  delayFor(key: string): number {
    const c = this.costs.get(key);
    if (!c) return MIN_DEBOUNCE_MS;
    const debounce = c.typical === undefined ? MIN_DEBOUNCE_MS : Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, COST_FACTOR * c.typical));
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
    return c !== undefined && (c.typical ?? c.ceiling) <= EARLY_VALIDATION_MS && this.now() >= c.endedAt + c.last;
  }

  forget(key: string): void {
    this.costs.delete(key);
  }
}
