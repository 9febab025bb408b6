// A cache of values computed from objects, kept on each object under a private symbol, for
// objects that live as long as one version of a document (its tree, its model) or one run.
//
// Why not a WeakMap: V8's young-generation collector (the scavenger) treats a WeakMap's values as
// reachable until the next full collection, and with them everything they refer to. A model
// cached by its parsed version refers to the tree, so every validation's tree, model and
// diagnostics survived each scavenge and were copied and promoted: at 1,000 states a scavenge
// took 20-30 ms and validation cost twice its own work. A value held by its key dies with it.
export class AttachedCache<K extends object, V> {
  private readonly slot: symbol;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(key: K): V | undefined {
    return (key as Record<symbol, V | undefined>)[this.slot];
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    if (Object.hasOwn(key, this.slot)) (key as Record<symbol, V | undefined>)[this.slot] = value;
    // Not enumerable: copies, comparisons and serialisations of the key do not see it.
    else Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false });
  }

  /** Forgets the value of `key` (the slot stays, empty, so the object keeps its shape). */
  delete(key: K): void {
    if (Object.hasOwn(key, this.slot)) (key as Record<symbol, V | undefined>)[this.slot] = undefined;
  }
}
