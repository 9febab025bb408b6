// Per-flow-name serialisation of writes. A handler's checks ("does the flow exist?", "is the
// execution name taken?") and the record that commits its decision are separated by an fsync; two
// requests for the same name interleaving there would both pass the check and one acknowledged
// write would be lost. Queuing the writes of one name makes check + commit atomic, as a
// single-writer database does per key, while different names still run concurrently.
export class KeyedSerializer {
  /** Per busy name, a promise that settles (never rejects) when its latest work has settled. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` after every earlier `run` with the same key has settled; at once when none is pending. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous ? previous.then(work) : work();
    // Once this work settles, the key is forgotten unless later work queued behind it, so the map
    // stays as small as the set of busy names.
    const settled = (): void => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail = result.then(settled, settled);
    this.tails.set(key, tail);
    return result;
  }

  /** How many names have work queued (tests check the map does not grow without bound). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
