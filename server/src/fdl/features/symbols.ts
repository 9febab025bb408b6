// The outline: states (or legacy steps) nested under their Parallel/Map (or choice/foreach).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { AnalysedDocument } from '../../service/types';
import type { FlowModel, FlowScope, FlowState } from '../model/types';
import { rangeOf } from '../../parse/positions';

const KINDS: Record<string, SymbolKind> = {
  Task: SymbolKind.Function, task: SymbolKind.Function,
  Pass: SymbolKind.Variable, pass: SymbolKind.Variable,
  Choice: SymbolKind.Enum, choice: SymbolKind.Enum,
  Parallel: SymbolKind.Array, parallel: SymbolKind.Array,
  Map: SymbolKind.Array, foreach: SymbolKind.Array, loop: SymbolKind.Array,
  Wait: SymbolKind.Event, wait: SymbolKind.Event,
  Succeed: SymbolKind.Constant, succeed: SymbolKind.Constant,
  Fail: SymbolKind.Constant, fail: SymbolKind.Constant,
};

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
    kind: KINDS[s.type ?? ''] ?? SymbolKind.Object,
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
