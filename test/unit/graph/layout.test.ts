// The layout: boxes never overlap their siblings, containers hold their children, every edge is
// drawn, on small flows and on long generated ones (cut into bands).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GraphLayout, PlacedNode } from '../../../webview/graph/layout';
import { rankNodes } from '../../../webview/graph/layout';
import { layoutView, viewGraph } from '../../../webview/graph/viewGraph';
import { generateFdl } from '../../../bench/lib/generate';
import { docOf, service } from '../fdl/helpers';

const ls = service();

function laidOut(text: string, branchFrames = false): { layout: GraphLayout; parents: Map<string, string | null>; edgeCount: number } {
  const view = viewGraph(ls.graph(docOf(text)), { branchFrames });
  return { layout: layoutView(view, 'missing'), parents: new Map(view.nodes.map((n) => [n.id, n.parent])), edgeCount: view.edges.length };
}

const overlap = (a: PlacedNode, b: PlacedNode): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function assertSound(layout: GraphLayout, parents: Map<string, string | null>, edgeCount: number): void {
  const nodes = [...layout.nodes.values()];
  assert.equal(nodes.length, parents.size);
  const siblings = new Map<string | null, PlacedNode[]>();
  for (const n of nodes) {
    const p = parents.get(n.id) ?? null;
    (siblings.get(p) ?? siblings.set(p, []).get(p)!).push(n);
    assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= layout.width + 0.5 && n.y + n.height <= layout.height + 0.5, `${n.id} inside the drawing`);
    if (p !== null) {
      const c = layout.nodes.get(p)!;
      assert.ok(c.container && n.x >= c.x && n.y >= c.y && n.x + n.width <= c.x + c.width + 0.5 && n.y + n.height <= c.y + c.height + 0.5, `${n.id} inside ${p}`);
    }
  }
  for (const list of siblings.values()) {
    // sorted by y, only neighbours that can still overlap are compared
    list.sort((a, b) => a.y - b.y);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.y < list[i]!.y + list[i]!.height; j++) {
        assert.ok(!overlap(list[i]!, list[j]!), `${list[i]!.id} and ${list[j]!.id} overlap`);
      }
    }
  }
  assert.equal(layout.edges.length, edgeCount);
  for (const e of layout.edges) assert.ok(e.points.length >= 2 && e.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
}

describe('graph layout', () => {
  for (const size of [12, 150, 1000]) {
    test(`a generated flow of ${size} states`, () => {
      const { layout, parents, edgeCount } = laidOut(generateFdl(size));
      assertSound(layout, parents, edgeCount);
      // a long flow stays narrow: its bands stack down the page
      if (size === 1000) assert.ok(layout.height > layout.width * 5, `${layout.width} x ${layout.height}`);
    });
  }
  test('each Parallel branch gets its own frame inside the Parallel', () => {
    const { layout, parents, edgeCount } = laidOut(generateFdl(40), true);
    assertSound(layout, parents, edgeCount);
    const frames = [...parents.keys()].filter((id) => id.includes('/#branch'));
    assert.ok(frames.length >= 2, frames.join());
    for (const f of frames) assert.ok(layout.nodes.get(f)!.container, `${f} holds its branch's states`);
  });
  test('ranks follow the edges and survive cycles', () => {
    const rank = rankNodes(['a', 'b', 'c', 'd'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'a', to: 'd' }, { from: 'c', to: 'd' }]);
    assert.deepEqual([...rank.entries()].sort(), [['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
  });
});
