// Builds the navigation model of a current-spec flow in one pass over the tree.
import type { Node, ObjectNode } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';
import type { ParsedText } from '../../parse/tree';
import { editOrigin, type EditOrigin } from '../../parse/incremental';
import { SCOPE_KEYS, scopeHeldBy } from '../stateTypes';
import { asObject, asStringScalar } from '../tree';
import { lastProperty as prop } from '../../parse/properties';
import type { FlowModel, FlowScope, FlowState, ScopeKind, StateReference } from './types';
import { AttachedCache } from '../../cache/attachedCache';

const cache = new AttachedCache<ParsedText, FlowModel>('flow model');

/**
 * The model of a current-spec document, built once per parsed version, from the models of its
 * top-level states. After an edit that re-read only some of them (parse/incremental.ts) the
 * previous version's model is updated in place where the states changed, so completion and hover
 * never wait for a whole-model build.
 */
export function flowModel(doc: AnalysedDocument): FlowModel {
  let model = cache.get(doc.parsed);
  if (!model) {
    const origin = editOrigin(doc.parsed);
    const previous = origin && cache.get(origin.previous);
    model = (previous && origin && spliceFlowModel(previous, origin)) ?? assembleFlowModel(asObject(doc.parsed.root));
    if (origin) cache.delete(origin.previous);
    cache.set(doc.parsed, model);
  }
  return model;
}

/**
 * After an incremental edit: when the previous version had its model, the new version gets
 * its model now (a cheap splice), so a later version can always splice from its predecessor
 * whatever features ran on this one.
 */
export function carryFlowModel(previous: ParsedText, doc: AnalysedDocument): void {
  if (cache.has(previous) && editOrigin(doc.parsed)?.previous === previous) flowModel(doc);
}

const ROOT_LABEL = 'the top-level `States`';

/** The whole model in one pass over the tree (the reference that assembleFlowModel must equal). */
export function buildFlowModel(root: ObjectNode | undefined): FlowModel {
  const model: FlowModel = { scopes: [], states: [], references: [] };
  if (root) buildScope(model, root, 'root', undefined, ROOT_LABEL);
  return model;
}

/** What one top-level state contributes to the model, in the order a whole build adds it. */
export interface TopStateModel {
  readonly state: FlowState;
  /** The state and every state nested in it, depth first. */
  readonly states: readonly FlowState[];
  /** The scopes of its Parallel branches and Map processors, nested ones included. */
  readonly scopes: readonly FlowScope[];
  /** Every reference it holds; those of the top-level scope are re-pointed at each new top scope. */
  readonly references: readonly StateReference[];
}

declare module '../../parse/tree' {
  interface ObjectNode {
    /**
     * The model of this node as a top-level state (see topStateModel), kept on the node for as
     * long as it lives. A field rather than a WeakMap entry per state: measured side by side, the
     * WeakMap made a whole validation of 1,000 states 2-3% slower.
     */
    stateModel?: TopStateModel;
  }
}

/** A scope's names map for the placeholder scope: it never holds a state (see topStateModel). */
class NoNames extends Map<string, FlowState> {
  override set(): this {
    return this;
  }
}
const NO_NAMES = new NoNames();
const PLACEHOLDER_NODE: ObjectNode = { kind: 'object', properties: [], range: { start: 0, end: 0 }, parent: undefined };

/**
 * The model of one top-level state, cached for as long as its node lives (an edit replaces the
 * node rather than changing it). Built here, on its own, its top scope is a placeholder until
 * assembleFlowModel sets it.
 */
export function topStateModel(node: ObjectNode): TopStateModel {
  // Built in a model and a placeholder scope of its own, not in shared ones emptied after use:
  // an emptied array or map of a long-lived object keeps what it held for the young-generation
  // collector, and through the state's links to its tree, that whole version of the document
  // survived every collection until a full one (a third of a validation's time at 1,000 states).
  return node.stateModel ?? buildTopState(node, { scopes: [], states: [], references: [] }, {
    kind: 'root', node: PLACEHOLDER_NODE, statesProperty: undefined, startAt: undefined,
    states: [], byName: NO_NAMES, owner: undefined, label: ROOT_LABEL,
  });
}

/**
 * Builds a top-level state's model at the end of `model`, in `scope`, and keeps on its node what
 * it added. A whole build adds straight to the flow's model (no list of its own per state to
 * grow and drop: that was a third of the model's allocation).
 */
function buildTopState(node: ObjectNode, model: FlowModel, scope: FlowScope): TopStateModel {
  const states = model.states.length;
  const scopes = model.scopes.length;
  const references = model.references.length;
  buildState(model, node, scope);
  // A part lives as long as its node: arrays of exactly its size, not ones grown by pushing.
  const part: TopStateModel = {
    state: model.states[states]!,
    states: exactTail(model.states, states),
    scopes: exactTail(model.scopes, scopes),
    references: exactTail(model.references, references),
  };
  node.stateModel = part;
  return part;
}

const NONE: readonly never[] = [];

/** The items of `items` from `from` on, in an array of exactly their number; most states hold no scopes, and they share one empty list. */
function exactTail<T>(items: T[], from: number): readonly T[] {
  return items.length === from ? NONE : items.slice(from);
}

/** The same model as buildFlowModel, from the (cached) models of the top-level states. */
export function assembleFlowModel(root: ObjectNode | undefined): FlowModel {
  const model: FlowModel = { scopes: [], states: [], references: [] };
  if (!root) return model;
  const statesProperty = prop(root, 'States');
  const startAtProp = prop(root, 'StartAt');
  const scope: FlowScope = {
    kind: 'root', node: root, statesProperty, startAt: asStringScalar(startAtProp?.value),
    states: [], byName: new Map(), owner: undefined, label: ROOT_LABEL,
  };
  model.scopes.push(scope);
  ref(model, scope, undefined, 'StartAt', startAtProp?.value);
  const list = statesProperty?.value;
  if (list?.kind !== 'array') return model;
  if (list.items.every((item) => item.kind === 'object')) splicable.add(model);
  for (const item of list.items) {
    if (item.kind !== 'object') continue;
    const part = item.stateModel;
    if (!part) {
      buildTopState(item, model, scope);
      continue;
    }
    const state = part.state;
    // A part built or used before points at a placeholder or at an earlier version's top scope.
    (state as { scope: FlowScope }).scope = scope;
    for (const r of part.references) if (r.scope.kind === 'root') (r as { scope: FlowScope }).scope = scope;
    scope.states.push(state);
    if (state.name !== undefined && !scope.byName.has(state.name)) scope.byName.set(state.name, state);
    for (const s of part.states) model.states.push(s);
    for (const s of part.scopes) model.scopes.push(s);
    for (const r of part.references) model.references.push(r);
  }
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
      default:
        if (SCOPE_KEYS.has(p.key) || p.key === 'Branches') buildChildScopes(model, state, p.key, p.value, scope);
        break;
    }
  }
}

/** The scopes a key holds (see scopeHeldBy); `Branches` that are not a scope list are a Choice's, referring to sibling states. */
function buildChildScopes(model: FlowModel, state: FlowState, key: string, value: Node | undefined, scope: FlowScope): void {
  const child = scopeHeldBy(state.type, key);
  if (child?.many) {
    let n = 0;
    for (const item of objectItems(value)) {
      n++;
      state.children.push(buildScope(model, item, child.kind, state, child.label(n, titleOf(state))));
    }
  } else if (child) {
    const holder = asObject(value);
    if (holder) state.children.push(buildScope(model, holder, child.kind, state, child.label(1, titleOf(state))));
  } else if (key === 'Branches') {
    for (const branch of objectItems(value)) ref(model, scope, state, 'Branches[].Next', prop(branch, 'Next')?.value);
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

let nextNamesVersion = 1;
const namesVersions = new AttachedCache<FlowScope, number>('names version');

/**
 * A number that changes whenever the top scope's list of state names changes (a state added,
 * deleted or renamed) or a state changes type: indexes over the names (the top-scope checks keep
 * some, completion its items) stay valid while it does not.
 */
export function namesVersion(scope: FlowScope): number {
  let v = namesVersions.get(scope);
  if (v === undefined) {
    v = nextNamesVersion++;
    namesVersions.set(scope, v);
  }
  return v;
}

/** Each scope's latest names version changes: from which version to which, and the names whose states came, went or changed type. */
const namesLog = new AttachedCache<FlowScope, { readonly from: number; readonly to: number; readonly names: readonly string[] }[]>('names log');
/** How many changes the log keeps: an index older than that is built again. */
const NAMES_LOG_LENGTH = 32;

/** A new names version of `scope`, noting the names of the states a splice replaced. */
function namesChanged(scope: FlowScope, removed: readonly TopStateModel[], added: readonly TopStateModel[]): void {
  const from = namesVersion(scope);
  const to = nextNamesVersion++;
  namesVersions.set(scope, to);
  const names: string[] = [];
  for (const { state } of removed) if (state.name !== undefined) names.push(state.name);
  for (const { state } of added) if (state.name !== undefined) names.push(state.name);
  let log = namesLog.get(scope);
  if (!log) namesLog.set(scope, (log = []));
  log.push({ from, to, names });
  if (log.length > NAMES_LOG_LENGTH) log.shift();
}

/**
 * The names whose first state may have come, gone or changed type since names version `since`
 * of `scope` (an index over the names then updates only those); undefined when the log no longer
 * reaches back to it, and the index must be built again.
 */
export function namesChangedSince(scope: FlowScope, since: number): string[] | undefined {
  if (since === namesVersion(scope)) return [];
  const log = namesLog.get(scope) ?? [];
  const first = log.findIndex((e) => e.from === since);
  if (first < 0) return undefined;
  const names: string[] = [];
  for (let i = first; i < log.length; i++) for (const name of log[i]!.names) names.push(name);
  return names;
}

/** Models whose top-level list holds only objects (every item is a state): those can be spliced. */
const splicable = new WeakSet<FlowModel>();

/** The first index from `from` whose start is at or after `offset` (starts increase along the array). */
function firstAtOrAfter<T>(items: readonly T[], from: number, offset: number, startOf: (t: T) => number): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function replaceRun<T>(items: T[], at: number, count: number, added: readonly T[]): void {
  if (count === 0 && added.length === 0) return;
  items.splice(at, count, ...added);
}

/**
 * `previous` turned into the model of the edited version, in place: the removed top-level states'
 * entries replaced by the added ones'. Every array keeps document order, so each run is found
 * by binary search on start offsets. Undefined when the edit is not a plain list splice.
 */
function spliceFlowModel(previous: FlowModel, origin: EditOrigin): FlowModel | undefined {
  const { splice, regionStart } = origin;
  const scope = previous.scopes[0];
  if (!splicable.has(previous) || scope?.kind !== 'root' || scope.statesProperty?.value !== splice.list) return undefined;
  if (splice.added.some((n) => n.kind !== 'object') || splice.removed.some((n) => n.kind !== 'object')) return undefined;
  const removed = (splice.removed as ObjectNode[]).map(topStateModel);
  const added = (splice.added as ObjectNode[]).map(topStateModel);
  const collect = <T>(parts: TopStateModel[], pick: (p: TopStateModel) => readonly T[]): T[] => parts.flatMap((p) => [...pick(p)]);
  for (const part of added) {
    (part.state as { scope: FlowScope }).scope = scope;
    for (const r of part.references) if (r.scope.kind === 'root') (r as { scope: FlowScope }).scope = scope;
  }
  replaceRun(scope.states, splice.from, removed.length, added.map((p) => p.state));
  const stateAt = firstAtOrAfter(previous.states, 0, regionStart, (s) => s.node.range.start);
  replaceRun(previous.states, stateAt, removed.reduce((n, p) => n + p.states.length, 0), collect(added, (p) => p.states));
  const scopeAt = firstAtOrAfter(previous.scopes, 1, regionStart, (s) => s.node.range.start);
  replaceRun(previous.scopes, scopeAt, removed.reduce((n, p) => n + p.scopes.length, 0), collect(added, (p) => p.scopes));
  // The top scope's `StartAt` reference comes first wherever `StartAt` is written.
  const first = previous.references[0];
  const skip = first !== undefined && first.from === undefined && first.scope === scope ? 1 : 0;
  const refAt = firstAtOrAfter(previous.references, skip, regionStart, (r) => r.node.range.start);
  replaceRun(previous.references, refAt, removed.reduce((n, p) => n + p.references.length, 0), collect(added, (p) => p.references));
  const sameNames = removed.length === added.length && removed.every((p, i) => p.state.name === added[i]!.state.name);
  if (sameNames) {
    if (removed.some((p, i) => p.state.type !== added[i]!.state.type)) namesChanged(scope, removed, added);
    // Same names in the same order: each name keeps its place in the map, now for the new state.
    removed.forEach((p, i) => {
      const name = p.state.name;
      if (name !== undefined && scope.byName.get(name) === p.state) scope.byName.set(name, added[i]!.state);
    });
  } else {
    namesChanged(scope, removed, added);
    updateNames(scope, removed, added);
  }
  return previous;
}

/** Past this many states replaced at once, the name index is built again rather than updated. */
const MAX_NAMES_TO_UPDATE = 64;

/**
 * Keeps `scope.byName` the first state of each name after a splice of its states, without
 * building it again: a name whose entry left is looked for among the states that remain (only
 * a repeated name finds one). The map's order is then not the document's; nothing reads it in
 * order (closestName answers the same in any order; the editor sorts completion items by label).
 */
function updateNames(scope: FlowScope, removed: readonly TopStateModel[], added: readonly TopStateModel[]): void {
  const byName = scope.byName;
  if (removed.length + added.length > MAX_NAMES_TO_UPDATE) {
    byName.clear();
    for (const s of scope.states) if (s.name !== undefined && !byName.has(s.name)) byName.set(s.name, s);
    return;
  }
  const orphaned = new Set<string>();
  for (const { state } of removed) {
    if (state.name !== undefined && byName.get(state.name) === state) {
      byName.delete(state.name);
      orphaned.add(state.name);
    }
  }
  for (const { state } of added) {
    const name = state.name;
    if (name === undefined) continue;
    const known = byName.get(name);
    // An added state takes a name from a later state of the same name.
    if (known === undefined || known.node.range.start > state.node.range.start) byName.set(name, state);
  }
  for (const name of orphaned) {
    if (byName.has(name)) continue;
    const first = scope.states.find((s) => s.name === name);
    if (first) byName.set(name, first);
  }
}
