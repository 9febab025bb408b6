// Compact tree nodes for the YAML builder: the hot path of every validation creates one object
// per plain scalar and per property instead of three (node, range, key range). They satisfy the
// tree's interfaces, so readers cannot tell them from plain objects.
import type { Node, ObjectNode, OffsetRange, Property, ScalarNode } from './tree';

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

/** A mapping entry whose full range (key start to value end) is made only when asked for. */
export class YamlProperty implements Property {
  readonly kind = 'property' as const;
  constructor(
    readonly key: string,
    readonly keyRange: OffsetRange,
    public value: Node | undefined,
    readonly parent: ObjectNode,
    /** Where the value ends (the key's end while there is no value); stretched when a block closes. */
    public end: number,
  ) {}
  get range(): OffsetRange {
    return { start: this.keyRange.start, end: this.end };
  }
}

/** Where a node ends, without making a plain scalar's range object. */
export function endOf(node: Node): number {
  return node instanceof PlainScalar ? node.endOffset : node.range.end;
}
