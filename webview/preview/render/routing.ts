// The screens' routing as the preview draws it: `routing_model` edges plus every navigate
// action's target, the entry screen (no inbound edge) and a reading order from it.
// Self-contained on purpose: a graph model served by the language service can replace it.
import { flowScreens } from './flow';
import { isObject, objectAt, type JsonValue } from './json';

export interface RoutingEdge {
  readonly from: string;
  readonly to: string;
  /** `route`: declared in routing_model; `navigate`: a navigate action's `next`. */
  readonly kind: 'route' | 'navigate';
}

export interface Routing {
  readonly entry: string | undefined;
  /** Screen ids: breadth first from the entry, then any screen not reached, in file order. */
  readonly order: readonly string[];
  readonly edges: readonly RoutingEdge[];
  readonly terminal: ReadonlySet<string>;
}

export function flowRouting(flow: unknown): Routing {
  const screens = flowScreens(flow);
  const ids = screens.map((s) => s.id);
  const edges: RoutingEdge[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, kind: RoutingEdge['kind']) => {
    const key = `${from}->${to}`;
    if (from === to || seen.has(key) || !ids.includes(to)) return;
    seen.add(key);
    edges.push({ from, to, kind });
  };
  const model = objectAt(flow, 'routing_model');
  if (model) {
    for (const [from, targets] of Object.entries(model)) {
      if (Array.isArray(targets)) for (const t of targets) if (typeof t === 'string') add(from, t, 'route');
    }
  }
  for (const s of screens) for (const to of navigateTargets(s.json['layout'])) add(s.id, to, 'navigate');

  const inbound = new Set(edges.map((e) => e.to));
  const entry = ids.find((id) => !inbound.has(id)) ?? ids[0];
  const order: string[] = [];
  const visit = (start: string) => {
    const queue = [start];
    while (queue.length) {
      const id = queue.shift() as string;
      if (order.includes(id)) continue;
      order.push(id);
      for (const e of edges) if (e.from === id && !order.includes(e.to)) queue.push(e.to);
    }
  };
  if (entry) visit(entry);
  for (const id of ids) if (!order.includes(id)) visit(id);
  const terminal = new Set(screens.filter((s) => s.json['terminal'] === true).map((s) => s.id));
  return { entry, order, edges, terminal };
}

/** Targets of every navigate action anywhere under `node`. */
function navigateTargets(node: JsonValue | undefined): string[] {
  const out: string[] = [];
  const visit = (n: JsonValue | undefined): void => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (isObject(n)) {
      if (n['name'] === 'navigate') {
        const next = objectAt(n, 'next');
        if (typeof next?.['name'] === 'string') out.push(next['name']);
      }
      Object.values(n).forEach(visit);
    }
  };
  visit(node);
  return out;
}
