// A positioned tree as plain data: everything a reader of the tree can see (kinds, ranges,
// values, tags), for comparing the trees two parsers build. Parent links are checked on the way.
import assert from 'node:assert/strict';
import type { Node, Property } from '../../../server/src/parse/tree';

export function describeNode(node: Node | undefined, parent: unknown): unknown {
  if (node === undefined) return undefined;
  assert.equal(node.parent, parent, 'parent link');
  const base = { kind: node.kind, range: [node.range.start, node.range.end], aliasOf: node.aliasOf };
  switch (node.kind) {
    case 'scalar':
      return { ...base, value: plain(node.value), quoted: node.quoted, tag: node.tag, content: node.contentRange && [node.contentRange.start, node.contentRange.end] };
    case 'array':
      return { ...base, items: node.items.map((item) => describeNode(item, node)) };
    case 'object':
      return { ...base, properties: node.properties.map((p) => describeProperty(p, node)) };
  }
}

function describeProperty(p: Property, parent: unknown): unknown {
  assert.equal(p.parent, parent, 'property parent link');
  return { key: p.key, keyRange: [p.keyRange.start, p.keyRange.end], range: [p.range.start, p.range.end], value: describeNode(p.value, p) };
}

/** NaN and -0 as words, so that deepEqual compares them as the parsers meant them. */
function plain(value: string | number | boolean | null): unknown {
  if (Number.isNaN(value)) return 'NaN';
  return Object.is(value, -0) ? '-0' : value;
}
