// The client says how many folding ranges it wants per document (VS Code: 5,000); a 10,000-state
// flow has ten times more. Sending them all costs both processes for ranges the editor drops
// anyway, so the server keeps the outermost ones, as the editor itself would: whole nesting
// levels from the top while they fit, then the next level's first ranges.
import type { FoldingRange } from 'vscode-languageserver-types';

/** At most `limit` of `ranges` (in document order, each before the ranges nested in it), outer levels first. */
export function limitFoldingRanges(ranges: readonly FoldingRange[], limit: number | undefined): FoldingRange[] {
  if (limit === undefined || limit < 0 || ranges.length <= limit) return [...ranges];
  const depth = new Uint32Array(ranges.length);
  const open: number[] = [];
  const perDepth: number[] = [];
  ranges.forEach((r, i) => {
    while (open.length > 0 && open[open.length - 1]! < r.startLine) open.pop();
    depth[i] = open.length;
    perDepth[open.length] = (perDepth[open.length] ?? 0) + 1;
    open.push(r.endLine);
  });
  let whole = -1;
  let kept = 0;
  while (whole + 1 < perDepth.length && kept + perDepth[whole + 1]! <= limit) kept += perDepth[++whole]!;
  let room = limit - kept;
  return ranges.filter((_, i) => depth[i]! <= whole || (depth[i] === whole + 1 && room-- > 0));
}
