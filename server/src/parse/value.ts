// The plain value of a parsed document: the one the parser built (`ParsedText.value`) while the
// document still holds it, JSON.parse of the text when the strict JSON reader read it whole, else
// one rebuilt from the tree.
import type { JsonValue, ParsedText } from './tree';
import { toJsonValue } from './toJson';

/** Texts the strict JSON reader read whole: JSON.parse gives their value, faster than any walk. */
const strictJsonTexts = new WeakSet<ParsedText>();

/** Records that `parsed` is strict JSON read whole, so its value is JSON.parse of its text. */
export function valueIsJsonParseOfText(parsed: ParsedText): void {
  strictJsonTexts.add(parsed);
}

/** The document's plain value (as js-yaml `load` / JSON.parse would give it); undefined without a root. */
export function documentValue(parsed: ParsedText): JsonValue | undefined {
  if (parsed.root === undefined) return undefined;
  if (parsed.value !== undefined) return parsed.value;
  // JSON.parse keeps the last of a repeated key and makes `__proto__` an own property, as toJsonValue does.
  if (strictJsonTexts.has(parsed)) return JSON.parse(parsed.text) as JsonValue;
  return toJsonValue(parsed.root) ?? null;
}

/**
 * Lets the parser's plain value go once its one reader (the schema check) is done: a cached
 * document version then keeps only its tree (a 10,000-state flow's value is as large as its tree).
 */
export function releaseValue(parsed: ParsedText): void {
  parsed.value = undefined;
  // The tree may be updated in place by a later edit; from now on the value comes from the tree.
  strictJsonTexts.delete(parsed);
}

/** The plain value the parser built for this very version, if it still holds it (never computed here). */
export function recordedValue(parsed: ParsedText): JsonValue | undefined {
  return parsed.value;
}
