// Builds the navigation model of a current-spec flow in one pass over the tree.
import type { Node, ObjectNode } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';
import { asObject, asStringScalar, prop } from '../tree';
import type { FlowModel, FlowScope, FlowState, ScopeKind } from './types';

const cache = new WeakMap<AnalysedDocument, FlowModel>();

/** The model of a current-spec document, built once per analysed version. */
export function flowModel(doc: AnalysedDocument): FlowModel {
  let model = cache.get(doc);
  if (!model) {
    model = buildFlowModel(asObject(doc.parsed.root));
    cache.set(doc, model);
  }
  return model;
}

export function buildFlowModel(root: ObjectNode | undefined): FlowModel {
  const model: FlowModel = { scopes: [], states: [], references: [] };
  if (root) buildScope(model, root, 'root', undefined, 'the top-level `States`');
  return model;
}

function ref(model: FlowModel, scope: FlowScope, from: FlowState | undefined, field: string, node: Node | undefined): void {
  const s = asStringScalar(node);
  if (s) model.references.push({ name: s.value, node: s, scope, from, field });
}

function buildScope(model: FlowModel, holder: ObjectNode, kind: ScopeKind, owner: FlowState | undefined, label: string): FlowScope {
  const statesProperty = prop(holder, 'States');
  const startAtProp = prop(holder, 'StartAt');
  const scope: FlowScope = {
    kind, node: holder, statesProperty, startAt: asStringScalar(startAtProp?.value),
    states: [], byName: new Map(), owner, label,
  };
  model.scopes.push(scope);
  ref(model, scope, undefined, 'StartAt', startAtProp?.value);
  const list = statesProperty?.value;
  if (list?.kind === 'array') {
    for (const item of list.items) {
      if (item.kind === 'object') buildState(model, item, scope);
    }
  }
  return scope;
}

function buildState(model: FlowModel, node: ObjectNode, scope: FlowScope): void {
  // One scan of the keys: the last `Name`/`Type` wins, as in the plain value.
  let nameValue: Node | undefined;
  let typeValue: Node | undefined;
  const props = node.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i]!;
    if (p.key === 'Name') nameValue = p.value;
    else if (p.key === 'Type') typeValue = p.value;
  }
  const nameNode = asStringScalar(nameValue);
  const typeNode = asStringScalar(typeValue);
  const state: FlowState = {
    node, name: nameNode?.value, nameNode, type: typeNode?.value, typeNode, scope, children: [],
  };
  scope.states.push(state);
  model.states.push(state);
  if (state.name !== undefined && !scope.byName.has(state.name)) scope.byName.set(state.name, state);

  for (let i = 0; i < props.length; i++) {
    const p = props[i]!;
    switch (p.key) {
      case 'Next':
        ref(model, scope, state, 'Next', p.value);
        break;
      case 'Default':
        ref(model, scope, state, 'Default', p.value);
        break;
      case 'Catch':
        for (const rule of objectItems(p.value)) ref(model, scope, state, 'Catch[].Next', prop(rule, 'Next')?.value);
        break;
      case 'Branches':
        if (state.type === 'Parallel') {
          let n = 0;
          for (const branch of objectItems(p.value)) {
            n++;
            state.children.push(buildScope(model, branch, 'parallel-branch', state, `branch ${n} of Parallel ${titleOf(state)}`));
          }
        } else {
          for (const branch of objectItems(p.value)) ref(model, scope, state, 'Branches[].Next', prop(branch, 'Next')?.value);
        }
        break;
      case 'Processor': {
        const processor = asObject(p.value);
        if (processor) state.children.push(buildScope(model, processor, 'map-processor', state, `the Processor of Map ${titleOf(state)}`));
        break;
      }
      default:
        break;
    }
  }
}

const titleOf = (state: FlowState): string => (state.name !== undefined ? `\`${state.name}\`` : 'this state');

const NO_OBJECTS: readonly ObjectNode[] = [];

/** The object items of an array node (none for anything else), without a callback per item. */
function objectItems(node: Node | undefined): readonly ObjectNode[] {
  if (node?.kind !== 'array') return NO_OBJECTS;
  const items = node.items;
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.kind !== 'object') return items.filter((item): item is ObjectNode => item.kind === 'object');
  }
  return items as ObjectNode[];
}

export function eachObject(node: Node | undefined, visit: (o: ObjectNode) => void): void {
  if (node?.kind !== 'array') return;
  for (const item of node.items) if (item.kind === 'object') visit(item);
}
