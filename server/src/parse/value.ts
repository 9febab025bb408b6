// The plain value of a parsed document (as js-yaml `load` / JSON.parse would give it), made from
// its tree when a reader asks. The parsers build none: one made while the tree is read would stay
// alive through the whole read, and every collection during it would copy it with the tree.
import type { JsonValue, ParsedText } from './tree';
import { toJsonValue } from './toJson';

/** The document's plain value; undefined without a root. A fresh copy each time: the caller may keep or change it. */
export function documentValue(parsed: ParsedText): JsonValue | undefined {
  if (parsed.root === undefined) return undefined;
  return toJsonValue(parsed.root) ?? null;
}
