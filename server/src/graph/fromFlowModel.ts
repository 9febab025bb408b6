// The graph of an FDL flow (current or legacy spec) from its navigation model: the model already
// knows every state, its scope and every reference, so this only names nodes and labels edges.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, ObjectNode } from '../parse/tree';
import type { FlowModel, FlowScope, FlowState, StateReference } from '../fdl/model/types';
import { isNumberedBranch } from '../fdl/scopes';
import { NodeIds, type FlowGraph, type GraphEdge, type GraphEdgeKind, type GraphNode } from './types';
import { rangeOf } from '../parse/positions';

/** How a dialect turns one reference into an edge kind and label (undefined: not an edge, e.g. StartAt). */
export type EdgeOf = (ref: StateReference) => { kind: GraphEdgeKind; label?: string } | undefined;

export interface FlowGraphParts {
  readonly graph: FlowGraph;
  /** Each state's node id. */
  readonly ids: Map<FlowState, string>;
  /** The reference behind each edge of `graph.edges` (undefined for an implicit one). */
  readonly edgeRefs: (StateReference | undefined)[];
}

export function graphFromFlowModel(doc: TextDocument, model: FlowModel, edgeOf: EdgeOf): FlowGraphParts {
  const ids = new Map<FlowState, string>();
  const prefixes = new Map<FlowScope, string>();
  const nodeIds = new NodeIds();
  const nodes: GraphNode[] = [];
  // States come parent first (the model is built depth first), so an owner has its id before its scopes.
  for (const state of model.states) {
    const scope = state.scope;
    const prefix = scopePrefix(scope, ids, prefixes);
    const index = scope.states.indexOf(state);
    const id = nodeIds.take(prefix, state.name, index);
    ids.set(state, id);
    const owner = scope.owner;
    const branch = owner && isNumberedBranch(scope) ? owner.children.indexOf(scope) : -1;
    const node: GraphNode = {
      id,
      name: state.name ?? '',
      type: state.type ?? '',
      parent: owner ? ids.get(owner) ?? null : null,
      range: rangeOf(doc, state.node.range),
      ...(branch >= 0 ? { branch } : {}),
    };
    nodes.push(node);
  }
  const edges: GraphEdge[] = [];
  const edgeRefs: StateReference[] = [];
  for (const ref of model.references) {
    if (!ref.from) continue;
    const from = ids.get(ref.from);
    const shape = edgeOf(ref);
    if (from === undefined || !shape) continue;
    const target = ref.scope.byName.get(ref.name);
    const to = target ? ids.get(target) : undefined;
    const edge: GraphEdge = {
      from,
      to: to ?? `${scopePrefix(ref.scope, ids, prefixes)}${ref.name}`,
      kind: shape.kind,
      ...(shape.label !== undefined && shape.label !== '' ? { label: shape.label } : {}),
      ...(to === undefined ? { broken: true } : {}),
    };
    edges.push(edge);
    edgeRefs.push(ref);
  }
  return { graph: { nodes, edges }, ids, edgeRefs };
}

/** `''` at the top; `Owner/` in a Map processor or legacy container; `Owner/i/` in branch i of a Parallel. */
function scopePrefix(scope: FlowScope, ids: Map<FlowState, string>, cache: Map<FlowScope, string>): string {
  const known = cache.get(scope);
  if (known !== undefined) return known;
  const owner = scope.owner;
  let prefix = '';
  if (owner) {
    const ownerId = ids.get(owner) ?? '?';
    const siblings = owner.children.filter((s) => s.kind === scope.kind);
    prefix = siblings.length > 1 || isNumberedBranch(scope)
      ? `${ownerId}/${owner.children.indexOf(scope)}/`
      : `${ownerId}/`;
  }
  cache.set(scope, prefix);
  return prefix;
}

/** A scalar's text for a label (a condition, an error name). */
export function labelText(node: Node | undefined): string | undefined {
  if (node?.kind === 'scalar') return node.value === null ? undefined : String(node.value);
  if (node?.kind === 'array') {
    const parts = node.items.map((i) => labelText(i)).filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

/** The object that holds a reference's value (the Choice branch, the Catch rule, the state). */
export function holderOf(ref: StateReference): ObjectNode | undefined {
  const p = ref.node.parent;
  return p?.kind === 'property' ? p.parent : undefined;
}
