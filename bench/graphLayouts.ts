// node --import tsx bench/graphLayouts.ts [states] — the two layered-layout libraries the graph
// view could use, on the same generated flow's graph: dagre (as the view uses it: containers
// laid out one by one, long flows cut into bands) and elkjs (layered, the whole compound graph
// at once, as ELK is meant to be used). Prints one line per library, medians of three runs.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/languageService';
import { layoutView, viewGraph } from '../webview/graph/viewGraph';
import { nodeWidth, NODE_HEIGHT } from '../webview/graph/layout';
import { generateFdl } from './lib/generate';
import { median, ms } from './lib/stats';

const states = Number(process.argv[2] ?? 1000);
const graph = createLanguageService().graph(TextDocument.create('file:///bench/layout.flow.yaml', 'yaml', 1, generateFdl(states)));
const view = viewGraph(graph);

const dagreTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  layoutView(view, 'missing');
  dagreTimes.push(performance.now() - t0);
}
console.log(`dagre (banded, per container): ${ms(median(dagreTimes))} ms for ${states} states`);

function elkGraph(): ElkNode {
  const nodes = new Map<string, ElkNode>(view.nodes.map((n) => [n.id, { id: n.id, width: nodeWidth(n.name, n.type), height: NODE_HEIGHT, children: [] }]));
  const root: ElkNode = { id: 'root', layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' }, children: [] };
  for (const n of view.nodes) (n.parent !== null ? nodes.get(n.parent)! : root).children!.push(nodes.get(n.id)!);
  root.edges = view.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] }));
  return root;
}

void (async () => {
  const elk = new ELK();
  const elkTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await elk.layout(elkGraph());
    elkTimes.push(performance.now() - t0);
  }
  console.log(`elkjs (layered, compound graph): ${ms(median(elkTimes))} ms for ${states} states`);
})();
