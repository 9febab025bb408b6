// The nonces whose expiry falls in one time slice of the registry: an open-addressing hash set of
// 64-bit keys in typed arrays (10 bytes a slot), each with its exact expiry as milliseconds into
// the slice. A slice is dropped whole once it has passed, so no entry is ever deleted one by one
// except when a full registry reclaims the expired part of the slice now passing.

/** Slice widths must fit the 16-bit expiry offsets (0 marks an empty slot). */
export const MAX_SLICE_MS = 65_534;

const INITIAL_SLOTS = 64;

export class NonceBucket {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Expiry minus `start`, plus one; 0 = empty slot. */
  private offset: Uint16Array;
  private mask: number;
  count = 0;

  constructor(readonly start: number, readonly end: number) {
    this.hi = new Uint32Array(INITIAL_SLOTS);
    this.lo = new Uint32Array(INITIAL_SLOTS);
    this.offset = new Uint16Array(INITIAL_SLOTS);
    this.mask = INITIAL_SLOTS - 1;
  }

  /** The key's expiry, or -1 when the key is not here. */
  expiryOf(hi: number, lo: number): number {
    const { offset, mask } = this;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const o = offset[i]!;
      if (o === 0) return -1;
      if (this.lo[i] === lo && this.hi[i] === hi) return this.start + o - 1;
    }
  }

  /** Adds the key (the caller checked it is not live here), false when it overwrote a stale copy. */
  add(hi: number, lo: number, expires: number): boolean {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.resize((this.mask + 1) * 2);
    // A fractional expiry rounds up: a nonce may be kept a little longer, never shorter.
    const added = this.place(hi, lo, Math.ceil(expires - this.start) + 1);
    if (added) this.count++;
    return added;
  }

  /** Keeps only the entries still live at `now`; returns how many were dropped. */
  dropExpired(now: number): number {
    const before = this.count;
    this.rebuild(this.mask + 1, now);
    return before - this.count;
  }

  /** The earliest expiry among the entries, or +Infinity for none. */
  earliestExpiry(): number {
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= this.mask; i++) {
      const o = this.offset[i]!;
      if (o !== 0 && this.start + o - 1 < least) least = this.start + o - 1;
    }
    return least;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return (this.mask + 1) * 10;
  }

  private place(hi: number, lo: number, stored: number): boolean {
    const mask = this.mask;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const o = this.offset[i]!;
      if (o === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.offset[i] = stored;
        return true;
      }
      if (this.lo[i] === lo && this.hi[i] === hi) {
        this.offset[i] = stored;
        return false;
      }
    }
  }

  private resize(slots: number): void {
    this.rebuild(slots, Number.NEGATIVE_INFINITY);
  }

  /** Re-inserts the entries expiring after `now` into `slots` slots. */
  private rebuild(slots: number, now: number): void {
    const { hi, lo, offset } = this;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.offset = new Uint16Array(slots);
    this.mask = slots - 1;
    this.count = 0;
    for (let i = 0; i < offset.length; i++) {
      const o = offset[i]!;
      if (o !== 0 && this.start + o - 1 > now && this.place(hi[i]!, lo[i]!, o)) this.count++;
    }
  }
}
