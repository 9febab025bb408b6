// YAML text -> positioned tree in one pass over js-yaml 5's flat event stream.
// js-yaml stops at the first syntax error, so on failure the offending line is blanked out
// (same length, offsets unchanged) and the text parsed again: the user sees the first error
// while every other feature keeps working on the rest of the document.
import { parseEvents, getScalarValue, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } from 'js-yaml';
import type { Event, ScalarEvent, YAMLException } from 'js-yaml';
import type { ArrayNode, Node, ObjectNode, OffsetRange, ParsedText, Property, ScalarNode, SyntaxProblem } from './tree';
import { resolvePlainScalar, resolveTaggedScalar } from './scalars';

/** Reparses after blanking lines at most this often before giving up on the rest. */
const MAX_RECOVERY_ATTEMPTS = 12;
/** Aliases are expanded by copying; this bounds the copies (a "billion laughs" document). */
const MAX_ALIAS_EXPANSION_NODES = 100_000;

export function parseYaml(text: string): ParsedText {
  const problems: SyntaxProblem[] = [];
  let source = text;
  const blanked = new Set<number>();
  for (let attempt = 0; attempt <= MAX_RECOVERY_ATTEMPTS; attempt++) {
    let events: Event[];
    try {
      events = parseEvents(source, {});
    } catch (err) {
      const position = errorPosition(err, source.length);
      if (attempt === 0) problems.push(syntaxProblemAt(text, position, errorReason(err)));
      const next = blankLineFor(source, position, blanked);
      if (next === undefined) break;
      source = next;
      continue;
    }
    const built = new TreeBuilder(text, source, problems).build(events);
    return { format: 'yaml', text, root: built, syntaxProblems: problems };
  }
  return { format: 'yaml', text, root: undefined, syntaxProblems: problems };
}

function errorPosition(err: unknown, length: number): number {
  const mark = (err as Partial<YAMLException> | undefined)?.mark;
  const p = typeof mark?.position === 'number' ? mark.position : 0;
  return Math.max(0, Math.min(p, length));
}

function errorReason(err: unknown): string {
  const e = err as Partial<YAMLException> | undefined;
  const reason = typeof e?.reason === 'string' ? e.reason : err instanceof Error ? err.message : String(err);
  return `YAML syntax error: ${reason}. Fix the text at this position (check indentation, quotes and brackets).`;
}

/** Underlines the error position; on a blank tail (e.g. an unclosed bracket) the last character before it. */
function syntaxProblemAt(text: string, position: number, message: string): SyntaxProblem {
  let lineEnd = text.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.slice(position, lineEnd).trim().length > 0) {
    const trimmedEnd = position + text.slice(position, lineEnd).trimEnd().length;
    return { range: { start: position, end: Math.max(position + 1, trimmedEnd) }, message };
  }
  let p = position - 1;
  while (p >= 0 && /\s/.test(text[p] ?? '')) p--;
  if (p < 0) return { range: { start: position, end: position }, message };
  return { range: { start: p, end: p + 1 }, message };
}

/** Replaces the error's line (or the nearest earlier non-blank line not yet blanked) with spaces. */
function blankLineFor(source: string, position: number, blanked: Set<number>): string | undefined {
  let lineStart = source.lastIndexOf('\n', position - 1) + 1;
  for (;;) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const content = source.slice(lineStart, lineEnd);
    if (content.trim().length > 0 && !blanked.has(lineStart)) {
      blanked.add(lineStart);
      return source.slice(0, lineStart) + content.replace(/[^\r]/g, ' ') + source.slice(lineEnd);
    }
    if (lineStart === 0) return undefined;
    lineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  }
}

interface ObjectFrame {
  readonly node: ObjectNode;
  /** The key read and waiting for its value. */
  key: { key: string; keyRange: OffsetRange } | undefined;
  /** Set when this container is itself a (complex) mapping key. */
  readonly asKey: boolean;
  /** `{...}` rather than an indented block: its range ends at the closing bracket. */
  readonly flow: boolean;
}
interface ArrayFrame {
  readonly node: ArrayNode;
  readonly asKey: boolean;
  readonly flow: boolean;
}
type Frame = ObjectFrame | ArrayFrame;

class TreeBuilder {
  private readonly stack: Frame[] = [];
  private readonly anchors = new Map<string, Node>();
  private root: Node | undefined;
  private lastEnd = 0;
  private aliasBudget = MAX_ALIAS_EXPANSION_NODES;
  private documents = 0;

  constructor(
    private readonly text: string,
    /** The text the events came from (`text` with blanked lines after a syntax error). */
    private readonly source: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  build(events: Event[]): Node | undefined {
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]!;
      switch (ev.type) {
        case EVENT_ID.DOCUMENT:
          this.documents++;
          if (this.documents > 1) return this.root; // only the first document is a flow
          break;
        case EVENT_ID.MAPPING: {
          const node: ObjectNode = { kind: 'object', properties: [], range: { start: ev.start, end: ev.start }, parent: undefined };
          const asKey = this.isKeyPosition();
          this.registerAnchor(ev.anchorStart, ev.anchorEnd, node);
          if (!asKey) this.attach(node);
          this.stack.push({ node, key: undefined, asKey, flow: ev.style === COLLECTION_STYLE.FLOW });
          break;
        }
        case EVENT_ID.SEQUENCE: {
          const node: ArrayNode = { kind: 'array', items: [], range: { start: ev.start, end: ev.start }, parent: undefined };
          const asKey = this.isKeyPosition();
          this.registerAnchor(ev.anchorStart, ev.anchorEnd, node);
          if (!asKey) this.attach(node);
          this.stack.push({ node, asKey, flow: ev.style === COLLECTION_STYLE.FLOW });
          break;
        }
        case EVENT_ID.SCALAR:
          this.scalar(ev);
          break;
        case EVENT_ID.ALIAS:
          this.alias(ev.anchorStart, ev.anchorEnd);
          break;
        case EVENT_ID.POP:
          this.pop();
          break;
      }
    }
    return this.root;
  }

  private isKeyPosition(): boolean {
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top.node.kind === 'object' && (top as ObjectFrame).key === undefined;
  }

  private scalar(ev: ScalarEvent): void {
    const top = this.stack[this.stack.length - 1];
    const empty = ev.valueStart < 0;
    if (top && top.node.kind === 'object') {
      const frame = top as ObjectFrame;
      if (frame.key === undefined) {
        // A key. An empty key (`: x`) keeps a zero-width range where the value starts.
        const key = empty ? '' : getScalarValue(this.source, ev);
        const at = empty ? this.lastEnd : ev.valueStart;
        const range = empty ? { start: at, end: at } : this.scalarRange(ev);
        frame.key = { key, keyRange: range };
        this.lastEnd = range.end;
        return;
      }
      if (empty && ev.tagStart < 0 && ev.anchorStart < 0) {
        // `Key:` with nothing after it yet: keep the property, without a value.
        this.addProperty(frame, undefined);
        return;
      }
    }
    const node = this.makeScalar(ev);
    this.registerAnchor(ev.anchorStart, ev.anchorEnd, node);
    this.attach(node);
  }

  private makeScalar(ev: ScalarEvent): ScalarNode {
    if (ev.valueStart < 0) {
      const at = ev.tagEnd >= 0 ? ev.tagEnd : ev.anchorEnd >= 0 ? ev.anchorEnd : this.lastEnd;
      const node: ScalarNode = { kind: 'scalar', value: null, quoted: false, range: { start: at, end: at }, contentRange: { start: at, end: at }, parent: undefined };
      if (ev.tagStart >= 0) (node as { tag?: string }).tag = this.source.slice(ev.tagStart, ev.tagEnd);
      return node;
    }
    const raw = getScalarValue(this.source, ev);
    const quoted = ev.style !== SCALAR_STYLE.PLAIN;
    const tag = ev.tagStart >= 0 ? this.source.slice(ev.tagStart, ev.tagEnd) : undefined;
    const value = tag !== undefined ? resolveTaggedScalar(tag, raw) : quoted ? raw : resolvePlainScalar(raw);
    const node: ScalarNode = {
      kind: 'scalar',
      value,
      quoted,
      range: this.scalarRange(ev),
      contentRange: { start: ev.valueStart, end: ev.valueEnd },
      parent: undefined,
    };
    if (tag !== undefined) (node as { tag?: string }).tag = tag;
    return node;
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
        while (end > ev.valueStart && /\s/.test(src[end - 1] ?? '')) end--;
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
    const range = { start: anchorStart - 1, end: anchorEnd };
    const target = this.anchors.get(name);
    let node: Node;
    if (target === undefined) {
      this.problems.push({ range, message: `Unknown YAML alias '*${name}': define the anchor '&${name}' before using it.` });
      node = { kind: 'scalar', value: null, quoted: false, range, contentRange: range, parent: undefined, aliasOf: name };
    } else {
      node = this.copyForAlias(target, range, name);
    }
    if (this.isKeyPosition()) {
      const frame = this.stack[this.stack.length - 1] as ObjectFrame;
      frame.key = { key: node.kind === 'scalar' ? String(node.value) : this.source.slice(range.start, range.end), keyRange: range };
      this.lastEnd = range.end;
      return;
    }
    this.attach(node);
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
      case 'scalar':
        return { ...target, range, contentRange: range, parent: undefined, aliasOf: name };
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

  private registerAnchor(start: number, end: number, node: Node): void {
    if (start >= 0) this.anchors.set(this.source.slice(start, end), node);
  }

  private attach(node: Node): void {
    this.lastEnd = Math.max(this.lastEnd, node.range.end);
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      if (this.root === undefined) this.root = node;
      return;
    }
    if (top.node.kind === 'array') {
      node.parent = top.node;
      top.node.items.push(node);
      return;
    }
    this.addProperty(top as ObjectFrame, node);
  }

  private addProperty(frame: ObjectFrame, value: Node | undefined): void {
    const k = frame.key!;
    frame.key = undefined;
    const end = value ? Math.max(value.range.end, k.keyRange.end) : k.keyRange.end;
    const prop: Property = { kind: 'property', key: k.key, keyRange: k.keyRange, value, range: { start: k.keyRange.start, end }, parent: frame.node };
    if (value) value.parent = prop;
    frame.node.properties.push(prop);
  }

  private pop(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    const node = frame.node;
    let end = node.range.start;
    if (node.kind === 'object') {
      const last = node.properties[node.properties.length - 1];
      if (last) end = last.range.end;
    } else {
      const last = node.items[node.items.length - 1];
      if (last) end = last.range.end;
    }
    if (frame.flow) end = this.closingBracket(end, node.kind === 'object' ? '}' : ']');
    else if (end === node.range.start) end = node.range.start + 1;
    (node as { range: OffsetRange }).range = { start: node.range.start, end };
    // The holding property was created when the container opened; stretch it to the real end.
    const holder = node.parent;
    if (holder?.kind === 'property') (holder as { range: OffsetRange }).range = { start: holder.range.start, end: Math.max(holder.range.end, end) };
    this.lastEnd = Math.max(this.lastEnd, end);
    if (frame.asKey) {
      const parent = this.stack[this.stack.length - 1] as ObjectFrame | undefined;
      if (parent) parent.key = { key: this.text.slice(node.range.start, end), keyRange: { start: node.range.start, end } };
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
      if (ch === ',' || ch === '[' || ch === '{' || /\s/.test(ch)) {
        i++;
        continue;
      }
      break;
    }
    return Math.max(from, i);
  }
}
