// The plain value of a parsed document, built by the parser in the same pass as the tree so
// schema validation does not walk the tree again. Shared and read-only: never mutate it; use
// `toJsonValue` for a private copy.
import type { JsonValue, ParsedText } from './tree';
import { toJsonValue } from './toJson';

const values = new WeakMap<ParsedText, JsonValue>();

export function rememberValue(parsed: ParsedText, value: JsonValue): void {
  values.set(parsed, value);
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
