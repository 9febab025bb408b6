// routing_model rules (research/whatsapp-tencent.md A.7, whatsapp-gaps.md §1.3 "Routing model"):
// known screens only, no self routes, forward routes only, at most 10 branches, an entry screen,
// every screen connected, every route ends at a terminal screen, navigate actions have a route.
import { DiagnosticCodes as C } from '../../diagnostics/codes';
import type { OffsetRange, ScalarNode } from '../../parse/tree';
import { MAX_ROUTING_BRANCHES } from '../spec/document';
import { asArray, asScalar } from '../tree';
import { lastProperty } from '../../parse/properties';
import type { FlowModel } from './model';
import type { Problems } from './problems';
import { closestName } from '../../text/closestName';

const SEPARATORS = { ignoreSeparators: true };

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly node: ScalarNode;
}

export function checkRouting(model: FlowModel, problems: Problems): void {
  const rm = model.routingModel;
  const ids = model.screens.map((s) => s.id).filter((x): x is string => x !== undefined);
  // An empty routing model is the same as none: the service derives it from navigate actions.
  if (!rm || rm.properties.length === 0) {
    checkNavigateGraph(model, ids, problems);
    return;
  }
  const rmKey = lastProperty(model.root, 'routing_model')?.keyRange ?? rm.range;
  const edges: Edge[] = [];
  const keys = new Set<string>();
  for (const p of rm.properties) {
    keys.add(p.key);
    if (!ids.includes(p.key)) {
      const guess = closestName(p.key, ids, SEPARATORS);
      problems.error(p.keyRange, C.waRoutingModel, `Invalid screens found in the routing model: [${p.key}].${guess ? ` Did you mean '${guess}'?` : ''}`);
    }
    const targets = asArray(p.value)?.items ?? [];
    if (targets.length > MAX_ROUTING_BRANCHES) {
      problems.error(p.keyRange, C.waRoutingModel, `Number of branches exceeds the max limit of ${MAX_ROUTING_BRANCHES} for screens: [${p.key}].`);
    }
    for (const t of targets) {
      const s = asScalar(t);
      if (typeof s?.value !== 'string') continue;
      if (s.value === p.key) {
        problems.error(s.range, C.waRoutingModel, `A route cannot point to its own screen ('${p.key}'): remove it.`);
        continue;
      }
      if (!ids.includes(s.value)) {
        const guess = closestName(s.value, ids, SEPARATORS);
        problems.error(s.range, C.waRoutingModel, `Invalid screens found in the routing model: [${s.value}].${guess ? ` Did you mean '${guess}'?` : ''}`);
        continue;
      }
      edges.push({ from: p.key, to: s.value, node: s });
    }
  }
  const missing = ids.filter((id) => !keys.has(id));
  if (missing.length > 0) {
    problems.semantic(rmKey, C.waRoutingModel, `Following screens are missing in the routing model: [${missing.join(', ')}]. Add each screen as a key (with [] when it goes nowhere).`);
  }
  for (const e of edges) {
    if (edges.some((b) => b.from === e.to && b.to === e.from) && ids.indexOf(e.from) > ids.indexOf(e.to)) {
      problems.error(e.node.range, C.waRoutingModel, `Backward route [${e.from}->${e.to}] corresponding to forward route [${e.to}->${e.from}] is not allowed in the routing model. Only forward routes can be specified.`);
    }
  }
  const known = ids.filter((id) => keys.has(id));
  const inbound = new Set(edges.map((e) => e.to));
  const entries = known.filter((id) => !inbound.has(id));
  if (known.length > 0 && entries.length === 0) {
    problems.error(rmKey, C.waRoutingModel, 'No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen.');
  }
  const reachable = reach(entries, edges);
  const unconnected = known.filter((id) => !reachable.has(id));
  if (entries.length > 0 && unconnected.length > 0) {
    problems.semantic(rmKey, C.waRoutingModel, `Following screens are not connected with the rest of the screens: [${unconnected.join(', ')}]. All screens should be connected.`);
  }
  const terminal = new Set(model.screens.filter((s) => s.terminal).map((s) => s.id));
  for (const p of rm.properties) {
    const out = edges.filter((e) => e.from === p.key);
    if (out.length === 0 && ids.includes(p.key) && !terminal.has(p.key)) {
      problems.warning(p.keyRange, C.waRoutingModel, `Screen '${p.key}' has no route onward and is not terminal: all routes must end at a terminal screen. Add a route or mark it "terminal": true.`);
    }
  }
  const cycle = findCycle(known, edges);
  if (cycle) {
    problems.error(rmKey, C.waRoutingModel, `Loop detected in the routing model for screens: [${cycle.join(', ')}]. Routes go forward only; going back is implied.`);
  }
  for (const screen of model.screens) {
    for (const action of screen.actions) {
      if (action.name !== 'navigate' || action.next === undefined || !action.nextNode || screen.id === undefined) continue;
      if (!ids.includes(action.next) || action.next === screen.id || !keys.has(screen.id)) continue;
      if (!edges.some((e) => e.from === screen.id && e.to === action.next)) {
        problems.semantic(action.nextNode.range, C.waRoutingModel, `Missing direct route from screen '${screen.id}' to screen '${action.next}' in the routing model, while it exists in the navigate screen action of screen '${screen.id}'. Add "${action.next}" to routing_model.${screen.id}.`);
      }
    }
  }
}

function reach(starts: readonly string[], edges: readonly Edge[]): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const from = queue.shift() as string;
    for (const e of edges) {
      if (e.from === from && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}

/** A cycle of three or more screens (two-screen cycles are reported as backward routes). */
function findCycle(nodes: readonly string[], edges: readonly Edge[]): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 'open');
    stack.push(n);
    for (const e of edges) {
      if (e.from !== n) continue;
      const s = state.get(e.to);
      if (s === 'open') {
        const cycle = stack.slice(stack.indexOf(e.to));
        if (cycle.length > 2) return cycle;
      } else if (s === undefined) {
        const found = visit(e.to);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

/** Without a routing model the service derives routes from navigate actions. */
function checkNavigateGraph(model: FlowModel, ids: readonly string[], problems: Problems): void {
  if (ids.length < 2 || model.screens.some((s) => s.components.some((c) => c.type === 'NavigationList'))) return;
  if (model.dataApiVersion !== undefined || model.screens.some((s) => s.actions.some((a) => a.name === 'data_exchange'))) return;
  const edges: Edge[] = [];
  for (const s of model.screens) {
    for (const a of s.actions) {
      if (a.name === 'navigate' && a.next && a.nextNode && s.id !== undefined && ids.includes(a.next) && a.next !== s.id) {
        edges.push({ from: s.id, to: a.next, node: a.nextNode });
      }
    }
  }
  const inbound = new Set(edges.map((e) => e.to));
  const entries = ids.filter((id) => !inbound.has(id));
  const anchor: OffsetRange = lastProperty(model.root, 'screens')?.keyRange ?? model.root?.range ?? { start: 0, end: 0 };
  if (entries.length === 0) {
    problems.semantic(anchor, C.waRoutingModel, 'No entry screen found. Add a screen that is not used as the next screen in any of the navigate actions.');
    return;
  }
  const reachable = reach(entries.slice(0, 1), edges);
  const unconnected = ids.filter((id) => !reachable.has(id));
  for (const id of unconnected) {
    const screen = model.screens.find((s) => s.id === id);
    problems.semantic(
      screen?.idNode?.range ?? anchor,
      C.waRoutingModel,
      `Screen '${id}' is not connected with the rest of the screens via navigate screen action: navigate to it from another screen, or remove it.`,
    );
  }
}
