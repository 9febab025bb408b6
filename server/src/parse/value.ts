// The plain value of a parsed document: the one the parser built (`ParsedText.value`) while the
// document still holds it, else one rebuilt from the tree.
import type { JsonValue, ParsedText } from './tree';
import { toJsonValue } from './toJson';

/** The document's plain value (as js-yaml `load` / JSON.parse would give it); undefined without a root. */
export function documentValue(parsed: ParsedText): JsonValue | undefined {
  if (parsed.root === undefined) return undefined;
  if (parsed.value !== undefined) return parsed.value;
  return toJsonValue(parsed.root) ?? null;
}

/**
 * Lets the parser's plain value go once its one reader (the schema check) is done: a cached
 * document version then keeps only its tree (a 10,000-state flow's value is as large as its tree).
 */
export function releaseValue(parsed: ParsedText): void {
  // The tree may be updated in place by a later edit; from now on the value comes from the tree.
  parsed.value = undefined;
}

/** The plain value the parser built for this very version, if it still holds it (never computed here). */
export function recordedValue(parsed: ParsedText): JsonValue | undefined {
  return parsed.value;
}
