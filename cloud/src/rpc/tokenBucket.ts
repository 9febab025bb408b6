// Client-side token buckets, one per account + product + operation, sized to the service's own
// documented quotas so a tail or a tree refresh never trips the service's throttling.
import { abortedError, type Clock } from './clock';

export interface Quota {
  /** Bucket size: how many requests may go at once. */
  readonly burst: number;
  /** Refill rate in requests per second. */
  readonly perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly quota: Quota,
    private readonly clock: Clock,
  ) {
    this.tokens = quota.burst;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.quota.burst, this.tokens + elapsed * this.quota.perSecond);
    this.last = now;
  }

  /** Tokens available now (fractional), for tests and diagnostics. */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /** Waits until a token is free and takes it. Waiters are served first come, first served. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeNow(signal));
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortedError(signal);
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.quota.perSecond) * 1000);
      await this.clock.sleep(waitMs, signal);
    }
  }
}

/** A set of buckets keyed by account/product/operation, shared by every caller in a process. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Clock) {}

  bucket(key: string, quota: Quota): TokenBucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = new TokenBucket(quota, this.clock);
      this.buckets.set(key, b);
    }
    return b;
  }

  take(key: string, quota: Quota, signal?: AbortSignal): Promise<void> {
    return this.bucket(key, quota).take(signal);
  }
}
