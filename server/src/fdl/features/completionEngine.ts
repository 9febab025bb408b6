// Completion shared by both specs: works out from the line and the tree whether the cursor is on
// a key or a value and which object it belongs to (by indentation, so a half-typed line that does
// not parse yet still completes), then asks the spec for keys or values.
import {
  CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range,
} from 'vscode-languageserver-types';
import { nodeAt } from '../../parse';
import type { Node, ObjectNode, Property } from '../../parse/tree';
import { sourceOf, type TextReader } from '../../parse/pieceText';
import type { AnalysedDocument, CompletionSettings } from '../../service/types';
import type { FieldDoc } from '../schemaFields';

export interface KeyRequest {
  /** The object the key belongs to; undefined when the document has no tree yet. */
  readonly container: ObjectNode | undefined;
  /** The line starts a new list item (`- ` before the cursor): the container is only a sibling. */
  readonly newItem: boolean;
  /** Column of the key: snippets indent their following lines by it. */
  readonly column: number;
}

export interface ValueRequest {
  readonly container: ObjectNode | undefined;
  readonly key: string;
  /** What is typed between the key's `: ` and the cursor. */
  readonly typed: string;
  readonly column: number;
  /** The cursor, for items that replace only the token being typed. */
  readonly position: Position;
}

export interface CompletionSpec {
  keys(doc: AnalysedDocument, request: KeyRequest): { fields: readonly FieldDoc[]; snippets: CompletionItem[] };
  /** Plain values, or an expression to complete token by token. */
  values(doc: AnalysedDocument, request: ValueRequest): CompletionItem[];
}

const KEY_LINE = /^(\s*(?:-\s+)*)((?:[^\s:#'"][^:#]*?)|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$/;
const LIST_PREFIX = /^(\s*)((?:-\s+)*)(.*)$/;
const JSON_VALUE = /"([^"]*)"\s*:\s*("?[^",{}[\]]*)$/;
const JSON_KEY = /(?:^|[{,\s])("?[^"\s:,{}[\]]*)$/;

export function complete(doc: AnalysedDocument, position: Position, spec: CompletionSpec, settings: CompletionSettings = {}): CompletionList {
  const d = doc.document;
  const text = sourceOf(doc.parsed);
  const offset = d.offsetAt(position);
  const json = doc.parsed.format === 'json';
  const lineStart = offset - position.character;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  const root = doc.parsed.root;
  const columnOf = (o: number): number => d.positionAt(o).character;

  if (json) {
    const inString = jsonStringValueAt(doc, offset);
    if (inString) {
      const { property, start } = inString;
      const typed = text.slice(start + 1, offset);
      const items = spec.values(doc, { container: property.parent, key: property.key, typed, column: 0, position });
      const range: Range = { start: d.positionAt(start), end: d.positionAt(property.value!.range.end) };
      return {
        isIncomplete: false,
        items: items.map((i) => (i.textEdit ? i : { ...i, textEdit: { range, newText: JSON.stringify(i.insertText ?? i.label) } })),
      };
    }
  }
  // JSON: a value right after `"key":` (keys and values may share a line, so read backwards).
  const jsonValue = json ? JSON_VALUE.exec(before) : null;
  const keyLine = json ? (jsonValue ? ['', '', `"${jsonValue[1]!}"`, jsonValue[2]!] as const : null) : KEY_LINE.exec(before);
  if (keyLine && !/^\s*#/.test(before)) {
    const column = keyLine[1]!.length;
    const key = unquote(keyLine[2]!.trim());
    const rawTyped = keyLine[3] ?? '';
    // In JSON (or a quoted YAML value) the value's quotes are part of what gets replaced.
    const quoted = json || rawTyped.startsWith('"');
    const typed = quoted ? rawTyped.replace(/^"/, '') : rawTyped;
    const container = json ? objectAround(root, offset) : containerAt(root, offset, column, columnOf);
    const items = spec.values(doc, { container, key, typed, column, position });
    const valueStart = offset - rawTyped.length;
    const replaceEnd = offset + ((quoted ? /^[^"\s,}\]]*"?/ : /^[^\s#]*/).exec(after)?.[0].length ?? 0);
    const range: Range = { start: d.positionAt(valueStart), end: d.positionAt(replaceEnd) };
    const plain = (label: string): string => (quoted ? JSON.stringify(label) : label);
    // Right after `Key:` the value needs its separating space.
    const lead = before.endsWith(':') ? ' ' : '';
    // Inserted as written over one range: the list says the range once and the items (the
    // spec's own, possibly shared between requests) go out as they are.
    if (settings.editRangeDefault && !quoted && !lead && items.every((i) => !i.textEdit || 'range' in i.textEdit)) {
      return { isIncomplete: false, itemDefaults: { editRange: range }, items };
    }
    return {
      isIncomplete: false,
      items: items.map((i) => {
        if (i.textEdit && 'range' in i.textEdit) return lead ? { ...i, textEdit: { ...i.textEdit, newText: lead + i.textEdit.newText } } : i;
        return { ...i, textEdit: { range, newText: lead + plain(i.insertText ?? i.label) } };
      }),
    };
  }

  const m = json ? ['', '', '', JSON_KEY.exec(before)?.[1] ?? ''] : LIST_PREFIX.exec(before)!;
  const prefix = m[3]!;
  if (/[:#]/.test(prefix) || /\s/.test(prefix.trimEnd())) return { isIncomplete: false, items: [] };
  const column = m[1]!.length + m[2]!.length;
  const newItem = m[2]!.length > 0;
  const container = json ? objectAround(root, offset) : containerAt(root, offset, column, columnOf);
  const { fields, snippets } = spec.keys(doc, { container, newItem, column });
  const present = new Set<string>();
  if (container && !newItem) {
    for (const p of container.properties) if (d.positionAt(p.keyRange.start).line !== position.line) present.add(p.key);
    // A half-typed line can make the parser drop neighbours: read sibling keys from the text too.
    for (const k of siblingKeysByIndent(text, lineStart, lineEnd, column)) present.add(k);
  }
  const wordEnd = offset + ((json ? /^[^"\s:,}]*"?/ : /^[^\s:#]*/).exec(after)?.[0].length ?? 0);
  const range: Range = { start: d.positionAt(offset - prefix.length), end: d.positionAt(wordEnd) };
  const hasColon = /^[^\s:#]*\s*:/.test(after);
  const items: CompletionItem[] = [];
  for (const f of fields) {
    if (present.has(f.name)) continue;
    items.push({
      label: f.name,
      kind: CompletionItemKind.Property,
      documentation: { kind: 'markdown', value: f.description },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: json ? jsonKeySnippet(f, hasColon) : hasColon ? f.name : keySnippet(f, column) },
      ...(f.valueKind === 'stateName' || (f.values && f.values.length > 2) ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
    });
  }
  if (json) return { isIncomplete: false, items }; // the state snippets are YAML
  for (const s of snippets) items.push({ ...s, textEdit: { range, newText: s.insertText ?? s.label } });
  return { isIncomplete: false, items };
}

const SIBLING_KEY = /^( *)(?:- +)?([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

/** Keys at `column` in the block around the cursor line (stops where the block ends). */
function siblingKeysByIndent(text: TextReader, lineStart: number, lineEnd: number, column: number): string[] {
  const keys: string[] = [];
  const scan = (from: number, step: 1 | -1): void => {
    let pos = from;
    for (let n = 0; n < 500; n++) {
      let start: number;
      let end: number;
      if (step === 1) {
        if (pos >= text.length) return;
        start = pos;
        end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        pos = end + 1;
      } else {
        if (pos <= 0) return;
        end = pos - 1;
        start = text.lastIndexOf('\n', end - 1) + 1;
        pos = start;
      }
      const line = text.slice(start, end).replace(/\r$/, '');
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const m = SIBLING_KEY.exec(line);
      const indent = line.length - line.trimStart().length;
      const keyColumn = m ? m[0].indexOf(m[2]!) : indent;
      if (indent < column && !(m && keyColumn === column && step === -1)) return;
      if (m && keyColumn === column) {
        keys.push(unquote(m[2]!.trim()));
        if (indent < column) return; // the `- key:` line that starts this item
      }
    }
  };
  scan(lineEnd + 1, 1);
  scan(lineStart, -1);
  return keys;
}

function unquote(key: string): string {
  return (key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'")) ? key.slice(1, -1) : key;
}

/** `"Key": ` plus a JSON value placeholder that fits the value's kind. */
function jsonKeySnippet(f: FieldDoc, hasColon: boolean): string {
  const key = JSON.stringify(f.name);
  if (hasColon) return key;
  switch (f.valueKind) {
    case 'object': return `${key}: {$0}`;
    case 'array': return `${key}: [$0]`;
    case 'boolean': return `${key}: \${1|true,false|}`;
    case 'number': return `${key}: $0`;
    default: return `${key}: "$0"`;
  }
}

/** JSON: the string value (of a property) the cursor is inside, with its opening quote's offset. */
function jsonStringValueAt(doc: AnalysedDocument, offset: number): { property: Property; start: number } | undefined {
  const at = nodeAt(doc.parsed.root, offset);
  const p = at.property;
  const v = p?.value;
  if (!p || at.onKey || v?.kind !== 'scalar' || typeof v.value !== 'string') return undefined;
  if (sourceOf(doc.parsed).charCodeAt(v.range.start) !== 34 /* " */ || offset <= v.range.start || offset >= v.range.end) return undefined;
  return { property: p, start: v.range.start };
}

/** JSON: the innermost object around the offset (indentation says nothing there). */
function objectAround(root: Node | undefined, offset: number): ObjectNode | undefined {
  let found: ObjectNode | undefined;
  for (const n of nodeAt(root, offset).path) if (n.kind === 'object') found = n;
  return found;
}

/** `Key: ` plus a value placeholder that fits the value's kind. */
function keySnippet(f: FieldDoc, column: number): string {
  const pad = ' '.repeat(column);
  switch (f.valueKind) {
    case 'object': return `${f.name}:\n${pad}  $0`;
    case 'array': return `${f.name}:\n${pad}  - $0`;
    case 'boolean': return `${f.name}: \${1|true,false|}`;
    default:
      if (f.values && f.values.length > 0 && f.values.length <= 2) return `${f.name}: \${1|${f.values.join(',')}|}`;
      return `${f.name}: $0`;
  }
}

/** The innermost object whose keys sit at `column` and which starts before `offset`. */
export function containerAt(node: Node | undefined, offset: number, column: number, columnOf: (o: number) => number): ObjectNode | undefined {
  if (!node || node.range.start > offset) return undefined;
  if (node.kind === 'object') {
    const first = node.properties[0];
    if (!first) return undefined;
    const c = columnOf(first.keyRange.start);
    if (c > column) return undefined;
    const p = lastStartingBefore(node.properties, offset);
    if (p?.value && p.value.kind !== 'scalar') {
      const inner = containerAt(p.value, offset, column, columnOf);
      if (inner) return inner;
    }
    return c === column ? node : undefined;
  }
  if (node.kind === 'array') {
    // Skip scalar items: a half-typed `- ` item parses as an empty scalar, and its siblings tell
    // what the list holds.
    let found: Node | undefined;
    for (const item of node.items) {
      if (item.range.start > offset) break;
      if (item.kind !== 'scalar') found = item;
    }
    return containerAt(found, offset, column, columnOf);
  }
  return undefined;
}

function lastStartingBefore(props: readonly Property[], offset: number): Property | undefined {
  let lo = 0;
  let hi = props.length - 1;
  let found: Property | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (props[mid]!.keyRange.start <= offset) {
      found = props[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** A value item (enum member, state name…). */
export function valueItem(label: string, kind: CompletionItemKind, documentation?: string, detail?: string): CompletionItem {
  return {
    label, kind,
    ...(documentation ? { documentation: { kind: 'markdown', value: documentation } } : {}),
    ...(detail ? { detail } : {}),
  };
}
