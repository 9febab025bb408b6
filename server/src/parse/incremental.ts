// After an edit, re-reads only the items of the flow's state list (`States` / `steps`) that the
// edit touched and splices them into the previous version's tree; every other node is kept and
// moved by the length the edit added or removed. When the edit reaches outside the list's items,
// or the re-read span is not exactly items at the list's own indentation, it answers undefined
// and the caller parses the whole text: the incremental tree is always the tree a full parse
// would build (test/unit/parse/incremental.test.ts and the validation property test compare them).
import type { ArrayNode, Node, ObjectNode, ParsedText, Property } from './tree';
import { sourceOf, type TextReader } from './pieceText';
import { markReadByFastPath, wasReadByFastPath } from './fastPath';
import { scanStrictJsonItems } from './jsonScanner';
import { scanEverydayYaml } from './yamlScanner';
import { TreeBuilder } from './yamlTreeBuilder';
import { endOf, FIXED, PlainScalar, QuotedScalar, YamlArray, YamlContainer, YamlObject, YamlProperty } from './yamlNodes';
import { AttachedCache } from '../cache/attachedCache';

/** One contiguous change: `start..oldEnd` of the old text became `start..newEnd` of the new one. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  /**
   * The new text of `start..newEnd`, when known: the re-read then takes its characters from the
   * old text and this, and never flattens the new text (a rope of the old one's pieces) to read it.
   */
  readonly inserted?: string;
}

/** Which items of the state list were replaced, and by what. */
export interface ItemSplice {
  /** The `States` / `steps` array: the same node before and after the edit. */
  readonly list: ArrayNode;
  /** Index of the first replaced item. */
  readonly from: number;
  readonly removed: readonly Node[];
  readonly added: readonly Node[];
  /** How many characters the edit added (negative when it removed some). */
  readonly delta: number;
}

export interface IncrementalParse {
  readonly parsed: ParsedText;
  readonly splice: ItemSplice;
}

/** The version a tree came from, and how: readers that keep per-version indexes update them. */
export interface EditOrigin {
  readonly previous: ParsedText;
  readonly splice: ItemSplice;
  /** Where the old items (and the new ones) start: every node before it is unchanged. */
  readonly regionStart: number;
}

const origins = new AttachedCache<ParsedText, EditOrigin>('edit origin');

/** How `parsed` was made from an earlier version by reparseAfterEdit, if it was. */
export function editOrigin(parsed: ParsedText): EditOrigin | undefined {
  return origins.get(parsed);
}

/** The keys of the state lists whose items can be re-read alone (current and legacy FDL). */
const LIST_KEYS = new Set(['States', 'steps']);

/** Equal-length chunks compared as strings (a memory compare) before the character loop. */
const CHUNK = 4096;

/** The one change that turns `a` into `b` (common prefix and suffix removed); undefined if equal. */
export function diffTexts(a: string, b: string): TextChange | undefined {
  if (a === b) return undefined;
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= n && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  const room = n - p;
  let s = 0;
  while (s + CHUNK <= room && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/**
 * The one change equal to `first` followed by `second` (whose offsets are in the text after
 * `first`): it covers both, in offsets of the text before `first`.
 */
export function mergeTextChanges(first: TextChange, second: TextChange): TextChange {
  if (isEmpty(first)) return second;
  if (isEmpty(second)) return first;
  const start = Math.min(first.start, second.start);
  // Up to first.newEnd the text after `first` lines up with the old text only before first.start.
  const coveredEnd = Math.max(first.newEnd, second.oldEnd);
  return {
    start,
    oldEnd: coveredEnd - first.newEnd + first.oldEnd,
    newEnd: coveredEnd + second.newEnd - second.oldEnd,
  };
}

/**
 * The new version's tree, built by re-reading only the edited items of `old`'s state list, or
 * undefined when that cannot be proven equal to a full parse. On success `old`'s tree is
 * updated in place and shared with the result: `old` must not be read afterwards. `known` is
 * where the text changed when the editor said so; without it the two texts are compared.
 */
export function reparseAfterEdit(old: ParsedText, text: TextReader, known?: TextChange): IncrementalParse | undefined {
  const editable = editableList(old);
  if (!editable) return undefined;
  const { root, holder, list } = editable;
  const oldText = sourceOf(old);
  const change = known ? nonEmpty(known) : diffTexts(String(oldText), String(text));
  if (change === undefined) return withOrigin(old, text, { list, from: 0, removed: [], added: [], delta: 0 }, 0);
  const found = old.format === 'json' ? jsonItems(oldText, text, list, change) : yamlItems(oldText, text, list, change);
  if (!found) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const removed = list.items.slice(found.from, found.to + 1);
  if (list.items.length - removed.length + found.added.length === 0) return undefined;
  const regionStart = Math.min(removed[0]!.range.start, found.added[0]?.range.start ?? Infinity);
  applySplice(old.format === 'json', root, holder, list, found.from, removed.length, found.added, delta);
  // A block list starts at its first dash, which a re-read first item may have moved.
  if (found.from === 0 && found.listStart !== undefined && list instanceof YamlArray) list.startOffset = found.listStart;
  return withOrigin(old, text, { list, from: found.from, removed, added: found.added, delta }, regionStart);
}

const isEmpty = (change: TextChange): boolean => change.start === change.oldEnd && change.start === change.newEnd;

/** A reported change, or undefined when it changed nothing. */
function nonEmpty(change: TextChange): TextChange | undefined {
  return isEmpty(change) ? undefined : change;
}

function withOrigin(old: ParsedText, text: TextReader, splice: ItemSplice, regionStart: number): IncrementalParse {
  const parsed: ParsedText = typeof text === 'string'
    ? { format: old.format, text, root: old.root, syntaxProblems: [] }
    // The whole text is joined only when a reader asks for it.
    : { format: old.format, get text() { return String(text); }, source: text, root: old.root, syntaxProblems: [] };
  markReadByFastPath(parsed);
  // Only the newest step is kept: each version holding its predecessor's origin would keep
  // every earlier version's text alive for as long as the document stays open.
  origins.delete(old);
  origins.set(parsed, { previous: old, splice, regionStart });
  return { parsed, splice };
}

/** Whether an edit of `parsed` inside its state list can be re-read alone (reparseAfterEdit may then succeed). */
export function readsEditsAlone(parsed: ParsedText): boolean {
  return editableList(parsed) !== undefined;
}

/** The state list an edit of `parsed` can be re-read in, with the property and root holding it. */
function editableList(parsed: ParsedText): { root: ObjectNode; holder: Property; list: ArrayNode } | undefined {
  if (!wasReadByFastPath(parsed) || parsed.syntaxProblems.length > 0) return undefined;
  const root = parsed.root;
  if (root?.kind !== 'object') return undefined;
  const holder = stateListProperty(root);
  const list = holder?.value;
  if (!holder || list?.kind !== 'array' || list.items.length === 0) return undefined;
  return { root, holder, list };
}

/** The root's only `States` or `steps` property (a repeated or second list key is not handled). */
function stateListProperty(root: ObjectNode): Property | undefined {
  let found: Property | undefined;
  for (const p of root.properties) {
    if (!LIST_KEYS.has(p.key)) continue;
    if (found) return undefined;
    found = p;
  }
  return found;
}

interface FoundItems {
  /** First and last index of the old items the edit touched. */
  readonly from: number;
  readonly to: number;
  /** What they became, with offsets in the new text. */
  readonly added: Node[];
  /** Where the re-read items' list starts (its first dash), for a YAML list whose first item was re-read. */
  readonly listStart?: number;
}

/** The largest index whose value is at most `offset` (-1 when none), by binary search. */
function lastAtOrBefore(count: number, startOf: (i: number) => number, offset: number): number {
  let lo = -1;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------- JSON

function jsonItems(oldText: TextReader, text: TextReader, list: ArrayNode, change: TextChange): FoundItems | undefined {
  const items = list.items;
  const from = lastAtOrBefore(items.length, (i) => items[i]!.range.start, change.start);
  if (from < 0) return undefined;
  let to = from;
  while (to < items.length && items[to]!.range.end < change.oldEnd) to++;
  if (to >= items.length) return undefined;
  const start = items[from]!.range.start;
  const end = items[to]!.range.end + change.newEnd - change.oldEnd;
  if (end <= start || oldText.length === 0) return undefined;
  // Read from a copy of the items' characters (and the one after them, where a value may end).
  const added = scanStrictJsonItems(text.slice(start, end + 1), 0, end - start);
  if (!added) return undefined;
  for (const item of added) {
    detachStrings(item);
    shiftItem(item, start);
  }
  return { from, to, added };
}

/** Gives every key and string value under `node` its own characters (see ownCopy). */
function detachStrings(node: Node): void {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') (node as { value: string }).value = ownCopy(node.value);
  } else if (node.kind === 'object') {
    for (const p of node.properties) {
      (p as { key: string }).key = ownCopy(p.key);
      if (p.value) detachStrings(p.value);
    }
  } else {
    for (const item of node.items) detachStrings(item);
  }
}

// ---------------------------------------------------------------- YAML

function lineStartOf(text: TextReader, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Where the line of item `i`'s `- ` starts, or -1 when the item does not begin on the line of its
 * dash at the list's indentation (`-` alone on its line, a comment between...).
 */
function itemLineStart(text: TextReader, item: Node, indent: number): number {
  const start = item.range.start;
  const line = lineStartOf(text, start);
  if (start - line < indent + 2) return -1;
  for (let i = line; i < line + indent; i++) if (text.charCodeAt(i) !== 32) return -1;
  if (text.charCodeAt(line + indent) !== 45 /* - */) return -1;
  for (let i = line + indent + 1; i < start; i++) if (text.charCodeAt(i) !== 32) return -1;
  return line;
}

function yamlItems(oldText: TextReader, text: TextReader, list: ArrayNode, change: TextChange): FoundItems | undefined {
  const items = list.items;
  const first = items[0]!;
  const firstLine = lineStartOf(oldText, first.range.start);
  const indent = oldText.indexOf('-', firstLine) - firstLine;
  if (indent < 0) return undefined;
  const regionStart = (i: number): number => lineStartOf(oldText, items[i]!.range.start);
  const from = lastAtOrBefore(items.length, regionStart, change.start);
  const to = lastAtOrBefore(items.length, regionStart, change.oldEnd);
  if (from < 0 || to < from) return undefined;
  const start = itemLineStart(oldText, items[from]!, indent);
  if (start < 0) return undefined;
  let end: number;
  if (to + 1 < items.length) {
    end = itemLineStart(oldText, items[to + 1]!, indent);
    if (end < 0) return undefined;
  } else {
    const nl = oldText.indexOf('\n', endOf(items[to]!));
    end = nl < 0 ? oldText.length : nl + 1;
    if (change.oldEnd > end) return undefined;
  }
  const newEnd = end + change.newEnd - change.oldEnd;
  if (newEnd < start) return undefined;
  const fragment = ownCopy(change.inserted === undefined ? text.slice(start, newEnd)
    : oldText.slice(start, change.start) + change.inserted + oldText.slice(change.oldEnd, end));
  if (newEnd < text.length && !fragment.endsWith('\n')) return undefined;
  if (!onlyItemsAt(fragment, indent)) return undefined;
  const builder = new TreeBuilder(fragment, fragment, []);
  if (!scanEverydayYaml(fragment, builder).readAll) return undefined;
  const root = builder.finish();
  if (root !== undefined && !(root instanceof YamlArray)) return undefined;
  const added = root ? root.items : [];
  for (const item of added) shiftItem(item, start);
  return root ? { from, to, added, listStart: root.startOffset + start } : { from, to, added };
}

/**
 * A string with its own characters: a slice of the whole text would keep that version's text
 * alive for as long as any value read from it (the new nodes' strings are slices of it) lives,
 * one whole text per edit.
 */
function ownCopy(slice: string): string {
  return (' ' + slice).slice(1);
}

/**
 * Whether every line of `fragment` is blank, a comment, an item's `- ` at `indent`, or (after
 * the first item) indented further: then the fragment holds whole items of the same list.
 */
function onlyItemsAt(fragment: string, indent: number): boolean {
  let seenItem = false;
  let at = 0;
  while (at < fragment.length) {
    let nl = fragment.indexOf('\n', at);
    if (nl < 0) nl = fragment.length;
    let i = at;
    while (i < nl && fragment.charCodeAt(i) === 32) i++;
    const c = fragment.charCodeAt(i);
    const blank = i === nl || (c === 13 && i + 1 === nl) || c === 35; /* # */
    if (!blank) {
      const spaces = i - at;
      const next = fragment.charCodeAt(i + 1);
      if (spaces === indent && c === 45 /* - */ && (i + 1 === nl || next === 32 || (next === 13 && i + 2 === nl))) seenItem = true;
      else if (spaces <= indent || !seenItem) return false;
    }
    at = nl + 1;
  }
  return true;
}

// ---------------------------------------------------------------- splicing

function applySplice(json: boolean, root: ObjectNode, holder: Property, list: ArrayNode, from: number, count: number, added: Node[], delta: number): void {
  for (const item of added) item.parent = list;
  list.items.splice(from, count, ...added);
  const after = from + added.length;
  if (delta !== 0) {
    // One number per state: each item's nodes share an anchor (yamlNodes.ts).
    const items = list.items;
    for (let i = after; i < items.length; i++) shiftItem(items[i]!, delta);
    const props = root.properties;
    for (let i = props.indexOf(holder) + 1; i < props.length; i++) shiftProperty(props[i]!, delta);
  }
  // The list, its property and the root end where their last child ends (YAML) or at their
  // closing bracket after the edit (JSON).
  if (json) {
    // The list and the root end at their closing brackets, after the edit.
    if (list instanceof YamlContainer) list.endOffset += delta;
    if (root instanceof YamlContainer) root.endOffset += delta;
    if (!(list instanceof YamlContainer)) moveEnd(list.range, delta);
    if (!(holder instanceof YamlProperty)) moveEnd(holder.range, delta);
    if (!(root instanceof YamlContainer)) moveEnd(root.range, delta);
  } else if (list instanceof YamlArray) {
    // As the tree builder closes a block collection: at its last child's end, never empty.
    const closedAt = (start: number, end: number): number => (end === start ? start + 1 : end);
    list.endOffset = closedAt(list.startOffset, endOf(list.items[list.items.length - 1]!));
    if (root instanceof YamlObject) {
      const last = root.properties[root.properties.length - 1];
      if (last instanceof YamlProperty) root.endOffset = closedAt(root.startOffset, last.end);
    }
  } else if (delta !== 0) {
    moveEnd(list.range, delta);
    moveEnd(holder.range, delta);
    moveEnd(root.range, delta);
  }
}

function moveEnd(range: { readonly end: number }, delta: number): void {
  (range as { end: number }).end += delta;
}

function moveRange(range: { readonly start: number; readonly end: number }, delta: number): void {
  const r = range as { start: number; end: number };
  r.start += delta;
  r.end += delta;
}

function shiftProperty(p: Property, delta: number): void {
  if (p instanceof YamlProperty) p.shift(delta);
  else {
    moveRange(p.keyRange, delta);
    moveRange(p.range, delta);
  }
  if (p.value) shiftTree(p.value, delta);
}

/** Moves an item of the state list and everything under it by `delta` characters. */
function shiftItem(item: Node, delta: number): void {
  if ((item instanceof PlainScalar || item instanceof YamlContainer || item instanceof QuotedScalar) && item.anchor !== FIXED) item.anchor.move(delta);
  else shiftTree(item, delta);
}

/** Moves a node and everything under it by `delta` characters. */
export function shiftTree(node: Node, delta: number): void {
  if (node instanceof PlainScalar || node instanceof YamlContainer || node instanceof QuotedScalar) node.shift(delta);
  else {
    moveRange(node.range, delta);
    // Some scalars share one object for both ranges: move it once.
    if (node.kind === 'scalar' && node.contentRange && node.contentRange !== node.range) moveRange(node.contentRange, delta);
  }
  if (node.kind === 'object') {
    for (const p of node.properties) shiftProperty(p, delta);
  } else if (node.kind === 'array') {
    for (const item of node.items) shiftTree(item, delta);
  }
}
