// Compact tree nodes for the YAML builder and the strict JSON reader. Every validation builds a
// whole tree and keeps it for the editor's other features, so the tree's size is what the garbage collector copies
// on each validation: these nodes keep only what varies per node (constants such as `kind` live
// on the prototype) and make range objects only when something asks for one. They satisfy the
// tree's interfaces, so readers cannot tell them from plain objects.
import type { ArrayNode, Node, ObjectNode, OffsetRange, Property, ScalarNode } from './tree';

/** A plain (unquoted, untagged) scalar. */
export class PlainScalar implements ScalarNode {
  declare readonly kind: 'scalar';
  declare readonly quoted: false;
  parent: ScalarNode['parent'] = undefined;
  constructor(
    readonly value: string | number | boolean | null,
    public startOffset: number,
    public endOffset: number,
  ) {}
  get range(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
  /** Moves the scalar by `delta` characters (an edit before it changed the text's length). */
  shift(delta: number): void {
    this.startOffset += delta;
    this.endOffset += delta;
  }
  /** A plain scalar is read from exactly its range. */
  get contentRange(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
}

/** A quoted scalar whose quotes are one character each (a JSON string): its content sits inside them. */
export class QuotedScalar implements ScalarNode {
  declare readonly kind: 'scalar';
  declare readonly quoted: true;
  parent: ScalarNode['parent'] = undefined;
  constructor(
    readonly value: string,
    public startOffset: number,
    public endOffset: number,
  ) {}
  get range(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
  get contentRange(): OffsetRange {
    return { start: this.startOffset + 1, end: this.endOffset - 1 };
  }
  shift(delta: number): void {
    this.startOffset += delta;
    this.endOffset += delta;
  }
}

/** A mapping entry. */
export class YamlProperty implements Property {
  declare readonly kind: 'property';
  constructor(
    readonly key: string,
    public keyStart: number,
    public keyEnd: number,
    public value: Node | undefined,
    readonly parent: ObjectNode,
  ) {}
  /** Moves the key by `delta` characters; the value moves by itself. */
  shift(delta: number): void {
    this.keyStart += delta;
    this.keyEnd += delta;
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
export abstract class YamlContainer {
  parent: ObjectNode['parent'] = undefined;
  constructor(
    public startOffset: number,
    /** Equal to the start until the builder closes the container. */
    public endOffset: number,
  ) {}
  get range(): OffsetRange {
    return { start: this.startOffset, end: this.endOffset };
  }
  /** Moves the container itself (not its children) by `delta` characters. */
  shift(delta: number): void {
    this.startOffset += delta;
    this.endOffset += delta;
  }
}

export class YamlObject extends YamlContainer implements ObjectNode {
  declare readonly kind: 'object';
  readonly properties: Property[] = [];
}

export class YamlArray extends YamlContainer implements ArrayNode {
  declare readonly kind: 'array';
  readonly items: Node[] = [];
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
