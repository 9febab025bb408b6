// Replay refusal: a signature nonce is accepted once while its request's timestamp is still within
// the signature's validity window (the gateways' 15 minutes either side), as Alibaba's gateways
// refuse a reused SignatureNonce and AWS SigV4 bounds a signature's life by its date. A nonce is
// remembered until its timestamp leaves the window; after that the timestamp alone refuses it.
export class NonceRegistry {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly windowMs: number) {}

  /** Records the nonce; false when it was already used within the window. */
  use(accessKeyId: string, nonce: string, signedAt: number, now: number): boolean {
    this.sweep(now);
    const key = `${accessKeyId}\n${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.set(key, signedAt + this.windowMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Forgets expired nonces at most once a second, so memory follows the request rate of one window. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 1000;
    for (const [key, expires] of this.seen) if (expires <= now) this.seen.delete(key);
  }
}
