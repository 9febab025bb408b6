// The screens' routing beside the phone, drawn from the language service's screen graph with the
// graph view's own layout and SVG: one box per screen (the entry and terminal screens say so),
// an arrow per navigate action (labelled with what the user taps) or routing_model entry. Pure
// (no DOM): the panel inserts the markup and makes the boxes clickable.
import type { FlowGraph, GraphEdge } from '../../server/src/lsp/protocol';
import { LIGHT_SVG_THEME, graphSvg } from '../graph/svg';
import { layoutView, viewGraph, type ViewGraph } from '../graph/viewGraph';
import { screenRouting, TERMINAL_SCREEN_TYPE as TERMINAL_TYPE } from './render/routing';

export interface RouteGraphWords {
  readonly entry: string;
  readonly terminal: string;
  /** Under the name of a screen that is referenced but does not exist. */
  readonly missing: string;
}

export interface RouteGraphDrawing {
  readonly svg: string;
  /** Screen id (the node's name) by node id, for the boxes the panel makes clickable. */
  readonly screens: ReadonlyMap<string, string>;
  readonly entry: string | undefined;
}

/** The screen a flow opens on (the session starts there too). */
export function entryScreen(graph: FlowGraph): string | undefined {
  return screenRouting(graph).entry;
}

/**
 * The edges worth drawing: a routing_model entry the same screens' navigate action already
 * shows (with its label) would only draw a second, unlabelled arrow beside it.
 */
export function drawnEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  const navigates = new Set(edges.filter((e) => e.kind === 'navigate').map((e) => `${e.from}\n${e.to}`));
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.kind}\n${e.from}\n${e.to}\n${e.label ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !(e.kind === 'route' && navigates.has(`${e.from}\n${e.to}`));
  });
}

/** The view of the graph, each box's second line saying whether it is the entry or a terminal screen. */
export function routeView(graph: FlowGraph, words: RouteGraphWords): ViewGraph {
  const entry = entryScreen(graph);
  const view = viewGraph({ nodes: graph.nodes, edges: drawnEdges(graph.edges) });
  const nodes = view.nodes.map((n) => {
    if (n.missing) return n;
    const marks = [n.name === entry ? words.entry : '', n.type === TERMINAL_TYPE ? words.terminal : ''].filter(Boolean);
    return { ...n, type: marks.join(' · ') };
  });
  return { nodes, edges: view.edges };
}

export function routeGraph(graph: FlowGraph, words: RouteGraphWords): RouteGraphDrawing {
  const view = routeView(graph, words);
  const layout = layoutView(view, words.missing);
  // the light colours are only the file's fallback: panel.css recolours every class with the theme
  const svg = graphSvg(view, layout, { theme: LIGHT_SVG_THEME, missingText: words.missing });
  const screens = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return { svg, screens, entry: entryScreen(graph) };
}

/** Whether a node is a terminal screen (for a class the stylesheet marks). */
export function terminalNodes(graph: FlowGraph): Set<string> {
  return new Set(graph.nodes.filter((n) => n.type === TERMINAL_TYPE).map((n) => n.id));
}
