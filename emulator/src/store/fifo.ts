// A first-in, first-out queue: added at the back, taken from the front, both in constant time.
// Neither a Set nor an array does that at the sizes the store keeps:
// - a Set emptied from its front (delete of values().next().value) leaves each deleted slot in its
//   table until the table is rebuilt, and every values().next() walks past all of them: with the
//   10,000 results a flow keeps, taking the oldest cost about 5 µs;
// - an array's shift() moves every element once the array is past V8's large-object size (about
//   16,000 elements): at 100,000 it cost about 0.1 ms.

export class Fifo<T> {
  /** Taken items are cleared to undefined, so the queue does not keep them alive. */
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Removes and returns the oldest item (undefined when empty). */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    // Drop the cleared front once it is half the array: each item is copied once on average.
    if (this.head >= COMPACT_FROM && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}

/** A front shorter than this is left in place: copying a short array costs more than it frees. */
const COMPACT_FROM = 1024;
