// Document symbols (screens with their components, nested through Form/If/Switch) and folding.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { Node, OffsetRange } from '../../parse/tree';
import type { FlowModel } from '../check/model';
import { asArray, asObject, stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { rangeOf } from '../../parse/positions';

function componentSymbols(children: Node | undefined, document: TextDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const range = (r: OffsetRange) => rangeOf(document, r);
  for (const item of asArray(children)?.items ?? []) {
    const obj = asObject(item);
    if (!obj) continue;
    const type = stringValue(obj, 'type') ?? 'component';
    const name = stringValue(obj, 'name');
    const nested: DocumentSymbol[] = [];
    for (const key of ['children', 'then', 'else']) nested.push(...componentSymbols(lastProperty(obj, key)?.value, document));
    for (const c of asObject(lastProperty(obj, 'cases')?.value)?.properties ?? []) {
      nested.push({
        name: c.key,
        detail: 'case',
        kind: SymbolKind.EnumMember,
        range: range(c.range),
        selectionRange: range(c.keyRange),
        children: componentSymbols(c.value, document),
      });
    }
    const typeRange = lastProperty(obj, 'type')?.value?.range ?? obj.range;
    out.push({
      name: name ? `${type} ${name}` : type,
      kind: name ? SymbolKind.Field : SymbolKind.Object,
      range: range(obj.range),
      selectionRange: range(typeRange),
      children: nested,
    });
  }
  return out;
}

export function flowSymbols(model: FlowModel, document: TextDocument): DocumentSymbol[] {
  return model.screens.map((s) => {
    const r = (x: OffsetRange) => rangeOf(document, x);
    const title = stringValue(s.node, 'title');
    const detail = [title, s.terminal ? 'terminal' : undefined].filter(Boolean).join(' · ');
    return {
      name: s.id ?? `screen ${s.index + 1}`,
      ...(detail ? { detail } : {}),
      kind: SymbolKind.Class,
      range: r(s.node.range),
      selectionRange: r(s.idNode?.range ?? s.node.range),
      children: componentSymbols(lastProperty(asObject(lastProperty(s.node, 'layout')?.value), 'children')?.value, document),
    };
  });
}

export function flowFolding(root: Node | undefined, document: TextDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (node: Node | undefined): void => {
    if (!node || node.kind === 'scalar') return;
    const start = document.positionAt(node.range.start).line;
    const end = document.positionAt(node.range.end).line;
    if (end > start) out.push({ startLine: start, endLine: end - 1 });
    if (node.kind === 'array') node.items.forEach(visit);
    else node.properties.forEach((p) => visit(p.value));
  };
  visit(root);
  return out;
}
