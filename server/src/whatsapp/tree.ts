// Small readers over the positioned tree, shared by the Flow JSON checks and editor features.
import type { ArrayNode, Node, ObjectNode, OffsetRange, ScalarNode } from '../parse/tree';
import { propertyValue } from '../parse/properties';

export function asObject(node: Node | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function asArray(node: Node | undefined): ArrayNode | undefined {
  return node?.kind === 'array' ? node : undefined;
}

export function asScalar(node: Node | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

export function stringValue(obj: ObjectNode | undefined, key: string): string | undefined {
  const v = asScalar(propertyValue(obj, key));
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
