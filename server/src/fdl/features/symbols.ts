// The outline: states (or legacy steps) nested under their Parallel/Map (or choice/foreach).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { AnalysedDocument } from '../../service/types';
import type { FlowModel, FlowScope, FlowState } from '../model/types';
import { stepTypeOf } from '../legacy/stepTypes';
import { stateTypeOf } from '../stateTypes';
import { rangeOf } from '../../parse/positions';

/** Each state's (or legacy step's) icon from its type table; the undocumented legacy `loop` is drawn as a list too. */
const kindOf = (type: string | undefined): SymbolKind =>
  stateTypeOf(type)?.symbolKind ?? stepTypeOf(type)?.symbolKind ?? (type === 'loop' ? SymbolKind.Array : SymbolKind.Object);

export function documentSymbols(doc: AnalysedDocument, model: FlowModel): DocumentSymbol[] {
  const roots = model.scopes.filter((s) => s.owner === undefined);
  return roots.flatMap((scope) => scope.states.map((s) => stateSymbol(doc, s)));
}

function stateSymbol(doc: AnalysedDocument, s: FlowState): DocumentSymbol {
  const d = doc.document;
  const range = rangeOf(d, s.node.range);
  const selection = rangeOf(d, s.nameNode?.range ?? s.typeNode?.range ?? s.node.range);
  const group = s.children.length > 1 || s.children.some((c) => c.kind === 'parallel-branch');
  const children = group
    ? s.children.map((c, i) => scopeSymbol(doc, c, i))
    : s.children.flatMap((c) => c.states.map((x) => stateSymbol(doc, x)));
  return {
    name: s.name !== undefined && s.name !== '' ? s.name : '(unnamed)',
    ...(s.type !== undefined ? { detail: s.type } : {}),
    kind: kindOf(s.type),
    range,
    selectionRange: selection,
    children,
  };
}

function scopeSymbol(doc: AnalysedDocument, scope: FlowScope, index: number): DocumentSymbol {
  const range = rangeOf(doc.document, scope.node.range);
  const label = scope.kind === 'parallel-branch' ? `Branch${index}` : scope.label.replace(/ of .*$/, '').replace(/`/g, '');
  return {
    name: label,
    kind: SymbolKind.Namespace,
    range,
    selectionRange: rangeOf(doc.document, scope.statesProperty?.keyRange ?? scope.node.range),
    children: scope.states.map((s) => stateSymbol(doc, s)),
  };
}
