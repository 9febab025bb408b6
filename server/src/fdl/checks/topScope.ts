// The name, reference and reachability checks of the top scope, for validation after an edit:
// the same diagnostics as checkStateReferences + checkReachability restricted to that scope.
// Every edit runs them over every top state, so they read a graph kept between versions
// (TopGraph): each state's name and outgoing references as small integers, updated only where
// states were replaced, so a call costs a few loops over integer arrays and no string lookups.
import type { FlowModel, FlowScope, FlowState, StateReference } from '../model/types';
import { namesChangedSince, namesVersion, topStateModel } from '../model/build';
import { closestName } from '../../text/closestName';
import type { CheckContext } from './context';
import { reportDuplicate, reportEmptyName, reportUnknown } from './stateReferences';
import { reportNeverEnds, reportUnreachable } from './transitions';
import { AttachedCache } from '../../cache/attachedCache';

/** The top scope's states as last seen, with their names and references as name ids. */
interface TopGraph {
  /** The scope's states when last updated, to find the run an edit replaced. */
  readonly states: FlowState[];
  /** Each state's name id (-1 for a state without a name). */
  readonly nameAt: number[];
  /** Each state's references to other states of the scope, in document order... */
  readonly refsAt: (readonly StateReference[])[];
  /** ...and the name id each of them points at. */
  readonly targetsAt: (readonly number[])[];
  /** Name ids: one per distinct name ever seen in the scope (they are never reused). */
  readonly nameIds: Map<string, number>;
  /** Per name id, whether the name is blank. */
  readonly blank: boolean[];
  /** "Did you mean" answers for names the scope lacks, as of the names of `suggestionsVersion`. */
  readonly suggestions: Map<string, string | undefined>;
  suggestionsVersion: number;
}

/** Past this many names changed at once, the answers are worked out again rather than checked. */
const MAX_NAMES_TO_CHECK = 256;

const graphs = new AttachedCache<FlowScope, TopGraph>('top scope graph');

function nameId(graph: TopGraph, name: string): number {
  let id = graph.nameIds.get(name);
  if (id === undefined) {
    id = graph.nameIds.size;
    graph.nameIds.set(name, id);
    graph.blank.push(name.trim() === '');
  }
  return id;
}

/** The references of the top scope that leave `state` (those of its own fields), in document order. */
function referencesFrom(scope: FlowScope, state: FlowState): StateReference[] {
  return topStateModel(state.node).references.filter((r) => r.scope === scope && r.from === state);
}

/** Brings the graph up to date with `scope.states`: only the run of states the edits replaced is read again. */
function updatedGraph(scope: FlowScope): TopGraph {
  let graph = graphs.get(scope);
  if (!graph) {
    graph = {
      states: [], nameAt: [], refsAt: [], targetsAt: [], nameIds: new Map(), blank: [],
      suggestions: new Map(), suggestionsVersion: -1,
    };
    graphs.set(scope, graph);
  }
  const old = graph.states;
  const now = scope.states;
  const shorter = Math.min(old.length, now.length);
  let head = 0;
  while (head < shorter && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < shorter - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  const removed = old.length - head - tail;
  const added = now.slice(head, now.length - tail);
  if (removed === 0 && added.length === 0) return graph;
  const names: number[] = [];
  const refs: StateReference[][] = [];
  const targets: number[][] = [];
  for (const state of added) {
    names.push(state.name === undefined ? -1 : nameId(graph, state.name));
    const from = referencesFrom(scope, state);
    refs.push(from);
    targets.push(from.map((r) => nameId(graph, r.name)));
  }
  replaceRun(old, head, removed, added);
  replaceRun(graph.nameAt, head, removed, names);
  replaceRun(graph.refsAt, head, removed, refs);
  replaceRun(graph.targetsAt, head, removed, targets);
  return graph;
}

/** `items.splice(at, count, ...added)`, without passing a long run as arguments (a first build adds every state). */
function replaceRun<T>(items: T[], at: number, count: number, added: readonly T[]): void {
  if (added.length <= 1024) {
    items.splice(at, count, ...added);
    return;
  }
  const rest = items.slice(at + count);
  items.length = at;
  for (const item of added) items.push(item);
  for (const item of rest) items.push(item);
}

/**
 * Keeps the answers the names changed since they were worked out (namesChangedSince) cannot
 * alter. closestName's answer does not depend on the order of the names, so an answer stands
 * while it is still a name and no name that came since is close enough to compete with it.
 */
function reviseSuggestions(graph: TopGraph, scope: FlowScope): void {
  const { suggestions } = graph;
  const changed = namesChangedSince(scope, graph.suggestionsVersion);
  if (changed === undefined || changed.length > MAX_NAMES_TO_CHECK) {
    suggestions.clear();
    return;
  }
  const present = changed.filter((name) => scope.byName.has(name));
  for (const [name, suggestion] of suggestions) {
    const gone = suggestion !== undefined && !scope.byName.has(suggestion);
    if (gone || closestName(name, present) !== undefined) suggestions.delete(name);
  }
}

function suggestionFor(graph: TopGraph, scope: FlowScope, name: string): string | undefined {
  const version = namesVersion(scope);
  if (graph.suggestionsVersion !== version) {
    reviseSuggestions(graph, scope);
    graph.suggestionsVersion = version;
  }
  let suggestion = graph.suggestions.get(name);
  if (suggestion === undefined && !graph.suggestions.has(name)) {
    suggestion = closestName(name, scope.byName.keys());
    graph.suggestions.set(name, suggestion);
  }
  return suggestion;
}

/**
 * Checks the top scope of `model`: references to missing names, repeated and empty names,
 * states never reached from `StartAt`, a scope that cannot end. `ends[k]` tells whether
 * `scope.states[k]` ends the scope by itself (checkStateTransitions' verdict).
 */
export function checkTopScope(ctx: CheckContext, model: FlowModel, ends: Uint8Array): void {
  const scope = model.scopes[0]!;
  const states = scope.states;
  const graph = updatedGraph(scope);
  const n = states.length;
  const { nameAt, refsAt, targetsAt } = graph;

  // Where each name is first used; later uses are repeats.
  const firstOf = new Int32Array(graph.nameIds.size).fill(-1);
  for (let k = 0; k < n; k++) {
    const id = nameAt[k]!;
    if (id < 0) continue;
    const first = firstOf[id]!;
    if (first < 0) {
      firstOf[id] = k;
      if (graph.blank[id]) reportEmptyName(ctx, states[k]!, 'state');
    } else {
      reportDuplicate(ctx, states[k]!, states[first]!, 'state');
    }
  }

  // `StartAt` is the scope's one reference from no state.
  const first = model.references[0];
  const startRef = first !== undefined && first.from === undefined && first.scope === scope ? first : undefined;
  const startId = startRef ? graph.nameIds.get(startRef.name) : undefined;
  const start = startId === undefined ? undefined : firstOf[startId]! < 0 ? undefined : firstOf[startId]!;
  if (startRef && start === undefined) reportUnknown(ctx, startRef, 'state', suggestionFor(graph, scope, startRef.name));

  const terminal = ends.slice();
  for (let k = 0; k < n; k++) {
    const targets = targetsAt[k]!;
    for (let e = 0; e < targets.length; e++) {
      if (firstOf[targets[e]!]! >= 0) continue;
      const r = refsAt[k]![e]!;
      reportUnknown(ctx, r, 'state', suggestionFor(graph, scope, r.name));
      terminal[k] = 1; // already reported: do not also call the scope endless
    }
  }
  if (n === 0) return;

  let canEnd = false;
  if (start !== undefined) {
    const reached = new Uint8Array(n);
    const stack = [start];
    reached[start] = 1;
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (terminal[s]) canEnd = true;
      const targets = targetsAt[s]!;
      for (let e = 0; e < targets.length; e++) {
        const t = firstOf[targets[e]!]!;
        if (t >= 0 && !reached[t]) {
          reached[t] = 1;
          stack.push(t);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (reached[i]) continue;
      const s = states[i]!;
      if (s.nameNode === undefined || nameAt[i]! < 0 || firstOf[nameAt[i]!] !== i) continue;
      reportUnreachable(ctx, s);
    }
  } else {
    for (let i = 0; i < n && !canEnd; i++) if (terminal[i]) canEnd = true;
  }
  if (!canEnd) reportNeverEnds(ctx, scope);
}
