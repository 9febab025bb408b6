// The plain value of a parsed document, built by the parser in the same pass as the tree so
// schema validation does not walk the tree again. Shared and read-only: never mutate it; use
// `toJsonValue` for a private copy.
import type { JsonValue, ParsedText, Property } from './tree';
import { toJsonValue } from './toJson';

const values = new WeakMap<ParsedText, JsonValue>();
const duplicates = new WeakMap<ParsedText, readonly Property[]>();

export function rememberValue(parsed: ParsedText, value: JsonValue, repeatedKeys: readonly Property[] = []): void {
  values.set(parsed, value);
  duplicates.set(parsed, repeatedKeys);
}

/**
 * Properties whose key already appeared earlier in the same mapping, as the parser found them
 * (undefined when the parse did not record them).
 */
export function repeatedKeys(parsed: ParsedText): readonly Property[] | undefined {
  return duplicates.get(parsed);
}

/** The document's plain value (as js-yaml `load` / JSON.parse would give it); undefined without a root. */
export function documentValue(parsed: ParsedText): JsonValue | undefined {
  if (parsed.root === undefined) return undefined;
  let v = values.get(parsed);
  if (v === undefined) {
    v = toJsonValue(parsed.root) ?? null;
    values.set(parsed, v);
  }
  return v;
}

/**
 * Lets the parser's plain value go once its one reader (the schema check) is done: a cached
 * document version then keeps only its tree. `documentValue` rebuilds it from the tree if asked again.
 */
export function releaseValue(parsed: ParsedText): void {
  values.delete(parsed);
}

/** The plain value the parser built for this very version, if it still holds it (never computed here). */
export function recordedValue(parsed: ParsedText): JsonValue | undefined {
  return values.get(parsed);
}
