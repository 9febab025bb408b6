// Compact tree nodes for the YAML builder and the strict JSON reader. Every validation builds a
// whole tree and keeps it for the editor's other features, so the tree's size is what the garbage collector copies
// on each validation: these nodes keep only what varies per node (constants such as `kind` live
// on the prototype) and make range objects only when something asks for one. They satisfy the
// tree's interfaces, so readers cannot tell them from plain objects.
//
// Offsets are stored relative to an Anchor shared by every node of one item of a top-level list
// (a flow's state): an edit that adds or removes characters before a state moves all its nodes
// by changing that one number, instead of visiting each node (see parse/incremental.ts).
import type { ArrayNode, Node, ObjectNode, OffsetRange, Property, ScalarNode } from './tree';

/** A shift shared by the nodes of one top-level item; FIXED for every other node. */
export class Anchor {
  delta = 0;
  /** Range objects of the item's plain-object nodes (quoted, tagged, empty scalars): moved one by one. */
  loose: { start: number; end: number }[] | undefined = undefined;

  /** Moves every node of the item by `by` characters. */
  move(by: number): void {
    this.delta += by;
    const loose = this.loose;
    if (loose === undefined) return;
    for (let i = 0; i < loose.length; i++) {
      const r = loose[i]!;
      r.start += by;
      r.end += by;
    }
  }
}

/** The anchor of nodes outside any top-level item: never moved, so their offsets are as stored. */
export const FIXED = new Anchor();

/** Start and end offsets stored relative to an anchor. */
abstract class Positioned {
  private s: number;
  private e: number;
  constructor(
    startOffset: number,
    /** For a container: equal to the start until the builder closes it. */
    endOffset: number,
    readonly anchor: Anchor,
  ) {
    this.s = startOffset - anchor.delta;
    this.e = endOffset - anchor.delta;
  }
  get startOffset(): number {
    return this.s + this.anchor.delta;
  }
  set startOffset(offset: number) {
    this.s = offset - this.anchor.delta;
  }
  get endOffset(): number {
    return this.e + this.anchor.delta;
  }
  set endOffset(offset: number) {
    this.e = offset - this.anchor.delta;
  }
  /** Moves this node alone (not its children) by `delta` characters. */
  shift(delta: number): void {
    this.s += delta;
    this.e += delta;
  }
}

/** A plain (unquoted, untagged) scalar. */
export class PlainScalar extends Positioned implements ScalarNode {
  declare readonly kind: 'scalar';
  declare readonly quoted: false;
  parent: ScalarNode['parent'] = undefined;
  constructor(
    readonly value: string | number | boolean | null,
    startOffset: number,
    endOffset: number,
    anchor: Anchor,
  ) {
    super(startOffset, endOffset, anchor);
  }
  get range(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
  /** A plain scalar is read from exactly its range. */
  get contentRange(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
}

/** A quoted scalar whose quotes are one character each (a JSON string): its content sits inside them. */
export class QuotedScalar extends Positioned implements ScalarNode {
  declare readonly kind: 'scalar';
  declare readonly quoted: true;
  parent: ScalarNode['parent'] = undefined;
  constructor(
    readonly value: string,
    startOffset: number,
    endOffset: number,
    anchor: Anchor,
  ) {
    super(startOffset, endOffset, anchor);
  }
  get range(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
  get contentRange(): OffsetRange {
    return { start: this.startOffset + 1, end: this.endOffset - 1 };
  }
}

/** A mapping entry. */
export class YamlProperty implements Property {
  declare readonly kind: 'property';
  private ks: number;
  private ke: number;
  constructor(
    readonly key: string,
    keyStart: number,
    keyEnd: number,
    public value: Node | undefined,
    readonly parent: ObjectNode,
    private readonly anchor: Anchor,
  ) {
    this.ks = keyStart - anchor.delta;
    this.ke = keyEnd - anchor.delta;
  }
  get keyStart(): number {
    return this.ks + this.anchor.delta;
  }
  get keyEnd(): number {
    return this.ke + this.anchor.delta;
  }
  /** Moves the key by `delta` characters; the value moves by itself. */
  shift(delta: number): void {
    this.ks += delta;
    this.ke += delta;
  }
  get keyRange(): OffsetRange {
    return { start: this.keyStart, end: this.keyEnd };
  }
  get range(): OffsetRange {
    return { start: this.keyStart, end: this.end };
  }
  /** Where the value ends (the key's end while there is no value): found from the value, not stored. */
  get end(): number {
    const value = this.value;
    if (value === undefined) return this.keyEnd;
    const valueEnd = endOf(value);
    return valueEnd > this.keyEnd ? valueEnd : this.keyEnd;
  }
}

/** A mapping or sequence: its end is known when it closes. */
export abstract class YamlContainer extends Positioned {
  parent: ObjectNode['parent'] = undefined;
  get range(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
}

// Builders give a container its children in one array when it closes (of exactly their size); an
// empty one keeps these, shared and frozen, rather than an array of its own that most would drop.
const NO_PROPERTIES: Property[] = Object.freeze([]) as unknown as Property[];
const NO_ITEMS: Node[] = Object.freeze([]) as unknown as Node[];

export class YamlObject extends YamlContainer implements ObjectNode {
  declare readonly kind: 'object';
  readonly properties: Property[] = NO_PROPERTIES;
}

export class YamlArray extends YamlContainer implements ArrayNode {
  declare readonly kind: 'array';
  readonly items: Node[] = NO_ITEMS;
}

const constant = (value: unknown): PropertyDescriptor => ({ value, enumerable: true });
Object.defineProperties(PlainScalar.prototype, { kind: constant('scalar'), quoted: constant(false) });
Object.defineProperties(QuotedScalar.prototype, { kind: constant('scalar'), quoted: constant(true) });
Object.defineProperties(YamlProperty.prototype, { kind: constant('property') });
Object.defineProperties(YamlObject.prototype, { kind: constant('object') });
Object.defineProperties(YamlArray.prototype, { kind: constant('array') });

/** Where a node ends, without making a range object for the builder's own nodes. */
export function endOf(node: Node): number {
  return node instanceof PlainScalar || node instanceof YamlContainer || node instanceof QuotedScalar ? node.endOffset : node.range.end;
}

/** Where a node starts, without making a range object for the builder's own nodes. */
export function startOf(node: Node): number {
  return node instanceof PlainScalar || node instanceof YamlContainer || node instanceof QuotedScalar ? node.startOffset : node.range.start;
}
