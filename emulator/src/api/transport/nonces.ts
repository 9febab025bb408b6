// Replay refusal: a signature nonce is accepted once while its request's timestamp is still within
// the signature's validity window (the gateways' 15 minutes either side), as Alibaba's gateways
// refuse a reused SignatureNonce and AWS SigV4 bounds a signature's life by its date. A nonce is
// remembered until its timestamp leaves the window; after that the timestamp alone refuses it.
//
// Memory is bounded: at most `maxEntries` nonces are remembered. When that many are still inside
// their window, a new request is refused (503) instead of forgetting one of them, because a
// forgotten nonce could be replayed until its window ends; as Redis's `noeviction` policy answers
// writes with an error at its memory limit rather than drop data. Expired nonces go first.
//
// Storage: each nonce is a 64-bit hash of (AccessKey ID, nonce) with its exact expiry, kept in
// the time slice its expiry falls in (about 60 slices over the 30 minutes a nonce can live); a
// slice that has passed is dropped whole. 10 bytes a slot at 38-75% load: about 20 bytes a
// nonce, where the text in a Map took about 200. A nonce seen and still live is always found (never a
// false "new"); a new nonce is taken for a replay only when its hash equals a live one's, with a
// chance of live/2^64 per request: below 1e-13 at the default bound.
import { hashNonce, type Hash64 } from './nonceHash';
import { MAX_SLICE_MS, NonceBucket } from './nonceBucket';

/** About 40 MB at most; room for 1,100 signed requests a second for the whole 30-minute span. */
export const DEFAULT_MAX_NONCES = 2_000_000;

export type NonceVerdict =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly reason: 'replayed' }
  /** The registry is full of nonces still inside their window; one leaves it in `retryAfterSeconds`. */
  | { readonly accepted: false; readonly reason: 'full'; readonly retryAfterSeconds: number };

const ACCEPTED: NonceVerdict = { accepted: true };
const REPLAYED: NonceVerdict = { accepted: false, reason: 'replayed' };

export class NonceRegistry {
  /** Slices by number (expiry / sliceMs), oldest first. */
  private readonly buckets = new Map<number, NonceBucket>();
  private readonly sliceMs: number;
  private count = 0;
  /** When the oldest slice ends and can be dropped whole. */
  private nextDrop = Number.POSITIVE_INFINITY;
  /** The earliest expiry among remembered nonces (a lower bound), so a full registry reclaims only when that frees one. */
  private earliestExpiry = Number.POSITIVE_INFINITY;
  private readonly hash: Hash64 = { hi: 0, lo: 0 };

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number = DEFAULT_MAX_NONCES,
  ) {
    if (!(maxEntries >= 1)) throw new Error(`A nonce registry needs room for at least one nonce, not ${maxEntries}.`);
    this.sliceMs = Math.min(MAX_SLICE_MS, Math.max(1000, Math.ceil(windowMs / 30)));
  }

  /** Records the nonce, unless it was used within the window or the registry is full of live nonces. */
  use(accessKeyId: string, nonce: string, signedAt: number, now: number): NonceVerdict {
    if (now >= this.nextDrop) this.dropPassedSlices(now);
    const { hi, lo } = hashNonce(accessKeyId, nonce, this.hash);
    for (const bucket of this.buckets.values()) {
      if (bucket.end > now && bucket.expiryOf(hi, lo) > now) return REPLAYED;
    }
    if (this.count >= this.maxEntries) {
      // Reclaiming a full registry is worth it only once some nonce has expired.
      if (now >= this.earliestExpiry) this.reclaim(now);
      if (this.count >= this.maxEntries) {
        return { accepted: false, reason: 'full', retryAfterSeconds: Math.max(1, Math.ceil((this.earliestExpiry - now) / 1000)) };
      }
    }
    const until = signedAt + this.windowMs;
    if (this.bucketFor(until).add(hi, lo, until)) this.count++;
    if (until < this.earliestExpiry) this.earliestExpiry = until;
    return ACCEPTED;
  }

  /** Nonces remembered (some may have expired since the last reclaim). */
  get size(): number {
    return this.count;
  }

  /** Bytes the slices hold. */
  get bytes(): number {
    let total = 0;
    for (const b of this.buckets.values()) total += b.bytes;
    return total;
  }

  private bucketFor(expires: number): NonceBucket {
    const slice = Math.floor(expires / this.sliceMs);
    let bucket = this.buckets.get(slice);
    if (!bucket) {
      bucket = new NonceBucket(slice * this.sliceMs, (slice + 1) * this.sliceMs);
      this.buckets.set(slice, bucket);
      if (this.buckets.size > 1) this.sortBuckets();
      if (bucket.end < this.nextDrop) this.nextDrop = bucket.end;
    }
    return bucket;
  }

  /** Keeps the slices oldest first (a new one is nearly always the newest, so this is rare). */
  private sortBuckets(): void {
    let previous = Number.NEGATIVE_INFINITY;
    for (const slice of this.buckets.keys()) {
      if (slice < previous) {
        const sorted = [...this.buckets].sort((x, y) => x[0] - y[0]);
        this.buckets.clear();
        for (const [k, v] of sorted) this.buckets.set(k, v);
        return;
      }
      previous = slice;
    }
  }

  /** Drops every slice whose nonces have all expired. */
  private dropPassedSlices(now: number): void {
    let next = Number.POSITIVE_INFINITY;
    for (const [slice, bucket] of this.buckets) {
      if (bucket.end <= now) this.buckets.delete(slice);
      else if (bucket.end < next) next = bucket.end;
    }
    this.nextDrop = next;
    this.count = this.countEntries();
  }

  /** Frees the expired nonces of the slice now passing too, and finds the earliest expiry left. */
  private reclaim(now: number): void {
    this.dropPassedSlices(now);
    let earliest = Number.POSITIVE_INFINITY;
    for (const bucket of this.buckets.values()) {
      if (bucket.start <= now) bucket.dropExpired(now);
      if (bucket.count > 0) {
        earliest = bucket.earliestExpiry();
        break;
      }
    }
    this.count = this.countEntries();
    this.earliestExpiry = earliest;
  }

  private countEntries(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.count;
    return n;
  }
}
