// Per-flow-name serialisation of writes. A handler's checks ("does the flow exist?", "is the
// execution name taken?") and the record that commits its decision are separated by an fsync; two
// requests for the same name interleaving there would both pass the check and one acknowledged
// write would be lost. Queuing the writes of one name makes check + commit atomic, as a
// single-writer database does per key, while different names still run concurrently.
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier `run` with the same key has settled. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    // Forget the key once nothing waits on it, so the map stays as small as the set of busy names.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many names have work queued (tests check the map does not grow without bound). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
