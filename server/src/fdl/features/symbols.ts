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

/** How many symbols were made so far (a very large flow's outline stops past its limit). */
interface Made {
  count: number;
}

/** The outline; it stops after the top-level state that takes it past `maxItems` symbols. */
export function documentSymbols(doc: AnalysedDocument, model: FlowModel, maxItems = Number.POSITIVE_INFINITY): DocumentSymbol[] {
  const made: Made = { count: 0 };
  const out: DocumentSymbol[] = [];
  for (const scope of model.scopes) {
    if (scope.owner !== undefined) continue;
    for (const s of scope.states) {
      if (made.count > maxItems) return out;
      out.push(stateSymbol(doc, s, made));
    }
  }
  return out;
}

function stateSymbol(doc: AnalysedDocument, s: FlowState, made: Made): DocumentSymbol {
  made.count++;
  const d = doc.document;
  const range = rangeOf(d, s.node.range);
  const selection = rangeOf(d, s.nameNode?.range ?? s.typeNode?.range ?? s.node.range);
  const group = s.children.length > 1 || s.children.some((c) => c.kind === 'parallel-branch');
  const children = group
    ? s.children.map((c, i) => scopeSymbol(doc, c, i, made))
    : s.children.flatMap((c) => c.states.map((x) => stateSymbol(doc, x, made)));
  return {
    name: s.name !== undefined && s.name !== '' ? s.name : '(unnamed)',
    ...(s.type !== undefined ? { detail: s.type } : {}),
    kind: kindOf(s.type),
    range,
    selectionRange: selection,
    children,
  };
}

function scopeSymbol(doc: AnalysedDocument, scope: FlowScope, index: number, made: Made): DocumentSymbol {
  made.count++;
  const range = rangeOf(doc.document, scope.node.range);
  const label = scope.kind === 'parallel-branch' ? `Branch${index}` : scope.label.replace(/ of .*$/, '').replace(/`/g, '');
  return {
    name: label,
    kind: SymbolKind.Namespace,
    range,
    selectionRange: rangeOf(doc.document, scope.statesProperty?.keyRange ?? scope.node.range),
    children: scope.states.map((s) => stateSymbol(doc, s, made)),
  };
}
