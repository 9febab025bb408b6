// Small readers over the positioned tree, shared by the Flow JSON checks and editor features.
import type { ArrayNode, Node, ObjectNode, OffsetRange, Property, ScalarNode } from '../parse/tree';

export function asObject(node: Node | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function asArray(node: Node | undefined): ArrayNode | undefined {
  return node?.kind === 'array' ? node : undefined;
}

export function asScalar(node: Node | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

/** The last property with this key (JSON keeps the last of repeated keys). */
export function property(obj: ObjectNode | undefined, key: string): Property | undefined {
  if (!obj) return undefined;
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (p && p.key === key) return p;
  }
  return undefined;
}

export function value(obj: ObjectNode | undefined, key: string): Node | undefined {
  return property(obj, key)?.value;
}

export function stringValue(obj: ObjectNode | undefined, key: string): string | undefined {
  const v = asScalar(value(obj, key));
  return typeof v?.value === 'string' ? v.value : undefined;
}

/** The span of a string's characters without its quotes (where offsets inside the string start). */
export function contentRange(node: ScalarNode): OffsetRange {
  if (node.contentRange) return node.contentRange;
  if (node.quoted && node.range.end - node.range.start >= 2) return { start: node.range.start + 1, end: node.range.end - 1 };
  return node.range;
}

/** Offset in the document of character `index` of a string scalar (exact when nothing before it is escaped). */
export function offsetInString(node: ScalarNode, index: number): number {
  const r = contentRange(node);
  return Math.min(r.start + index, r.end);
}

export function describeKind(node: Node | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.kind === 'object') return 'an object';
  if (node.kind === 'array') return 'an array';
  if (node.value === null) return 'null';
  return `a ${typeof node.value}`;
}

export function contains(range: OffsetRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
