// How many outline symbols and folding ranges a document gets. A 10,000-state flow has tens of
// thousands of each; computing, sending and converting them all on every edit costs the server,
// the extension host and the workbench far more than validating the edit, for lists no one reads
// whole. So each list stops at a limit (the client's folding limit, the outline setting), as
// VS Code's own JSON and YAML support do, and the editor is told that it did.
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';

/** The largest list a feature may return, and who hears that a document had more. */
export interface ItemLimit {
  readonly max: number;
  onExceeded?(): void;
}

/** A list cut to a limit, and whether anything was cut. */
export interface LimitedList<T> {
  readonly items: T[];
  readonly exceeded: boolean;
}

/**
 * At most `limit` of `ranges` (in document order, each before the ranges nested in it), outer
 * levels first, as the editor itself would choose: whole nesting levels from the top while they
 * fit, then the next level's first ranges.
 */
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

/** The first `limit` symbols in document order, a symbol before those nested in it (the outline as read top down). */
export function limitSymbols(symbols: readonly DocumentSymbol[], limit: number): LimitedList<DocumentSymbol> {
  let left = limit;
  let exceeded = false;
  const take = (list: readonly DocumentSymbol[]): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    for (const s of list) {
      if (left <= 0) {
        exceeded = true;
        break;
      }
      left--;
      const children = s.children && s.children.length > 0 ? take(s.children) : s.children;
      out.push(children === s.children || children?.length === s.children?.length ? s : { ...s, children });
    }
    return out;
  };
  const items = take(symbols);
  return { items, exceeded };
}
