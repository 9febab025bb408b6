// The layout's ordering step (orderStep) stands in for dagre's own to save work, never to change
// the drawing: on random graphs (branches, joins, cycles, labelled edges) every box and every
// edge point comes out where dagre's own ordering puts them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dagre from '@dagrejs/dagre';
import fc from 'fast-check';
import { orderStep } from '../../../webview/graph/layout';

interface Spec {
  readonly sizes: readonly { width: number; height: number }[];
  readonly edges: readonly { from: number; to: number; label: number }[];
}

const specArb: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({
    sizes: fc.array(fc.record({ width: fc.integer({ min: 110, max: 260 }), height: fc.constant(44) }), { minLength: n, maxLength: n }),
    edges: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), label: fc.integer({ min: 0, max: 30 }) }), { maxLength: 2 * n }),
  }),
);

/** Node centres and edge points, as the layout reads them, after laying `spec` out with `options`. */
function laidOut(spec: Spec, fast: boolean, options: Parameters<typeof dagre.layout>[1]): unknown {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: 0, marginy: 0, ...(fast ? { ranker: 'longest-path' } : {}) });
  g.setDefaultEdgeLabel(() => ({}));
  spec.sizes.forEach((size, i) => g.setNode(`s${i}`, { ...size }));
  spec.edges.forEach((e, i) => {
    if (e.from === e.to) return; // the layout never gives dagre a self edge
    g.setEdge(`s${e.from}`, `s${e.to}`, e.label > 0 ? { width: e.label * 6.2 + 8, height: 14, labelpos: 'c' } : {}, String(i));
  });
  dagre.layout(g, options);
  return {
    nodes: g.nodes().map((v) => [v, g.node(v).x, g.node(v).y]),
    edges: g.edges().map((e) => [e.name, g.edge(e).points, g.edge(e)['x'], g.edge(e)['y']]),
  };
}

describe('the layout orders ranks as dagre does', () => {
  test('fast (long flows): the same drawing as dagre without its crossing heuristic', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        assert.deepEqual(laidOut(spec, true, { customOrder: orderStep(true) }), laidOut(spec, true, { disableOptimalOrderHeuristic: true }));
      }),
      { numRuns: 150, seed: 19 },
    );
  });

  test('best (small flows): the same drawing as dagre with its crossing heuristic', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        assert.deepEqual(laidOut(spec, false, { customOrder: orderStep(false) }), laidOut(spec, false, {}));
      }),
      { numRuns: 150, seed: 19 },
    );
  });
});
