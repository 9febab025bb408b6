// Reading a mapping by key: the one reader every feature, check and detection uses.
//
// A key written twice in one mapping is reported by the schema step (duplicate-key), but until it
// is fixed every reader must agree with the plain value: the last property with the key wins, as
// in JSON.parse and in js-yaml's value (`setJsonProperty` builds ours the same way).
import type { Node, ObjectNode, Property } from './tree';

/** The property that holds `key` in `obj`: the last one when the key is repeated. */
export function lastProperty(obj: ObjectNode | undefined, key: string): Property | undefined {
  if (!obj) return undefined;
  const props = obj.properties;
  for (let i = props.length - 1; i >= 0; i--) if (props[i]!.key === key) return props[i];
  return undefined;
}

/** The value of `key` in `obj` (the last property's when the key is repeated). */
export function propertyValue(obj: ObjectNode | undefined, key: string): Node | undefined {
  return lastProperty(obj, key)?.value;
}
