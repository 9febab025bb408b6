// What the features compute from one document version (an analysis, the outline, the folding,
// schema diagnostics), kept on that version's record: the language service decides how long a
// version lives, and its derived results go with it.

/** Names one kind of derived result and its type. */
export interface DerivedKey<T> {
  readonly name: string;
  /** Never set: carries `T` so that `get` is typed by the key. */
  readonly type?: T;
}

export function derivedKey<T>(name: string): DerivedKey<T> {
  return { name };
}

export class DerivedResults {
  private readonly results = new Map<DerivedKey<unknown>, unknown>();

  /** The result for `key`, computed on first request. */
  get<T>(key: DerivedKey<T>, compute: () => T): T {
    if (this.results.has(key)) return this.results.get(key) as T;
    const value = compute();
    this.results.set(key, value);
    return value;
  }
}
