// The graph as drawn: the model's nodes plus a ghost node for each missing target, so a broken
// reference still shows where it points. Pure (no DOM).
import type { FlowGraph, GraphEdge, GraphNode } from '../../server/src/lsp/protocol';
import { layoutGraph, type GraphLayout, type LayoutMemo } from './layout';

export interface ViewNode {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly parent: string | null;
  /** Not in the flow: the target of a broken reference. */
  readonly missing: boolean;
  /** Not a state: the frame around one branch of a Parallel (its name is the branch's number). */
  readonly branchFrame: boolean;
  readonly node: GraphNode | undefined;
}

export interface ViewGraph {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly GraphEdge[];
}

export interface ViewOptions {
  /** Frame each branch of a Parallel inside it (the drawings do; Mermaid and DOT do not). */
  readonly branchFrames?: boolean;
}

export function viewGraph(graph: FlowGraph, options: ViewOptions = {}): ViewGraph {
  const frames: ViewNode[] = [];
  const frameOf = new Map<string, string>();
  if (options.branchFrames) {
    for (const n of graph.nodes) {
      if (n.branch === undefined || n.parent === null) continue;
      const key = `${n.parent}/#branch${n.branch}`;
      if (!frameOf.has(key)) frames.push({ id: key, name: String(n.branch + 1), type: '', parent: n.parent, missing: false, branchFrame: true, node: undefined });
      frameOf.set(key, key);
    }
  }
  const parentFor = (n: { parent: string | null; branch?: number }): string | null =>
    options.branchFrames && n.branch !== undefined && n.parent !== null ? `${n.parent}/#branch${n.branch}` : n.parent;
  const nodes: ViewNode[] = graph.nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, parent: parentFor(n), missing: false, branchFrame: false, node: n }));
  // a frame goes right after its Parallel, so containers still come before what they hold
  // (inserted last first, so branch 1 ends up first, at the left)
  for (const f of [...frames].reverse()) nodes.splice(nodes.findIndex((n) => n.id === f.parent) + 1, 0, f);
  const ids = new Set(nodes.map((n) => n.id));
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  for (const e of graph.edges) {
    if (!e.broken || ids.has(e.to)) continue;
    ids.add(e.to);
    const name = e.to.slice(e.to.lastIndexOf('/') + 1);
    nodes.push({ id: e.to, name, type: '', parent: parentOf.get(e.from) ?? null, missing: true, branchFrame: false, node: undefined });
  }
  return { nodes, edges: graph.edges };
}

/** What a box shows under the name. */
export function nodeDetail(n: ViewNode, missingText: string): string {
  return n.missing ? missingText : n.type;
}

/** `memo`: the view's own, kept from one layout of its graph to the next (see LayoutMemo). */
export function layoutView(view: ViewGraph, missingText: string, memo?: LayoutMemo): GraphLayout {
  const edges = view.edges.map((e) => ({ from: e.from, to: e.to, label: edgeText(e) }));
  return layoutGraph(view.nodes.map((n) => ({ id: n.id, parent: n.parent, label: n.name || n.id, detail: nodeDetail(n, missingText) })), edges, memo);
}

/** The words on an edge: its condition or error names; a Choice's Default says so. */
export function edgeText(e: GraphEdge): string | undefined {
  return e.label ?? (e.kind === 'default' ? 'Default' : undefined);
}
