// The plain value of a positioned node, as JSON.parse / js-yaml `load` would give it
// (a property without a value yet reads as null; a repeated key keeps its last value).
import type { JsonValue, Node } from './tree';

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
      for (const p of node.properties) {
        const v = p.value === undefined ? null : (toJsonValue(p.value) ?? null);
        // `__proto__` as a plain assignment would change the object's prototype.
        if (p.key === '__proto__') Object.defineProperty(out, p.key, { value: v, enumerable: true, writable: true, configurable: true });
        else out[p.key] = v;
      }
      return out;
    }
  }
}
