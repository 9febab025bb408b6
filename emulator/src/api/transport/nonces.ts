// Replay refusal: a signature nonce is accepted once while its request's timestamp is still within
// the signature's validity window (the gateways' 15 minutes either side), as Alibaba's gateways
// refuse a reused SignatureNonce and AWS SigV4 bounds a signature's life by its date. A nonce is
// remembered until its timestamp leaves the window; after that the timestamp alone refuses it.
//
// Memory is bounded: at most `maxEntries` nonces are remembered. When that many are still inside
// their window, a new request is refused (503) instead of forgetting one of them, because a
// forgotten nonce could be replayed until its window ends; as Redis's `noeviction` policy answers
// writes with an error at its memory limit rather than drop data. Expired nonces go first.

/** ~40 MB of keys at most; room for 140 signed requests a second for the whole 30-minute span. */
export const DEFAULT_MAX_NONCES = 250_000;

export type NonceVerdict =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly reason: 'replayed' }
  /** The registry is full of nonces still inside their window; one leaves it in `retryAfterSeconds`. */
  | { readonly accepted: false; readonly reason: 'full'; readonly retryAfterSeconds: number };

export class NonceRegistry {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;
  /** The earliest expiry among remembered nonces (a lower bound), so a full registry sweeps only when that frees one. */
  private earliestExpiry = Number.POSITIVE_INFINITY;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number = DEFAULT_MAX_NONCES,
  ) {
    if (!(maxEntries >= 1)) throw new Error(`A nonce registry needs room for at least one nonce, not ${maxEntries}.`);
  }

  /** Records the nonce, unless it was used within the window or the registry is full of live nonces. */
  use(accessKeyId: string, nonce: string, signedAt: number, now: number): NonceVerdict {
    this.sweep(now, false);
    const key = `${accessKeyId}\n${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return { accepted: false, reason: 'replayed' };
    if (expires === undefined && this.seen.size >= this.maxEntries) {
      // Sweeping a full registry is worth it only once some nonce has expired.
      if (now >= this.earliestExpiry) this.sweep(now, true);
      if (this.seen.size >= this.maxEntries) {
        return { accepted: false, reason: 'full', retryAfterSeconds: Math.max(1, Math.ceil((this.earliestExpiry - now) / 1000)) };
      }
    }
    const until = signedAt + this.windowMs;
    this.seen.set(key, until);
    if (until < this.earliestExpiry) this.earliestExpiry = until;
    return { accepted: true };
  }

  get size(): number {
    return this.seen.size;
  }

  /** Forgets expired nonces, at most once a second unless forced, so memory follows the request rate of one window. */
  private sweep(now: number, force: boolean): void {
    if (!force && now < this.nextSweep) return;
    this.nextSweep = now + 1000;
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, expires] of this.seen) {
      if (expires <= now) this.seen.delete(key);
      else if (expires < earliest) earliest = expires;
    }
    this.earliestExpiry = earliest;
  }
}
