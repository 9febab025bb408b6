// Lays out a flow graph as layered boxes (dagre), containers first: each Parallel / Map / foreach
// is laid out on its own, then placed as one big box in its parent's layout. Pure (no DOM): the
// webview draws it and `flowdeck graph --format svg` prints it.
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

export interface LayoutNodeInput {
  readonly id: string;
  readonly parent: string | null;
  /** The text the box shows, to size it. */
  readonly label: string;
  /** A second, smaller line (the type). */
  readonly detail: string;
}

export interface LayoutEdgeInput {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly id: string;
  /** Top-left corner and size, in the drawing's coordinates. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Holds other nodes (drawn as a frame with the label on top). */
  readonly container: boolean;
  readonly depth: number;
}

export interface PlacedEdge {
  /** Index of the edge in the input. */
  readonly index: number;
  readonly points: readonly Point[];
  /** Where the label's centre goes. */
  readonly labelAt: Point | undefined;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  readonly edges: readonly PlacedEdge[];
}

export const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7.2; // 12 px sans-serif averages about this; the view uses the same font size
const MIN_WIDTH = 110;
const MAX_WIDTH = 260;
const PADDING = 16;
const HEADER = 26;
const MARGIN = 20;
const LABEL_MAX_CHARS = 28;

export function nodeWidth(label: string, detail: string): number {
  const chars = Math.max(label.length, detail.length * 0.85);
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars * CHAR_WIDTH + 2 * PADDING)));
}

/** An edge label as drawn: long conditions are shortened (the full text is in the tooltip). */
export function shortLabel(label: string): string {
  return label.length > LABEL_MAX_CHARS ? `${label.slice(0, LABEL_MAX_CHARS - 1)}…` : label;
}

interface Box { width: number; height: number; children: string[] }
interface Size { width: number; height: number }
interface BlockEdge { index: number; from: string; to: string; label: string }
interface Route { points: Point[]; labelAt: Point | undefined }
interface Block { width: number; height: number; positions: Map<string, Local>; routes: Map<number, Route> }
interface Local { x: number; y: number }

/**
 * The blocks (a band of a long flow, a container's inside) of a view's last layout, for its next
 * one: a structural edit (a renamed state, a new `Next`) changes a band or two, and the rest come
 * back as dagre laid them out, for the price of a key. Only the last layout's blocks are kept.
 */
export class LayoutMemo {
  private previous = new Map<string, RememberedBlock>();
  private current = new Map<string, RememberedBlock>();

  /** Starts a layout: the last one's blocks are what it may reuse. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The block of `ids` and `edges` (with these sizes), laid out by dagre unless the last layout had it. */
  block(ids: readonly string[], sizes: Map<string, Size>, edges: readonly BlockEdge[], fast: boolean): Block {
    const key = JSON.stringify([fast, ids.map((id) => [id, sizes.get(id)!.width, sizes.get(id)!.height]), edges.map((e) => [e.from, e.to, e.label])]);
    let kept = this.previous.get(key) ?? this.current.get(key);
    if (!kept) {
      const block = layoutBlock(ids, sizes, edges, fast);
      // Routes by the edge's place in the block: the edges' indexes in the whole graph move with any edit.
      kept = { width: block.width, height: block.height, positions: block.positions, routes: edges.map((e) => block.routes.get(e.index)) };
    }
    this.current.set(key, kept);
    const routes = new Map<number, Route>();
    edges.forEach((e, i) => {
      const r = kept.routes[i];
      if (r) routes.set(e.index, r);
    });
    return { width: kept.width, height: kept.height, positions: kept.positions, routes };
  }
}

interface RememberedBlock {
  readonly width: number;
  readonly height: number;
  readonly positions: Map<string, Local>;
  readonly routes: readonly (Route | undefined)[];
}

/** `memo`: the view's own, when it lays out the same graph again after edits (see LayoutMemo). */
export function layoutGraph(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], memo = new LayoutMemo()): GraphLayout {
  memo.begin();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const childrenOf = new Map<string | null, string[]>();
  for (const n of nodes) {
    const parent = n.parent !== null && byId.has(n.parent) ? n.parent : null;
    const list = childrenOf.get(parent);
    if (list) list.push(n.id);
    else childrenOf.set(parent, [n.id]);
  }
  const parentOf = (id: string): string | null => {
    const p = byId.get(id)?.parent ?? null;
    return p !== null && byId.has(p) ? p : null;
  };
  /** The ancestor of `id` (or itself) that sits directly in `container`. */
  const inContainer = (id: string, container: string | null): string | undefined => {
    let cur: string | null = id;
    while (cur !== null) {
      const p = parentOf(cur);
      if (p === container) return cur;
      cur = p;
    }
    return undefined;
  };

  // Edges are laid out in the innermost container holding both ends (lifted to its children).
  const edgesIn = new Map<string | null, number[]>();
  edges.forEach((e, i) => {
    if (!byId.has(e.from) || !byId.has(e.to)) return;
    for (let c: string | null = parentOf(e.from); ; c = parentOf(c)) {
      const a = inContainer(e.from, c);
      const b = inContainer(e.to, c);
      if (a !== undefined && b !== undefined) {
        if (a !== b) (edgesIn.get(c) ?? edgesIn.set(c, []).get(c)!).push(i);
        break;
      }
      if (c === null) break;
    }
  });

  const boxes = new Map<string | null, Box>();
  const local = new Map<string, Local>();
  const routes = new Map<number, { container: string | null; points: Point[]; labelAt: Point | undefined }>();

  const layoutContainer = (container: string | null): Box => {
    const children = childrenOf.get(container) ?? [];
    const sizes = new Map<string, Size>();
    for (const id of children) {
      const n = byId.get(id)!;
      if (childrenOf.has(id)) {
        const inner = layoutContainer(id);
        sizes.set(id, { width: Math.max(inner.width, nodeWidth(n.label, n.detail)), height: inner.height });
      } else {
        sizes.set(id, { width: nodeWidth(n.label, n.detail), height: NODE_HEIGHT });
      }
    }
    const mine = (edgesIn.get(container) ?? []).map((i): BlockEdge => {
      const e = edges[i]!;
      return { index: i, from: inContainer(e.from, container)!, to: inContainer(e.to, container)!, label: e.label ? shortLabel(e.label) : '' };
    });
    const block = layoutBanded(children, sizes, mine, memo);
    const inset = container === null ? MARGIN : PADDING;
    const top = container === null ? MARGIN : HEADER;
    // children positions are relative to the container's top-left corner from here on
    for (const [id, p] of block.positions) local.set(id, { x: p.x + inset, y: p.y + top });
    for (const [i, r] of block.routes) {
      routes.set(i, {
        container,
        points: r.points.map((p) => ({ x: p.x + inset, y: p.y + top })),
        labelAt: r.labelAt ? { x: r.labelAt.x + inset, y: r.labelAt.y + top } : undefined,
      });
    }
    const box = { width: block.width + 2 * inset, height: block.height + top + inset, children };
    boxes.set(container, box);
    return box;
  };

  const rootBox = layoutContainer(null);
  const placed = new Map<string, PlacedNode>();
  const origin = new Map<string | null, Local>([[null, { x: 0, y: 0 }]]);
  const place = (container: string | null, depth: number): void => {
    const o = origin.get(container)!;
    for (const id of childrenOf.get(container) ?? []) {
      const l = local.get(id)!;
      const x = o.x + l.x;
      const y = o.y + l.y;
      const inner = boxes.get(id);
      const n = byId.get(id)!;
      const width = inner ? Math.max(inner.width, nodeWidth(n.label, n.detail)) : nodeWidth(n.label, n.detail);
      placed.set(id, { id, x, y, width, height: inner ? inner.height : NODE_HEIGHT, container: inner !== undefined, depth });
      if (inner) {
        origin.set(id, { x, y });
        place(id, depth + 1);
      }
    }
  };
  place(null, 0);

  const placedEdges: PlacedEdge[] = [];
  edges.forEach((e, index) => {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) return;
    const r = routes.get(index);
    const lifted = r && inContainer(e.from, r.container) === e.from && inContainer(e.to, r.container) === e.to;
    if (r && lifted && r.points.length > 0) {
      const o = origin.get(r.container)!;
      placedEdges.push({
        index,
        points: r.points.map((p) => ({ x: p.x + o.x, y: p.y + o.y })),
        labelAt: r.labelAt ? { x: r.labelAt.x + o.x, y: r.labelAt.y + o.y } : undefined,
      });
      return;
    }
    // an edge into or out of a container's inside: a straight line between the boxes
    const points = straight(a, b);
    const mid = points.length === 2 ? { x: (points[0]!.x + points[1]!.x) / 2, y: (points[0]!.y + points[1]!.y) / 2 } : undefined;
    placedEdges.push({ index, points, labelAt: e.label ? mid : undefined });
  });
  return { width: rootBox.width, height: rootBox.height, nodes: placed, edges: placedEdges };
}

/** From the border of `a` to the border of `b`, along the line between their centres. */
function straight(a: PlacedNode, b: PlacedNode): Point[] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  // a node inside the other container: leave from (or arrive at) the container's top edge
  const inside = (outer: PlacedNode, p: Point) => p.x >= outer.x && p.x <= outer.x + outer.width && p.y >= outer.y && p.y <= outer.y + outer.height;
  const start = inside(a, cb) ? { x: cb.x, y: a.y + HEADER / 2 } : clip(a, ca, cb);
  const end = inside(b, ca) ? { x: ca.x, y: b.y + HEADER / 2 } : clip(b, cb, ca);
  return [start, end];
}

function clip(box: PlacedNode, from: Point, toward: Point): Point {
  const dx = toward.x - from.x;
  const dy = toward.y - from.y;
  if (dx === 0 && dy === 0) return from;
  const sx = dx === 0 ? Infinity : (box.width / 2) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (box.height / 2) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: from.x + dx * s, y: from.y + dy * s };
}

/**
 * Ranks per band: dagre's ordering costs about ranks x nodes, so a long flow is cut into bands of
 * this many ranks, each laid out by dagre and stacked; edges between bands are routed here.
 */
const BAND_RANKS = 20;
const BAND_GAP = 36;
const GUTTER = 14;

/** Longest-path ranks over the edges minus those closing a cycle (found by one iterative DFS). */
export function rankNodes(ids: readonly string[], edges: readonly { from: string; to: string }[]): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const id of ids) out.set(id, []);
  for (const e of edges) out.get(e.from)?.push(e.to);
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const order: string[] = []; // reverse post-order = a topological order of the acyclic part
  const back = new Set<string>();
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top[0])!;
      if (top[1] < targets.length) {
        const t = targets[top[1]++]!;
        const st = state.get(t);
        if (st === undefined) {
          state.set(t, 1);
          stack.push([t, 0]);
        } else if (st === 1) {
          back.add(`${top[0]}\u0000${t}`);
        }
      } else {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      }
    }
  }
  const rank = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const r = rank.get(id) ?? 0;
    rank.set(id, r);
    for (const t of out.get(id)!) {
      if (back.has(`${id}\u0000${t}`)) continue;
      if ((rank.get(t) ?? -1) < r + 1) rank.set(t, r + 1);
    }
  }
  return rank;
}

function layoutBanded(ids: readonly string[], sizes: Map<string, Size>, edges: readonly BlockEdge[], memo: LayoutMemo): Block {
  if (ids.length <= BAND_RANKS) return memo.block(ids, sizes, edges, false);
  const rank = rankNodes(ids, edges);
  const bandOf = (id: string): number => Math.floor((rank.get(id) ?? 0) / BAND_RANKS);
  const bands: string[][] = [];
  for (const id of ids) (bands[bandOf(id)] ??= []).push(id);
  const inBand: BlockEdge[][] = bands.map(() => []);
  const across: BlockEdge[] = [];
  for (const e of edges) {
    const b = bandOf(e.from);
    if (b === bandOf(e.to)) inBand[b]!.push(e);
    else across.push(e);
  }
  const blocks = bands.map((band, b) => memo.block(band ?? [], sizes, inBand[b]!, true));
  const width = Math.max(...blocks.map((b) => b.width));
  const positions = new Map<string, Local>();
  const routes = new Map<number, Route>();
  let y = 0;
  blocks.forEach((block) => {
    const dx = (width - block.width) / 2;
    for (const [id, p] of block.positions) positions.set(id, { x: p.x + dx, y: p.y + y });
    for (const [i, r] of block.routes) {
      routes.set(i, { points: r.points.map((p) => ({ x: p.x + dx, y: p.y + y })), labelAt: r.labelAt ? { x: r.labelAt.x + dx, y: r.labelAt.y + y } : undefined });
    }
    y += block.height + BAND_GAP;
  });
  const height = Math.max(0, y - BAND_GAP);
  const box = (id: string) => ({ ...positions.get(id)!, ...sizes.get(id)! });
  let gutters = 0;
  for (const e of across) {
    const a = box(e.from);
    const b = box(e.to);
    let points: Point[];
    if (bandOf(e.to) === bandOf(e.from) + 1) {
      // into the next band: down from the bottom, across in the gap, into the top
      const gapY = a.y + a.height + (b.y - a.y - a.height) / 2;
      const ax = a.x + a.width / 2;
      const bx = b.x + b.width / 2;
      points = [{ x: ax, y: a.y + a.height }, { x: ax, y: Math.min(gapY, b.y - BAND_GAP / 2) }, { x: bx, y: Math.min(gapY, b.y - BAND_GAP / 2) }, { x: bx, y: b.y }];
    } else {
      // far away: out to the right-hand gutter, along it, and back in
      const gx = width + GUTTER * (1 + (gutters++ % 3));
      points = [{ x: a.x + a.width, y: a.y + a.height / 2 }, { x: gx, y: a.y + a.height / 2 }, { x: gx, y: b.y + b.height / 2 }, { x: b.x + b.width, y: b.y + b.height / 2 }];
    }
    const labelAt = e.label ? { x: (points[1]!.x + points[2]!.x) / 2, y: (points[1]!.y + points[2]!.y) / 2 } : undefined;
    routes.set(e.index, { points, labelAt });
  }
  return { width: width + (gutters > 0 ? GUTTER * 4 : 0), height, positions, routes };
}

/** One dagre layout; `fast` trades dagre's best ranking and ordering for speed (long flows). */
function layoutBlock(ids: readonly string[], sizes: Map<string, Size>, edges: readonly BlockEdge[], fast = false): Block {
  // One box (a branch of one state): where dagre puts it, without its fixed cost
  if (ids.length === 1 && edges.length === 0) {
    const size = sizes.get(ids[0]!)!;
    return { width: size.width, height: size.height, positions: new Map([[ids[0]!, { x: 0, y: 0 }]]), routes: new Map() };
  }
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: 0, marginy: 0, ...(fast ? { ranker: 'longest-path' } : {}) });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { ...sizes.get(id)! });
  for (const e of edges) {
    g.setEdge(e.from, e.to, e.label ? { width: e.label.length * 6.2 + 8, height: 14, labelpos: 'c' } : {}, String(e.index));
  }
  dagre.layout(g, { customOrder: orderStep(fast) });
  let width = 0;
  let height = 0;
  const positions = new Map<string, Local>();
  for (const id of ids) {
    const n = g.node(id);
    const s = sizes.get(id)!;
    positions.set(id, { x: (n.x ?? 0) - s.width / 2, y: (n.y ?? 0) - s.height / 2 });
    width = Math.max(width, (n.x ?? 0) + s.width / 2);
    height = Math.max(height, (n.y ?? 0) + s.height / 2);
  }
  const routes = new Map<number, Route>();
  for (const e of edges) {
    const label = g.edge(e.from, e.to, String(e.index));
    const points = (label?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    for (const p of points) {
      width = Math.max(width, p.x);
      height = Math.max(height, p.y);
    }
    routes.set(e.index, { points, labelAt: e.label && label?.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : undefined });
  }
  return { width, height, positions, routes };
}

/** dagre's ordering step, given as its `customOrder`. */
export type OrderStep = NonNullable<NonNullable<Parameters<typeof dagre.layout>[1]>['customOrder']>;
type LayerGraph = Parameters<OrderStep>[0];

/**
 * dagre's first ordering of each rank: a depth-first walk from the nodes sorted by rank, as its
 * initOrder without a previous layout. dagre builds two layer graphs per rank before it reads
 * `disableOptimalOrderHeuristic`, about 45% of a long band's layout, and then never uses them.
 */
const firstOrder: OrderStep = (graph) => assignOrder(graph, firstLayers(graph));

/** dagre's crossing-reducing ordering, skipped when no rank holds two nodes (no other order exists then). */
const firstOrderUnlessCrossable: OrderStep = (graph, order) => {
  const layers = firstLayers(graph);
  if (layers.some((layer) => layer.length > 1)) order(graph, {});
  else assignOrder(graph, layers);
};

/** The ordering a layout uses: dagre's first order for long flows, its best one otherwise; each as dagre itself would order, for less. */
export function orderStep(fast: boolean): OrderStep {
  return fast ? firstOrder : firstOrderUnlessCrossable;
}

function assignOrder(graph: LayerGraph, layers: readonly string[][]): void {
  for (const layer of layers) layer.forEach((v, i) => { (graph.node(v) as { order?: number }).order = i; });
}

function firstLayers(graph: LayerGraph): string[][] {
  const rankOf = (v: string): number => (graph.node(v) as { rank?: number }).rank ?? 0;
  const layers: string[][] = [];
  const visited = new Set<string>();
  const visit = (v: string): void => {
    if (visited.has(v)) return;
    visited.add(v);
    (layers[rankOf(v)] ??= []).push(v);
    for (const w of graph.successors(v) ?? []) visit(w);
  };
  // dagre's walk: every node without children, by rank (a stable sort)
  const simple = graph.nodes().filter((v) => graph.children(v).length === 0);
  for (const v of simple.sort((a, b) => rankOf(a) - rankOf(b))) visit(v);
  return Array.from(layers, (layer) => layer ?? []);
}
