// The graph view keeps its last layout's bands and containers (LayoutMemo) and lays out again only
// what an edit changed: after any sequence of renames and re-pointed transitions, the layout with
// the memo is the one made from nothing, and a small edit of a long flow runs dagre far less.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dagre from '@dagrejs/dagre';
import fc from 'fast-check';
import { LayoutMemo, type GraphLayout } from '../../../webview/graph/layout';
import { layoutView, viewGraph } from '../../../webview/graph/viewGraph';
import { generateFdl } from '../../../bench/lib/generate';
import { docOf, service } from '../fdl/helpers';

const ls = service();

function layoutOf(text: string, memo?: LayoutMemo): GraphLayout {
  return layoutView(viewGraph(ls.graph(docOf(text)), { branchFrames: true }), 'missing', memo);
}

const comparable = (l: GraphLayout): string => JSON.stringify({ w: l.width, h: l.height, nodes: [...l.nodes.values()], edges: l.edges });

/**
 * An edit as an editor makes it: the `which`-th `Name:` renamed, the `which`-th `Next:` pointed at
 * the `to`-th name, or deleted (every later edge then moves up one place in the graph's list).
 */
type Edit = { kind: 'rename'; which: number } | { kind: 'retarget'; which: number; to: number } | { kind: 'drop'; which: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('retarget' as const), which: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), which: fc.nat() }),
);

function applyEdit(text: string, edit: Edit, step: number): string {
  const lines = text.split('\n');
  const names = lines.flatMap((l) => /^\s+(?:- )?Name: (\S+)$/.exec(l)?.[1] ?? []);
  const pick = (pattern: RegExp, which: number): number => {
    const at = lines.flatMap((l, i) => (pattern.test(l) ? [i] : []));
    return at.length === 0 ? -1 : at[which % at.length]!;
  };
  if (edit.kind === 'rename') {
    const i = pick(/^\s+(?:- )?Name: \S+$/, edit.which);
    if (i >= 0) lines[i] = `${lines[i]}R${step}`;
  } else if (edit.kind === 'retarget') {
    const i = pick(/^\s+Next: \S+$/, edit.which);
    if (i >= 0 && names.length > 0) lines[i] = lines[i]!.replace(/Next: \S+$/, `Next: ${names[edit.to % names.length]}`);
  } else {
    const i = pick(/^\s+Next: \S+$/, edit.which);
    if (i >= 0) lines.splice(i, 1);
  }
  return lines.join('\n');
}

describe('the layout memo', () => {
  test('after any sequence of edits, the layout with the memo equals the one made from nothing', () => {
    const start = generateFdl(90);
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => {
        const memo = new LayoutMemo();
        let text = start;
        layoutOf(text, memo);
        edits.forEach((edit, step) => {
          text = applyEdit(text, edit, step);
          assert.equal(comparable(layoutOf(text, memo)), comparable(layoutOf(text)));
        });
      }),
      { numRuns: 25, seed: 19 },
    );
  });

  test('renaming one state of a long flow lays out only the band and container it changed', () => {
    const text = generateFdl(400);
    const memo = new LayoutMemo();
    const calls = (lay: () => void): number => {
      const original = dagre.layout;
      let count = 0;
      dagre.layout = (g, o) => {
        count++;
        return original(g, o);
      };
      try {
        lay();
      } finally {
        dagre.layout = original;
      }
      return count;
    };
    const first = calls(() => layoutOf(text, memo));
    // As Rename Symbol does it: the state's name and every transition to it.
    const name = /^ {2}- Type: Task\n {4}Name: (\S+)$/m.exec(text.slice(text.length / 2))![1]!;
    const renamed = text.replace(new RegExp(`^(\\s+(?:- )?(?:Name|Next|Default|StartAt): )${name}$`, 'gm'), `$1${name}Renamed`);
    assert.notEqual(renamed, text);
    const again = calls(() => layoutOf(renamed, memo));
    assert.ok(first > 20, `${first} dagre layouts for 400 states`);
    assert.ok(again === 1, `${again} of ${first} dagre layouts after renaming ${name}`);
  });
});
