// The graph of a legacy flow (`steps`): the references (`goto`) of the model, plus what the
// legacy spec leaves implicit: a step continues with the next step of its list unless it ends,
// and a choice branch, default or catch rule with its own `steps` starts at the first of them.
import type { AnalysedDocument } from '../../service/types';
import type { FlowGraph, GraphEdge, GraphEdgeKind } from '../../graph/types';
import { graphFromFlowModel, holderOf, labelText, type EdgeOf, type FlowGraphParts } from '../../graph/fromFlowModel';
import type { Node, ObjectNode } from '../../parse/tree';
import type { FlowScope, FlowState } from '../model/types';
import { asObject, isTrue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { legacyModel } from './model';
import { stepTypeOf } from './stepTypes';

const edgeOf: EdgeOf = (ref) => {
  switch (ref.field) {
    case 'choices[].goto':
      return { kind: 'choice', label: labelText(lastProperty(holderOf(ref), 'condition')?.value) };
    case 'default.goto':
      return { kind: 'default' };
    case 'catch[].goto':
      return { kind: 'catch', label: labelText(lastProperty(holderOf(ref), 'errors')?.value) };
    default:
      return undefined;
  }
};

export function legacyGraph(doc: AnalysedDocument): FlowGraph {
  return legacyGraphParts(doc).graph;
}

export function legacyGraphParts(doc: AnalysedDocument): FlowGraphParts {
  const model = legacyModel(doc);
  const { graph, ids, edgeRefs } = graphFromFlowModel(doc.document, model, edgeOf);
  const edges: GraphEdge[] = [];
  const scopeOf = new Map<Node, FlowScope>();
  for (const scope of model.scopes) scopeOf.set(scope.node, scope);
  const firstOf = (holder: ObjectNode | undefined): string | undefined => {
    const list = lastProperty(holder, 'steps')?.value;
    const first = list ? scopeOf.get(list)?.states[0] : undefined;
    return first ? ids.get(first) : undefined;
  };
  for (const scope of model.scopes) {
    scope.states.forEach((step, i) => {
      const from = ids.get(step)!;
      const after = scope.states[i + 1];
      if (after && continues(step)) edges.push({ from, to: ids.get(after)!, kind: 'next' });
      for (const [holder, kind, label] of nestedStarts(step)) {
        const to = firstOf(holder);
        if (to !== undefined) edges.push({ from, to, kind, ...(label !== undefined ? { label } : {}) });
      }
    });
  }
  return { graph: { nodes: graph.nodes, edges: [...graph.edges, ...edges] }, ids, edgeRefs: [...edgeRefs, ...edges.map(() => undefined)] };
}

/** Whether a step goes on to the next step of its list when it is done. */
function continues(step: FlowState): boolean {
  if (isTrue(lastProperty(step.node, 'end')?.value)) return false;
  const continues = stepTypeOf(step.type)?.continues;
  if (continues === 'terminal') return false;
  if (continues !== 'choice') return true;
  // A choice whose every branch and default jumps elsewhere never falls through.
  const def = asObject(lastProperty(step.node, 'default')?.value);
  if (!def || !lastProperty(def, 'goto')) return true;
  const choices = lastProperty(step.node, 'choices')?.value;
  return choices?.kind !== 'array' || choices.items.some((c) => c.kind !== 'object' || !lastProperty(c, 'goto'));
}

/** The choice branches, default and catch rules of a step that hold their own `steps`. */
function* nestedStarts(step: FlowState): Generator<[ObjectNode, GraphEdgeKind, string | undefined]> {
  const choices = lastProperty(step.node, 'choices')?.value;
  if (step.type === 'choice' && choices?.kind === 'array') {
    for (const c of choices.items) if (c.kind === 'object') yield [c, 'choice', labelText(lastProperty(c, 'condition')?.value)];
  }
  const def = asObject(lastProperty(step.node, 'default')?.value);
  if (step.type === 'choice' && def) yield [def, 'default', undefined];
  const rules = lastProperty(step.node, 'catch')?.value;
  if (rules?.kind === 'array') {
    for (const r of rules.items) if (r.kind === 'object') yield [r, 'catch', labelText(lastProperty(r, 'errors')?.value)];
  }
}
