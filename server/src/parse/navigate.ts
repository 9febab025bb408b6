// Finding things in the positioned tree: by offset (what is under the cursor) and by
// JSON path (where an ajv error points).
import type { ArrayNode, Node, ObjectNode, Property } from './tree';
import { lastProperty } from './properties';

export interface NodeAtOffset {
  /** From the root down: each node, and the property between a mapping and its value. */
  readonly path: readonly (Node | Property)[];
  /** The innermost node whose range contains the offset (the value under the cursor). */
  readonly node: Node | undefined;
  /** The innermost property whose key or value contains the offset. */
  readonly property: Property | undefined;
  /** True when the offset is on that property's key (ends included: a cursor right after it counts). */
  readonly onKey: boolean;
}

const within = (offset: number, r: { start: number; end: number }): boolean => offset >= r.start && offset <= r.end;

/** The innermost node/property chain at `offset` (range ends are inclusive, as for a cursor). */
export function nodeAt(root: Node | undefined, offset: number): NodeAtOffset {
  const path: (Node | Property)[] = [];
  let node: Node | undefined;
  let property: Property | undefined;
  let onKey = false;
  let current: Node | undefined = root && within(offset, root.range) ? root : undefined;
  while (current) {
    path.push(current);
    node = current;
    let next: Node | undefined;
    if (current.kind === 'object') {
      const p = propertyAt(current, offset);
      if (p) {
        path.push(p);
        property = p;
        onKey = within(offset, p.keyRange);
        if (!onKey && p.value && within(offset, p.value.range)) next = p.value;
      }
    } else if (current.kind === 'array') {
      next = itemAt(current.items, offset);
    }
    if (property && (onKey || next === undefined) && path[path.length - 1] === property) break;
    current = next;
  }
  return { path, node, property, onKey };
}

/** Binary search: properties are in source order. */
function propertyAt(obj: ObjectNode, offset: number): Property | undefined {
  const props = obj.properties;
  let lo = 0;
  let hi = props.length - 1;
  let found: Property | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = props[mid]!;
    if (p.range.start <= offset) {
      if (offset <= p.range.end) found = p;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found) return found;
  // Alias copies share one range and break the ordering: fall back to a scan.
  return props.find((p) => within(offset, p.range));
}

function itemAt(items: Node[], offset: number): Node | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = items[mid]!;
    if (offset < n.range.start) hi = mid - 1;
    else if (offset > n.range.end) lo = mid + 1;
    else return n;
  }
  return undefined;
}

export type PathSegment = string | number;

/** The JSON path of a node or property from the root (`['States', 2, 'Next']`). */
export function pathOf(target: Node | Property): PathSegment[] {
  const out: PathSegment[] = [];
  let cur: Node | Property | undefined = target;
  while (cur) {
    if (cur.kind === 'property') {
      out.push(cur.key);
      cur = cur.parent;
      continue;
    }
    const parent: Property | ArrayNode | undefined = cur.parent;
    if (parent === undefined) break;
    if (parent.kind === 'array') {
      out.push(parent.items.indexOf(cur));
      cur = parent;
    } else {
      cur = parent; // the property pushes its own key
    }
  }
  return out.reverse();
}

export interface Located {
  /** The node at the path (undefined for a property that has no value yet). */
  readonly node: Node | undefined;
  /** The property the last segment named, when the path ends in a mapping key. */
  readonly property: Property | undefined;
}

/** Follows a JSON path; for a repeated key the last one wins, as in the plain value. */
export function findByPath(root: Node | undefined, segments: readonly PathSegment[]): Located | undefined {
  let node: Node | undefined = root;
  let property: Property | undefined;
  for (const seg of segments) {
    if (node === undefined) return undefined;
    if (node.kind === 'object') {
      property = lastProperty(node, String(seg));
      if (property === undefined) return undefined;
      node = property.value;
    } else if (node.kind === 'array') {
      const i = typeof seg === 'number' ? seg : Number(seg);
      node = Number.isInteger(i) ? node.items[i] : undefined;
      property = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { node, property };
}

/** Decodes an ajv `instancePath` (a JSON pointer such as `/States/0/Type`). */
export function segmentsOfPointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The nodes from the document root down to `node` (property values only, not the properties). */
export function nodesFromRoot(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | undefined = node; n; ) {
    chain.push(n);
    const parent: Node['parent'] = n.parent;
    if (parent === undefined) break;
    n = parent.kind === 'property' ? parent.parent : parent;
  }
  return chain.reverse();
}
