// The screen graph of a WhatsApp Flow JSON: one node per screen, an edge per navigate action
// (labelled with what the user taps) and per routing_model entry. Usable on its own by any view
// that shows screens (the graph, a phone preview).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysedDocument } from '../../service/types';
import { NodeIds, type FlowGraph, type GraphEdge, type GraphNode } from '../../graph/types';
import { flowAnalysis } from '../analyse';
import type { FlowModel } from '../check/model';
import type { ObjectNode } from '../../parse/tree';
import { asArray, asObject, asScalar, stringValue } from '../tree';
import { propertyValue } from '../../parse/properties';
import { rangeOf } from '../../parse/positions';

export const SCREEN_NODE_TYPE = 'screen';
export const TERMINAL_SCREEN_NODE_TYPE = 'terminal screen';

export function whatsappGraph(doc: AnalysedDocument): FlowGraph {
  return screenGraph(flowAnalysis(doc).model, doc.document);
}

export function screenGraph(model: FlowModel, doc: TextDocument): FlowGraph {
  const ids = new NodeIds();
  const byScreenId = new Map<string, string>();
  const nodes: GraphNode[] = model.screens.map((screen) => {
    const id = ids.take('', screen.id, screen.index);
    if (screen.id !== undefined && !byScreenId.has(screen.id)) byScreenId.set(screen.id, id);
    return {
      id,
      name: screen.id ?? '',
      type: screen.terminal ? TERMINAL_SCREEN_NODE_TYPE : SCREEN_NODE_TYPE,
      parent: null,
      range: rangeOf(doc, screen.node.range),
    };
  });
  const edge = (from: string, target: string, kind: 'navigate' | 'route', label?: string): GraphEdge => {
    const to = byScreenId.get(target);
    return { from, to: to ?? target, kind, ...(label ? { label } : {}), ...(to === undefined ? { broken: true } : {}) };
  };
  const edges: GraphEdge[] = [];
  model.screens.forEach((screen, i) => {
    const from = nodes[i]!.id;
    for (const action of screen.actions) {
      if (action.name !== 'navigate' || action.next === undefined) continue;
      const label = stringValue(action.component.node, 'label') ?? action.component.type;
      edges.push(edge(from, action.next, 'navigate', label));
    }
    for (const c of screen.components) {
      for (const item of listItemNavigations(c.node)) edges.push(edge(from, item.next, 'navigate', item.label));
    }
  });
  for (const p of model.routingModel?.properties ?? []) {
    const from = byScreenId.get(p.key);
    if (from === undefined) continue; // an unknown routing key is the checks' to report; it has no node to start from
    for (const t of asArray(p.value)?.items ?? []) {
      const s = asScalar(t);
      if (typeof s?.value === 'string') edges.push(edge(from, s.value, 'route'));
    }
  }
  return { nodes, edges };
}

/** The navigate actions of a NavigationList's items (each item has its own `on-click-action`). */
function* listItemNavigations(component: ObjectNode): Generator<{ next: string; label: string | undefined }> {
  for (const item of asArray(propertyValue(component, 'list-items'))?.items ?? []) {
    const action = asObject(propertyValue(asObject(item), 'on-click-action'));
    if (stringValue(action, 'name') !== 'navigate') continue;
    const next = stringValue(asObject(propertyValue(action, 'next')), 'name');
    if (next === undefined) continue;
    yield { next, label: stringValue(asObject(propertyValue(asObject(item), 'main-content')), 'title') ?? stringValue(asObject(item), 'id') };
  }
}
