// Where a flow test file asks for a state name, for completion in the editor: a key under
// `mocks:` (the Task states of the flow) or an item of `expect.states` (any state). Worked out from
// the lines and their indentation, so a half-typed line that does not parse yet still completes.
import type { CoverageTarget } from './coverage';

export type StateNameSlot = 'mockKey' | 'stateListItem';

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** The slot at `character` of `lines[line]`, or undefined when none is there. */
export function stateNameSlot(lines: readonly string[], line: number, character: number): StateNameSlot | undefined {
  const current = lines[line] ?? '';
  const before = current.slice(0, character);
  // `states: [A, B, |` on one line
  if (/^\s*states\s*:\s*\[[^\]]*$/.test(before)) return 'stateListItem';
  // a key being typed: only a name so far, no colon yet
  const typingKey = /^\s*[\w.-]*$/.test(before);
  const typingItem = /^\s*-\s+[\w.-]*$/.test(before);
  if (!typingKey && !typingItem) return undefined;
  const indent = indentOf(before);
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const parentIndent = indentOf(text);
    if (parentIndent < indent || (typingItem && parentIndent <= indent && /:\s*$/.test(text))) {
      const key = /^\s*(?:-\s+)?([\w.-]+)\s*:\s*$/.exec(text)?.[1];
      if (typingKey && key === 'mocks') return 'mockKey';
      if (typingItem && key === 'states') return 'stateListItem';
      return undefined;
    }
    // siblings: keep looking up for the parent
  }
  return undefined;
}

export interface StateNameChoice {
  readonly name: string;
  /** `Task`, `Choice`, ... when the flow says. */
  readonly detail: string;
}

/** The state names a slot accepts, from the flow's coverage targets (every state of every scope). */
export function stateNamesFor(slot: StateNameSlot, targets: readonly CoverageTarget[]): StateNameChoice[] {
  const seen = new Set<string>();
  const out: StateNameChoice[] = [];
  for (const t of targets) {
    if (t.kind !== 'state' || seen.has(t.state)) continue;
    const type = t.stateType ?? '';
    if (slot === 'mockKey' && type !== 'Task' && type !== 'task') continue;
    seen.add(t.state);
    out.push({ name: t.state, detail: type });
  }
  return out;
}
