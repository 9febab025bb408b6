// Compact tree nodes for the YAML builder: the hot path of every validation creates one object
// per plain scalar and per property instead of three (node, range, key range). They satisfy the
// tree's interfaces, so readers cannot tell them from plain objects.
import type { ArrayNode, Node, ObjectNode, OffsetRange, Property, ScalarNode } from './tree';

/** A plain (unquoted, untagged) scalar: its range object is made only when something asks for it. */
export class PlainScalar implements ScalarNode {
  readonly kind = 'scalar' as const;
  readonly quoted = false;
  parent: ScalarNode['parent'] = undefined;
  private span: OffsetRange | undefined = undefined;
  constructor(
    readonly value: string | number | boolean | null,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}
  /** The same object every time (range and content range are one span for a plain scalar). */
  get range(): OffsetRange {
    return (this.span ??= { start: this.startOffset, end: this.endOffset });
  }
  get contentRange(): OffsetRange {
    return this.range;
  }
}

/** A mapping entry whose key range and full range are made only when something asks for them. */
export class YamlProperty implements Property {
  readonly kind = 'property' as const;
  private keySpan: OffsetRange | undefined = undefined;
  constructor(
    readonly key: string,
    readonly keyStart: number,
    readonly keyEnd: number,
    public value: Node | undefined,
    readonly parent: ObjectNode,
    /** Where the value ends (the key's end while there is no value); stretched when a block closes. */
    public end: number,
  ) {}
  /** The same object every time. */
  get keyRange(): OffsetRange {
    return (this.keySpan ??= { start: this.keyStart, end: this.keyEnd });
  }
  get range(): OffsetRange {
    return { start: this.keyStart, end: this.end };
  }
}

/** A mapping or sequence: its end is known when it closes; the range object is made on request. */
abstract class YamlContainer {
  parent: ObjectNode['parent'] = undefined;
  private span: OffsetRange | undefined = undefined;
  constructor(
    readonly startOffset: number,
    /** Equal to the start until the builder closes the container. */
    public endOffset: number,
  ) {}
  get range(): OffsetRange {
    return (this.span ??= { start: this.startOffset, end: this.endOffset });
  }
  /** Sets the end once the last child is known. */
  close(end: number): void {
    this.endOffset = end;
    this.span = undefined;
  }
}

export class YamlObject extends YamlContainer implements ObjectNode {
  readonly kind = 'object' as const;
  readonly properties: Property[] = [];
}

export class YamlArray extends YamlContainer implements ArrayNode {
  readonly kind = 'array' as const;
  readonly items: Node[] = [];
}

/** Where a node ends, without making a range object for the builder's own nodes. */
export function endOf(node: Node): number {
  return node instanceof PlainScalar || node instanceof YamlContainer ? node.endOffset : node.range.end;
}
