// Folding ranges for every mapping and sequence that spans lines (both specs, YAML and JSON).
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Node } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';

export function foldingRanges(doc: AnalysedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const d = doc.document;
  const visit = (node: Node | undefined, startOffset: number): void => {
    if (!node || node.kind === 'scalar') return;
    const startLine = d.positionAt(startOffset).line;
    const endLine = d.positionAt(node.range.end).line;
    // The last line stays visible when it closes a bracket (JSON, flow style).
    const closing = doc.parsed.text[node.range.end - 1];
    const last = closing === '}' || closing === ']' ? endLine - 1 : endLine;
    if (last > startLine) out.push({ startLine, endLine: last });
    if (node.kind === 'object') for (const p of node.properties) visit(p.value, p.keyRange.start);
    else for (const item of node.items) visit(item, item.range.start);
  };
  const root = doc.parsed.root;
  if (root) {
    if (root.kind === 'object') for (const p of root.properties) visit(p.value, p.keyRange.start);
    else visit(root, root.range.start);
  }
  return out;
}
