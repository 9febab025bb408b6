// The screens' routing as the preview pages and the panel's session read it, from the language
// service's screen graph (server/src/whatsapp/features/graph.ts): where the flow starts, where
// each screen leads, which screens end it, and a reading order from the entry.
import type { FlowGraph } from '../../../server/src/lsp/protocol';

/** The model's word for a terminal screen's node. */
export const TERMINAL_SCREEN_TYPE = 'terminal screen';

export interface RoutingEdge {
  /** Screen ids. */
  readonly from: string;
  readonly to: string;
}

export interface Routing {
  readonly entry: string | undefined;
  /** Screen ids: breadth first from the entry, then any screen not reached, in file order. */
  readonly order: readonly string[];
  /** Each screen-to-screen transition once (navigate actions and routing_model alike), in the model's order. */
  readonly edges: readonly RoutingEdge[];
  readonly terminal: ReadonlySet<string>;
}

export const NO_ROUTING: Routing = { entry: undefined, order: [], edges: [], terminal: new Set() };

export function screenRouting(graph: FlowGraph): Routing {
  const nameOf = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const edges: RoutingEdge[] = [];
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const from = nameOf.get(e.from);
    const to = e.broken ? undefined : nameOf.get(e.to);
    const key = `${from}\n${to}`;
    // a missing target is a diagnostic, not a place to go; staying on the screen is no move
    if (from === undefined || to === undefined || from === to || seen.has(key)) continue;
    seen.add(key);
    edges.push({ from, to });
  }
  const ids = graph.nodes.map((n) => n.name);
  // WhatsApp starts on the screen nothing leads to; a flow that only loops starts on its first
  const reached = new Set(edges.map((e) => e.to));
  const entry = ids.find((id) => !reached.has(id)) ?? ids[0];
  const order: string[] = [];
  const visit = (start: string): void => {
    const queue = [start];
    while (queue.length) {
      const id = queue.shift() as string;
      if (order.includes(id)) continue;
      order.push(id);
      for (const e of edges) if (e.from === id && !order.includes(e.to)) queue.push(e.to);
    }
  };
  if (entry !== undefined) visit(entry);
  for (const id of ids) if (!order.includes(id)) visit(id);
  const terminal = new Set(graph.nodes.filter((n) => n.type === TERMINAL_SCREEN_TYPE).map((n) => n.name));
  return { entry, order, edges, terminal };
}
