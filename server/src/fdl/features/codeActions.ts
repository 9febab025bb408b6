// Quick fixes, shared by both specs: apply a replacement a check suggested ("did you mean `X`?"),
// fix a misspelled key, and end or continue a state that has neither `Next` nor `End`.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { ObjectNode, Property } from '../../parse/tree';
import { sourceOf } from '../../parse/pieceText';
import type { AnalysedDocument } from '../../service/types';
import type { FieldDoc } from '../schemaFields';
import type { FlowModel, FlowState } from '../model/types';
import { closestName } from '../../text/closestName';

/** Keys people write by habit (often from Amazon States Language) and the key this spec uses. */
export const KNOWN_MISSPELLINGS: Record<string, string> = {
  Choices: 'Branches',
  Error: 'Code',
  Cause: 'Detail',
  ItemProcessor: 'Processor',
  Iterator: 'Processor',
  TimeoutSeconds: 'Timeout',
  Resource: 'Action',
  ResultSelector: 'OutputConstructor',
  iterationMappings: 'iterationMapping',
  goTo: 'goto',
  resourceARN: 'resourceArn',
  inputMapping: 'inputMappings',
  outputMapping: 'outputMappings',
};

export interface CodeActionSpec {
  /** The keys allowed in an object, for "did you mean" on an unknown key. */
  fieldsOf(doc: AnalysedDocument, container: ObjectNode): readonly FieldDoc[];
  readonly model: (doc: AnalysedDocument) => FlowModel;
  /** The key that ends a state (`End` / `end`); undefined when the spec has no such fix. */
  readonly endKey?: string;
}

interface Replacement {
  readonly replacement: string;
  readonly title: string;
}

function isReplacement(data: unknown): data is Replacement {
  return typeof data === 'object' && data !== null
    && typeof (data as Replacement).replacement === 'string' && typeof (data as Replacement).title === 'string';
}

export function codeActions(doc: AnalysedDocument, diagnostics: Diagnostic[], spec: CodeActionSpec): CodeAction[] {
  const out: CodeAction[] = [];
  const d = doc.document;
  const text = sourceOf(doc.parsed);
  const edit = (range: Range, newText: string): { changes: Record<string, TextEdit[]> } => ({ changes: { [d.uri]: [{ range, newText }] } });
  const fix = (title: string, diagnostic: Diagnostic, e: ReturnType<typeof edit>, preferred = false): void => {
    out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: e, ...(preferred ? { isPreferred: true } : {}) });
  };
  for (const diag of diagnostics) {
    if (diag.source !== undefined && diag.source !== 'flowdeck') continue;
    const start = d.offsetAt(diag.range.start);
    const end = d.offsetAt(diag.range.end);
    const original = text.slice(start, end);
    if (isReplacement(diag.data)) {
      fix(diag.data.title, diag, edit(diag.range, keepQuotes(original, diag.data.replacement)), true);
      continue;
    }
    switch (diag.code) {
      case DiagnosticCodes.unknownProperty:
      case DiagnosticCodes.misspelledProperty: {
        const key = original.replace(/^["']|["']$/g, '');
        const container = objectWithKeyAt(doc, start);
        const fields = container ? spec.fieldsOf(doc, container).map((f) => f.name) : [];
        const suggestion = KNOWN_MISSPELLINGS[key] ?? closestName(key, fields);
        if (suggestion && suggestion !== key) fix(`Change to \`${suggestion}\``, diag, edit(diag.range, keepQuotes(original, suggestion)), true);
        break;
      }
      case DiagnosticCodes.missingTransition: {
        if (!spec.endKey) break;
        const state = spec.model(doc).states.find((s) => s.node.range.start <= start && end <= s.node.range.end && anchorStarts(s, start));
        if (!state) break;
        const endKey = spec.endKey;
        const addEnd = insertProperty(doc, state.node, endKey, 'true');
        if (addEnd) fix(`Add \`${endKey}: true\``, diag, addEnd, true);
        const following = state.scope.states[state.scope.states.indexOf(state) + 1];
        if (following?.name !== undefined && endKey === 'End') {
          const addNext = insertProperty(doc, state.node, 'Next', following.name);
          if (addNext) fix(`Add \`Next: ${following.name}\``, diag, addNext);
        }
        break;
      }
      case DiagnosticCodes.nextWithEnd: {
        const state = spec.model(doc).states.find((s) => s.node.range.start <= start && end <= s.node.range.end);
        if (!state) break;
        for (const key of ['Next', 'End']) {
          const p = [...state.node.properties].reverse().find((x) => x.key === key);
          const removal = p && removeProperty(doc, state.node, p);
          if (removal) fix(key === 'Next' ? 'Remove `Next` (end here)' : 'Remove `End` (continue at `Next`)', diag, removal);
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Deletes a block-mapping property's whole line(s); undefined when it shares a line with others. */
function removeProperty(doc: AnalysedDocument, obj: ObjectNode, p: Property): { changes: Record<string, TextEdit[]> } | undefined {
  if (doc.parsed.format === 'json' || obj.properties.length < 2) return undefined;
  const d = doc.document;
  const text = sourceOf(doc.parsed);
  const lineStart = text.lastIndexOf('\n', p.range.start - 1) + 1;
  if (text.slice(lineStart, p.range.start).trim() !== '') return undefined; // `- Next: x`: the item marker stays
  let lineEnd = text.indexOf('\n', p.range.end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  if (text.slice(p.range.end, lineEnd).replace(/#.*$/, '').trim() !== '') return undefined;
  return { changes: { [d.uri]: [{ range: { start: d.positionAt(lineStart), end: d.positionAt(lineEnd) }, newText: '' }] } };
}

function anchorStarts(s: FlowState, offset: number): boolean {
  return s.nameNode?.range.start === offset || s.typeNode?.range.start === offset || s.node.properties[0]?.keyRange.start === offset;
}

function keepQuotes(original: string, replacement: string): string {
  const q = original[0];
  if ((q === '"' || q === "'") && original.endsWith(q) && original.length >= 2) {
    return q === '"' ? JSON.stringify(replacement) : `'${replacement.replace(/'/g, "''")}'`;
  }
  return replacement;
}

/** The object one of whose keys starts at `offset`. */
function objectWithKeyAt(doc: AnalysedDocument, offset: number): ObjectNode | undefined {
  let found: ObjectNode | undefined;
  const visit = (n: import('../../parse/tree').Node | undefined): void => {
    if (!n || found || n.range.start > offset || n.range.end < offset) return;
    if (n.kind === 'object') {
      if (n.properties.some((p) => p.keyRange.start === offset)) {
        found = n;
        return;
      }
      for (const p of n.properties) visit(p.value);
    } else if (n.kind === 'array') {
      for (const i of n.items) visit(i);
    }
  };
  visit(doc.parsed.root);
  return found;
}

/** Adds `key: value` as the last property of a block mapping (or `, "key": value` in JSON). */
function insertProperty(doc: AnalysedDocument, obj: ObjectNode, key: string, value: string): { changes: Record<string, TextEdit[]> } | undefined {
  const d = doc.document;
  const last = obj.properties[obj.properties.length - 1];
  const first = obj.properties[0];
  if (!last || !first) return undefined;
  const at = d.positionAt(last.range.end);
  let newText: string;
  if (doc.parsed.format === 'json') {
    const literal = value === 'true' ? 'true' : JSON.stringify(value);
    newText = `, ${JSON.stringify(key)}: ${literal}`;
  } else {
    if (sourceOf(doc.parsed).charCodeAt(obj.range.start) === 123 /* { */) return undefined; // flow mapping: leave it to the user
    const column = d.positionAt(first.keyRange.start).character;
    newText = `\n${' '.repeat(column)}${key}: ${value}`;
  }
  return { changes: { [d.uri]: [{ range: { start: at, end: at }, newText }] } };
}
