// The FDL variable path under a position in a line of a flow file. Pure, so it is unit-tested.
const PATH = /\$(?:[A-Za-z]\w*)?(?:\.[A-Za-z_][\w-]*|\[\d+\])*/g;

/** The FDL variable path that covers `character` in `line`, with its start and end. */
export function pathAt(line: string, character: number): { text: string; start: number; end: number } | undefined {
  for (const m of line.matchAll(PATH)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character >= start && character <= end && m[0].length > 1) return { text: m[0], start, end };
  }
  return undefined;
}
