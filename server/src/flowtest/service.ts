// Flow test files (`*.flowtest.yaml`): diagnostics, completion, hover and an outline of the
// cases, over the same cached tree as every other dialect.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { lastProperty } from '../parse/properties';
import type { AnalysedDocument } from '../service/types';
import type { DialectService } from '../service/dialect';
import { flowtestCompletion } from './completion';
import { flowtestHover } from './hover';
import { validateFlowtest } from './validate';
import { rangeOf } from '../parse/positions';

function caseSymbols(doc: AnalysedDocument): DocumentSymbol[] {
  const root = doc.parsed.root;
  const cases = root?.kind === 'object' ? lastProperty(root, 'cases')?.value : undefined;
  if (cases?.kind !== 'array') return [];
  const d = doc.document;
  const out: DocumentSymbol[] = [];
  for (const item of cases.items) {
    if (item.kind !== 'object') continue;
    const name = lastProperty(item, 'name')?.value;
    const label = name?.kind === 'scalar' && typeof name.value === 'string' && name.value !== '' ? name.value : '(unnamed case)';
    const range = rangeOf(d, item.range);
    const selection = name ? rangeOf(d, name.range) : range;
    out.push({ name: label, kind: SymbolKind.Method, range, selectionRange: selection });
  }
  return out;
}

export const flowtestService: DialectService = {
  validate: (doc) => validateFlowtest(doc),
  complete: flowtestCompletion,
  hover: flowtestHover,
  documentSymbols: caseSymbols,
  definition: () => null,
  references: () => [],
  prepareRename: () => null,
  rename: () => null,
  codeActions: () => [],
  foldingRanges: () => [],
  // a test file is a list of cases, not a flow: nothing to draw
  graph: () => ({ nodes: [], edges: [] }),
};
