// Folding ranges for every mapping and sequence that spans lines (both specs, YAML and JSON).
// They are found one nesting level at a time, outermost first, so that a very large flow stops at
// the client's limit after the levels the editor keeps (see service/itemLimits.ts) instead of
// computing ten times more ranges than it shows.
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Node } from '../../parse/tree';
import { sourceOf } from '../../parse/pieceText';
import type { AnalysedDocument } from '../../service/types';

/** A mapping or sequence, and where its fold starts (a property's key line, else its own first line). */
interface Foldable {
  readonly node: Node;
  readonly start: number;
}

export function foldingRanges(doc: AnalysedDocument, maxItems = Number.POSITIVE_INFINITY): FoldingRange[] {
  const out: FoldingRange[] = [];
  let level = topLevel(doc.parsed.root);
  while (level.length > 0 && out.length <= maxItems) {
    const next: Foldable[] = [];
    for (const f of level) {
      const range = foldOf(doc, f);
      // One line holds no fold, and neither does anything nested in it.
      if (!range) continue;
      out.push(range);
      if (out.length > maxItems) break;
      pushNested(f.node, next);
    }
    level = next;
  }
  // Document order, each range before those nested in it (which start on its line or later).
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function topLevel(root: Node | undefined): Foldable[] {
  if (!root) return [];
  if (root.kind !== 'object') return [{ node: root, start: root.range.start }];
  const level: Foldable[] = [];
  pushNested(root, level);
  return level;
}

function pushNested(node: Node, into: Foldable[]): void {
  if (node.kind === 'object') {
    for (const p of node.properties) if (p.value && p.value.kind !== 'scalar') into.push({ node: p.value, start: p.keyRange.start });
  } else if (node.kind === 'array') {
    for (const item of node.items) if (item.kind !== 'scalar') into.push({ node: item, start: item.range.start });
  }
}

function foldOf(doc: AnalysedDocument, { node, start }: Foldable): FoldingRange | undefined {
  if (node.kind === 'scalar') return undefined;
  const d = doc.document;
  const startLine = d.positionAt(start).line;
  const endLine = d.positionAt(node.range.end).line;
  // The last line stays visible when it closes a bracket (JSON, flow style).
  const closing = sourceOf(doc.parsed).slice(node.range.end - 1, node.range.end);
  const last = closing === '}' || closing === ']' ? endLine - 1 : endLine;
  return last > startLine ? { startLine, endLine: last } : undefined;
}
