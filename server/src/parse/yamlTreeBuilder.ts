// Builds the positioned tree from YAML events, one event at a time: the
// events come either from js-yaml 5's `parseEvents` or from the scanner for everyday YAML
// (yamlScanner.ts), so both paths share one builder and give the same tree.
import type { Event, MappingEvent, ScalarEvent, SequenceEvent } from 'js-yaml';
// `require`, not `import`: see yaml.ts (js-yaml's CommonJS build is the fast one).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate, for speed
import jsYaml = require('js-yaml');

const { getScalarValue, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } = jsYaml;
import type { ArrayNode, Node, ObjectNode, OffsetRange, Property, ScalarNode, SyntaxProblem } from './tree';
import { resolvePlainScalar, resolveTaggedScalar } from './scalars';
import { Anchor, endOf, FIXED, PlainScalar, YamlArray, YamlObject, YamlProperty } from './yamlNodes';
import { internKey, keyAt } from './sharedStrings';
import { takeFrom } from './childStack';
import { charCodesOf, type CharCodes } from './charCodes';

/** Aliases are expanded by copying; this bounds the copies (a "billion laughs" document). */
const MAX_ALIAS_EXPANSION_NODES = 100_000;

interface Frame {
  readonly node: YamlObject | YamlArray;
  /** Mappings: the key read and waiting for its value. */
  key: string | undefined;
  /** The waiting key's span; `keyEnd` is -1 while no key is waiting. */
  keyStart: number;
  keyEnd: number;
  /** Set when this container is itself a (complex) mapping key. */
  readonly asKey: boolean;
  /** `{...}`/`[...]` rather than an indented block: its range ends at the closing bracket. */
  readonly flow: boolean;
  /** Keys of a large mapping, for the repeated-key check (small ones are scanned instead). */
  keys: Set<string> | undefined;
  /** Where this container's children start in the builder's `children` stack. */
  readonly from: number;
}

/** Up to this many properties a mapping is scanned for a repeated key; beyond it a Set is kept. */
const SCAN_KEYS_UP_TO = 16;

/**
 * Builds the tree in one pass. This is the hot path of every validation,
 * and the tree outlives it (the editor's other features read it), so it allocates as little as
 * it can: the compact nodes of yamlNodes.ts, keys shared across documents, children gathered on
 * one stack and copied once into arrays of their exact size, events dropped once read.
 */
export class TreeBuilder {
  private readonly stack: Frame[] = [];
  /**
   * The children of every open container, innermost last: each container takes its own in one
   * exact-size array when it closes (an array grown by `push` keeps room for 16 or more).
   */
  private readonly children: (Node | Property)[] = [];
  private readonly anchors = new Map<string, Node>();
  private root: Node | undefined;
  /** Properties whose key already appeared in the same mapping. */
  readonly repeatedKeys: Property[] = [];
  private lastEnd = 0;
  private aliasBudget = MAX_ALIAS_EXPANSION_NODES;
  private documents = 0;
  /** The anchor of the nodes being built: each item of a list at most two levels deep (a flow's state) gets its own. */
  private anchor: Anchor = FIXED;
  /** The depth of the list whose item holds the current anchor. */
  private anchorDepth = 0;

  /** The source's code units (made on first use), which the scanner reads and shared keys are compared with. */
  private codes: CharCodes | undefined;

  constructor(
    private readonly text: string,
    /** The text the events came from (`text` with blanked lines after a syntax error). */
    private readonly source: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  sourceCodes(): CharCodes {
    return (this.codes ??= charCodesOf(this.source));
  }

  /** Reads a whole event stream (the general parser's), dropping each event once read. */
  build(events: Event[]): void {
    const n = events.length;
    for (let i = 0; i < n && this.documents <= 1; i++) {
      const ev = events[i]!;
      // Drop each event once read: a collection during the build then need not copy the whole stream.
      (events as (Event | undefined)[])[i] = undefined;
      this.event(ev);
    }
  }

  /** Takes one event. The builder keeps none of the event objects, so a caller may reuse them. */
  event(ev: Event): void {
    switch (ev.type) {
      case EVENT_ID.SCALAR:
        this.scalar(ev);
        break;
      case EVENT_ID.POP:
        this.pop();
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        this.collection(ev);
        break;
      case EVENT_ID.ALIAS:
        this.alias(ev.anchorStart, ev.anchorEnd);
        break;
      case EVENT_ID.DOCUMENT:
        this.documents++; // only the first document is a flow: `build` stops at the second
        break;
    }
  }

  /** The root; containers left open (a second document started) still get the children read so far. */
  finish(): Node | undefined {
    while (this.stack.length > 0) this.takeChildren(this.stack.pop()!);
    return this.root;
  }

  /** Moves a closing container's children from the shared stack into an array of exactly their size. */
  private takeChildren(frame: Frame): void {
    const children = this.children;
    if (children.length === frame.from) return;
    const own = takeFrom(children, frame.from, children.length);
    children.length = frame.from;
    if (frame.node.kind === 'object') (frame.node as { properties: Property[] }).properties = own as Property[];
    else (frame.node as { items: Node[] }).items = own as Node[];
  }

  private isKeyPosition(): boolean {
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top.node.kind === 'object' && top.keyEnd < 0;
  }

  // `collection`, `scalar` and `pop` take one event each; the scanner calls them directly.

  collection(ev: MappingEvent | SequenceEvent): void {
    const isMap = ev.type === EVENT_ID.MAPPING;
    this.startItem();
    const anchor = this.anchor;
    const node = isMap ? new YamlObject(ev.start, ev.start, anchor) : new YamlArray(ev.start, ev.start, anchor);
    const asKey = this.isKeyPosition();
    if (ev.anchorStart >= 0) this.anchors.set(this.source.slice(ev.anchorStart, ev.anchorEnd), node);
    if (!asKey) this.attach(node);
    this.stack.push({ node, key: undefined, keyStart: -1, keyEnd: -1, asKey, flow: ev.style === COLLECTION_STYLE.FLOW, keys: undefined, from: this.children.length });
  }

  scalar(ev: ScalarEvent): void {
    const top = this.stack[this.stack.length - 1];
    const empty = ev.valueStart < 0;
    if (top !== undefined && top.node.kind === 'object') {
      if (top.keyEnd < 0) {
        // A key. An empty key (`: x`) keeps a zero-width range where the value starts.
        if (empty) {
          top.key = '';
          top.keyStart = this.lastEnd;
          top.keyEnd = this.lastEnd;
        } else {
          top.key = ev.fast ? keyAt(this.source, this.sourceCodes(), ev.valueStart, ev.valueEnd) : internKey(getScalarValue(this.source, ev));
          if (ev.style === SCALAR_STYLE.PLAIN) {
            top.keyStart = ev.valueStart;
            top.keyEnd = ev.valueEnd;
          } else {
            const r = this.scalarRange(ev);
            top.keyStart = r.start;
            top.keyEnd = r.end;
          }
        }
        this.lastEnd = top.keyEnd;
        return;
      }
      if (empty && ev.tagStart < 0 && ev.anchorStart < 0) {
        // `Key:` with nothing after it yet: keep the property, without a value.
        this.addProperty(top, undefined);
        return;
      }
    }
    this.startItem();
    const node = this.makeScalar(ev);
    if (ev.anchorStart >= 0) this.anchors.set(this.source.slice(ev.anchorStart, ev.anchorEnd), node);
    this.attach(node);
    this.endItem();
  }

  /** A node about to be built as an item of a list at most two levels deep starts its own anchor. */
  private startItem(): void {
    if (this.anchor !== FIXED) return;
    const depth = this.stack.length;
    if (depth === 0 || depth > 2 || this.stack[depth - 1]!.node.kind !== 'array') return;
    this.anchor = new Anchor();
    this.anchorDepth = depth;
  }

  /** Called once a node is complete: the anchor ends with the item that started it. */
  private endItem(): void {
    if (this.anchor !== FIXED && this.stack.length === this.anchorDepth) this.anchor = FIXED;
  }

  /** Registers a plain range object with the current item's anchor, which moves it with the item. */
  private loose<R extends OffsetRange>(range: R): R {
    if (this.anchor !== FIXED) (this.anchor.loose ??= []).push(range);
    return range;
  }

  private makeScalar(ev: ScalarEvent): ScalarNode {
    if (ev.valueStart < 0) {
      const at = ev.tagEnd >= 0 ? ev.tagEnd : ev.anchorEnd >= 0 ? ev.anchorEnd : this.lastEnd;
      const range = this.loose({ start: at, end: at });
      if (ev.tagStart >= 0) return { kind: 'scalar', value: null, quoted: false, range, contentRange: range, parent: undefined, tag: this.source.slice(ev.tagStart, ev.tagEnd) };
      return { kind: 'scalar', value: null, quoted: false, range, contentRange: range, parent: undefined };
    }
    const raw = ev.fast ? this.source.slice(ev.valueStart, ev.valueEnd) : getScalarValue(this.source, ev);
    const plain = ev.style === SCALAR_STYLE.PLAIN;
    if (ev.tagStart >= 0) {
      const tag = this.source.slice(ev.tagStart, ev.tagEnd);
      const range = this.loose(plain ? { start: ev.valueStart, end: ev.valueEnd } : this.scalarRange(ev));
      const contentRange = plain ? range : this.loose({ start: ev.valueStart, end: ev.valueEnd });
      return { kind: 'scalar', value: resolveTaggedScalar(tag, raw), quoted: !plain, range, contentRange, parent: undefined, tag };
    }
    if (plain) return new PlainScalar(resolvePlainScalar(raw), ev.valueStart, ev.valueEnd, this.anchor);
    return { kind: 'scalar', value: raw, quoted: true, range: this.loose(this.scalarRange(ev)), contentRange: this.loose({ start: ev.valueStart, end: ev.valueEnd }), parent: undefined };
  }

  /** The scalar's full source span: with its quotes, or from a block scalar's `|`/`>` indicator. */
  private scalarRange(ev: ScalarEvent): OffsetRange {
    const src = this.source;
    switch (ev.style) {
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return { start: ev.valueStart - 1, end: Math.min(src.length, ev.valueEnd + 1) };
      case SCALAR_STYLE.LITERAL_BLOCK:
      case SCALAR_STYLE.FOLDED_BLOCK: {
        const indicator = this.findIndicator(ev);
        // The content ends with its line break; the value's visible end is the last non-space.
        let end = ev.valueEnd;
        while (end > ev.valueStart && isSpace(src.charCodeAt(end - 1))) end--;
        return { start: indicator, end: Math.max(end, indicator + 1) };
      }
      default:
        return { start: ev.valueStart, end: ev.valueEnd };
    }
  }

  private findIndicator(ev: ScalarEvent): number {
    const ch = ev.style === SCALAR_STYLE.LITERAL_BLOCK ? '|' : '>';
    const from = Math.max(this.lastEnd, ev.tagEnd, ev.anchorEnd);
    const at = this.source.lastIndexOf(ch, ev.valueStart);
    return at >= from ? at : ev.valueStart;
  }

  private alias(anchorStart: number, anchorEnd: number): void {
    const name = this.source.slice(anchorStart, anchorEnd);
    this.startItem();
    const range = this.loose({ start: anchorStart - 1, end: anchorEnd });
    const target = this.anchors.get(name);
    let node: Node;
    if (target === undefined) {
      this.problems.push({ range, message: `Unknown YAML alias '*${name}': define the anchor '&${name}' before using it.` });
      node = { kind: 'scalar', value: null, quoted: false, range, contentRange: range, parent: undefined, aliasOf: name };
    } else {
      node = this.copyForAlias(target, range, name);
    }
    if (this.isKeyPosition()) {
      const frame = this.stack[this.stack.length - 1]!;
      frame.key = node.kind === 'scalar' ? String(node.value) : this.source.slice(range.start, range.end);
      frame.keyStart = range.start;
      frame.keyEnd = range.end;
      this.lastEnd = range.end;
      this.endItem();
      return;
    }
    this.attach(node);
    this.endItem();
  }

  /** Deep copy so each occurrence has its own parent; every copied range points at the alias. */
  private copyForAlias(target: Node, range: OffsetRange, name: string): Node {
    if (--this.aliasBudget < 0) {
      if (this.aliasBudget === -1) {
        this.problems.push({ range, message: 'Too many YAML alias expansions: this document expands aliases beyond a safe size; write the values out or use fewer aliases.' });
      }
      return { kind: 'scalar', value: null, quoted: false, range, contentRange: range, parent: undefined, aliasOf: name };
    }
    switch (target.kind) {
      case 'scalar': {
        const copy: ScalarNode = { kind: 'scalar', value: target.value, quoted: target.quoted, range, contentRange: range, parent: undefined, aliasOf: name };
        return target.tag === undefined ? copy : { ...copy, tag: target.tag };
      }
      case 'array': {
        const copy: ArrayNode = { kind: 'array', items: [], range, parent: undefined, aliasOf: name };
        for (const item of target.items) {
          const c = this.copyForAlias(item, range, name);
          c.parent = copy;
          copy.items.push(c);
        }
        return copy;
      }
      case 'object': {
        const copy: ObjectNode = { kind: 'object', properties: [], range, parent: undefined, aliasOf: name };
        for (const p of target.properties) {
          const prop: Property = { kind: 'property', key: p.key, keyRange: range, value: undefined, range, parent: copy };
          if (p.value) {
            prop.value = this.copyForAlias(p.value, range, name);
            prop.value.parent = prop;
          }
          copy.properties.push(prop);
        }
        return copy;
      }
    }
  }

  private attach(node: Node): void {
    const nodeEnd = endOf(node);
    if (nodeEnd > this.lastEnd) this.lastEnd = nodeEnd;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      if (this.root === undefined) this.root = node;
      return;
    }
    if (top.node.kind === 'array') {
      node.parent = top.node;
      this.children.push(node);
      return;
    }
    this.addProperty(top, node);
  }

  private addProperty(frame: Frame, value: Node | undefined): void {
    const key = frame.key!;
    const keyStart = frame.keyStart;
    const keyEnd = frame.keyEnd;
    frame.key = undefined;
    frame.keyEnd = -1;
    const obj = frame.node as ObjectNode;
    const prop = new YamlProperty(key, keyStart, keyEnd, value, obj, this.anchor);
    if (value !== undefined) value.parent = prop;
    // A repeated key is found among the mapping's own properties, by comparing a few short
    // strings; a Set only for a large mapping.
    const props = this.children as Property[];
    const from = frame.from;
    const count = props.length - from;
    if (count < SCAN_KEYS_UP_TO) {
      for (let i = from; i < props.length; i++) {
        if (props[i]!.key === key) {
          this.repeatedKeys.push(prop);
          break;
        }
      }
    } else {
      let keys = frame.keys;
      if (keys === undefined) {
        keys = new Set<string>();
        for (let i = from; i < props.length; i++) keys.add(props[i]!.key);
        frame.keys = keys;
      }
      if (keys.has(key)) this.repeatedKeys.push(prop);
      else keys.add(key);
    }
    props.push(prop);
  }

  pop(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    const node = frame.node;
    const start = node.startOffset;
    let end = start;
    const children = this.children;
    if (children.length > frame.from) {
      const last = children[children.length - 1]!;
      end = last instanceof YamlProperty ? last.end : endOf(last as Node);
    }
    this.takeChildren(frame);
    if (frame.flow) end = this.closingBracket(end, node.kind === 'object' ? '}' : ']');
    else if (end === start) end = start + 1;
    node.endOffset = end;
    if (end > this.lastEnd) this.lastEnd = end;
    this.endItem();
    if (frame.asKey) {
      const parent = this.stack[this.stack.length - 1];
      if (parent !== undefined) {
        parent.key = this.text.slice(start, end);
        parent.keyStart = start;
        parent.keyEnd = end;
      }
    }
  }

  /** After a flow collection's last item only spaces, commas and comments come before the bracket. */
  private closingBracket(from: number, bracket: string): number {
    const src = this.source;
    let i = from;
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === bracket) return i + 1;
      if (ch === '#') {
        const nl = src.indexOf('\n', i);
        i = nl < 0 ? src.length : nl + 1;
        continue;
      }
      if (ch === ',' || ch === '[' || ch === '{' || isSpace(ch.charCodeAt(0))) {
        i++;
        continue;
      }
      break;
    }
    return Math.max(from, i);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
