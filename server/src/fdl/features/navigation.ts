// Definition, references and rename of state (or legacy step) names, scope-aware: a name means
// the state of the same scope, so two Parallel branches may both have a state called `Done`.
import type { Definition, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { AnalysedDocument } from '../../service/types';
import type { FlowModel, FlowScope, FlowState, StateReference, StringScalar } from '../model/types';
import { valueTextStart } from '../tree';
import { rangeOf } from '../../parse/positions';
import { sourceOf, type TextReader } from '../../parse/pieceText';

export interface NameAt {
  readonly name: string;
  readonly scope: FlowScope;
  /** The node under the cursor (a declaration's `Name` or a reference). */
  readonly node: StringScalar;
  readonly declaration: FlowState | undefined;
}

const inside = (offset: number, n: StringScalar): boolean => offset >= n.range.start && offset <= n.range.end;

/** The state name under the cursor, whether declared there or referenced. */
export function nameAt(model: FlowModel, offset: number): NameAt | undefined {
  for (const r of model.references) {
    if (inside(offset, r.node)) return { name: r.name, scope: r.scope, node: r.node, declaration: r.scope.byName.get(r.name) };
  }
  for (const s of model.states) {
    if (s.nameNode && s.name !== undefined && inside(offset, s.nameNode)) {
      return { name: s.name, scope: s.scope, node: s.nameNode, declaration: s.scope.byName.get(s.name) ?? s };
    }
  }
  return undefined;
}

/** The characters of the name itself (inside quotes when quoted). */
export function nameRange(text: TextReader, node: StringScalar): { start: number; end: number } {
  const start = valueTextStart(text, node);
  return start === undefined ? node.range : { start, end: start + node.value.length };
}

function referencesTo(model: FlowModel, scope: FlowScope, name: string): StateReference[] {
  return model.references.filter((r) => r.scope === scope && r.name === name);
}

export function definition(doc: AnalysedDocument, model: FlowModel, position: Position): Definition | null {
  const at = nameAt(model, doc.document.offsetAt(position));
  const target = at?.declaration?.nameNode;
  if (!target) return null;
  return { uri: doc.document.uri, range: rangeOf(doc.document, nameRange(sourceOf(doc.parsed), target)) };
}

export function references(doc: AnalysedDocument, model: FlowModel, position: Position, includeDeclaration: boolean): Location[] {
  const at = nameAt(model, doc.document.offsetAt(position));
  if (!at) return [];
  const nodes: StringScalar[] = [];
  if (includeDeclaration) {
    for (const s of at.scope.states) if (s.name === at.name && s.nameNode) nodes.push(s.nameNode);
  }
  for (const r of referencesTo(model, at.scope, at.name)) nodes.push(r.node);
  return nodes.map((n) => ({ uri: doc.document.uri, range: rangeOf(doc.document, nameRange(sourceOf(doc.parsed), n)) }));
}

export function prepareRename(doc: AnalysedDocument, model: FlowModel, position: Position): { range: Range; placeholder: string } | null {
  const at = nameAt(model, doc.document.offsetAt(position));
  if (!at) return null;
  return { range: rangeOf(doc.document, nameRange(sourceOf(doc.parsed), at.node)), placeholder: at.name };
}

/** Renames the state and every reference to it in its scope (and only there). */
export function rename(doc: AnalysedDocument, model: FlowModel, position: Position, newName: string): WorkspaceEdit | null {
  const at = nameAt(model, doc.document.offsetAt(position));
  if (!at || newName.length === 0 || newName === at.name) return null;
  const edits: TextEdit[] = [];
  const text = sourceOf(doc.parsed);
  const replace = (n: StringScalar): void => {
    const start = valueTextStart(text, n);
    // A name that cannot be edited in place (escaped, folded) is rewritten as a quoted string.
    const range = start === undefined ? n.range : { start, end: start + n.value.length };
    const newText = start === undefined ? JSON.stringify(newName) : quoteIfNeeded(text, n, newName, doc.parsed.format);
    edits.push({ range: rangeOf(doc.document, range), newText });
  };
  for (const s of at.scope.states) if (s.name === at.name && s.nameNode) replace(s.nameNode);
  for (const r of referencesTo(model, at.scope, at.name)) replace(r.node);
  return { changes: { [doc.document.uri]: edits } };
}

/** Inside quotes the new name is escaped for those quotes; a plain YAML scalar stays plain only if safe. */
function quoteIfNeeded(text: TextReader, n: StringScalar, newName: string, format: 'yaml' | 'json'): string {
  const before = text.slice(n.range.start, n.range.start + 1);
  if (before === '"' || format === 'json') return JSON.stringify(newName).slice(1, -1);
  if (before === "'") return newName.replace(/'/g, "''");
  return /^[^\s#:{}[\],&*!|>'"%@`-][^#:]*$/.test(newName) && !/\s$/.test(newName) && !/^(true|false|null|~|yes|no|on|off|[-+]?\d[\d._]*(e[-+]?\d+)?)$/i.test(newName)
    ? newName : JSON.stringify(newName);
}
