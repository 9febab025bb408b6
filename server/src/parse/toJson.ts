// The plain value of a positioned node, as JSON.parse / js-yaml `load` would give it
// (a property without a value yet reads as null; a repeated key keeps its last value). The parsers
// build no value of their own: one made while the tree is read would stay alive through the whole
// read, and every collection during it would copy it with the tree. It is made here, from the
// tree, when a reader (the schema check) asks, and let go at once.
import type { JsonValue, Node, Property } from './tree';

export function toJsonValue(node: Node | undefined): JsonValue | undefined {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array': {
      const out: JsonValue[] = new Array<JsonValue>(node.items.length);
      for (let i = 0; i < node.items.length; i++) out[i] = toJsonValue(node.items[i]) ?? null;
      return out;
    }
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const p of node.properties) setJsonProperty(out, p.key, p.value === undefined ? null : (toJsonValue(p.value) ?? null));
      return out;
    }
  }
}

/** Sets `key` on a plain object as JSON.parse would, the last write winning. */
export function setJsonProperty(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  // `__proto__` as a plain assignment would change the object's prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Adds to `out` each property whose key already appeared earlier among `props`. */
export function collectRepeatedKeys(props: readonly Property[], out: Property[]): void {
  // Small mappings are the norm: a quadratic scan beats allocating a Set for each.
  if (props.length <= 16) {
    for (let i = 1; i < props.length; i++) {
      const p = props[i]!;
      for (let j = 0; j < i; j++) {
        if (props[j]!.key === p.key) {
          out.push(p);
          break;
        }
      }
    }
    return;
  }
  const seen = new Set<string>();
  for (const p of props) {
    if (seen.has(p.key)) out.push(p);
    else seen.add(p.key);
  }
}
