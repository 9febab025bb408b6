// The name, reference and reachability checks of the top scope, for validation after an edit:
// the same diagnostics as checkStateReferences + checkReachability restricted to that scope, over
// an index of the names kept while they do not change (model/build.ts namesVersion) and typed
// arrays instead of maps and sets of states, since every edit runs them over every top state.
import type { FlowModel, FlowScope } from '../model/types';
import { namesVersion } from '../model/build';
import { closestName } from '../../text/closestName';
import type { CheckContext } from './context';
import { reportDuplicate, reportEmptyName, reportUnknown } from './stateReferences';
import { reportNeverEnds, reportUnreachable } from './transitions';

interface NameIndex {
  readonly version: number;
  /** The index in `scope.states` of the first state with each name. */
  readonly indexOf: Map<string, number>;
  /** States that repeat an earlier state's name. */
  readonly duplicates: number[];
  /** First states of a blank name. */
  readonly blanks: number[];
  /** "Did you mean" answers for names the scope lacks. */
  readonly suggestions: Map<string, string | undefined>;
}

const indexes = new WeakMap<FlowScope, NameIndex>();

function nameIndex(scope: FlowScope): NameIndex {
  const version = namesVersion(scope);
  const known = indexes.get(scope);
  if (known?.version === version) return known;
  const index: NameIndex = { version, indexOf: new Map(), duplicates: [], blanks: [], suggestions: new Map() };
  const states = scope.states;
  for (let k = 0; k < states.length; k++) {
    const name = states[k]!.name;
    if (name === undefined) continue;
    if (!index.indexOf.has(name)) {
      index.indexOf.set(name, k);
      if (name.trim() === '') index.blanks.push(k);
    } else {
      index.duplicates.push(k);
    }
  }
  indexes.set(scope, index);
  return index;
}

/**
 * Checks the top scope of `model`: references to missing names, repeated and empty names,
 * states never reached from `StartAt`, a scope that cannot end. `ends[k]` tells whether
 * `scope.states[k]` ends the scope by itself (checkStateTransitions' verdict).
 */
export function checkTopScope(ctx: CheckContext, model: FlowModel, ends: Uint8Array): void {
  const scope = model.scopes[0]!;
  const states = scope.states;
  const index = nameIndex(scope);
  for (const k of index.duplicates) reportDuplicate(ctx, states[k]!, states[index.indexOf.get(states[k]!.name!)!]!, 'state');
  for (const k of index.blanks) reportEmptyName(ctx, states[k]!, 'state');

  // References in document order: those of each state follow each other, in the order of the states.
  const n = states.length;
  const terminal = ends.slice();
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  let k = 0;
  for (const r of model.references) {
    if (r.scope !== scope) continue;
    const target = index.indexOf.get(r.name);
    if (target === undefined) {
      let suggestion = index.suggestions.get(r.name);
      if (suggestion === undefined && !index.suggestions.has(r.name)) {
        suggestion = closestName(r.name, scope.byName.keys());
        index.suggestions.set(r.name, suggestion);
      }
      reportUnknown(ctx, r, 'state', suggestion);
    }
    if (r.from === undefined) continue;
    while (k < n && states[k] !== r.from) k++;
    if (target === undefined) terminal[k] = 1; // already reported: do not also call the scope endless
    else {
      edgeFrom.push(k);
      edgeTo.push(target);
    }
  }
  if (n === 0) return;

  const start = scope.startAt ? index.indexOf.get(scope.startAt.value) : undefined;
  let canEnd = false;
  if (start !== undefined) {
    // Edges are grouped by their state, in order: the first edge of each state, then a depth-first walk.
    const firstEdge = new Int32Array(n + 1).fill(-1);
    for (let e = edgeFrom.length - 1; e >= 0; e--) firstEdge[edgeFrom[e]!] = e;
    const reached = new Uint8Array(n);
    const stack = [start];
    reached[start] = 1;
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (terminal[s]) canEnd = true;
      for (let e = firstEdge[s]!; e >= 0 && e < edgeFrom.length && edgeFrom[e] === s; e++) {
        const t = edgeTo[e]!;
        if (!reached[t]) {
          reached[t] = 1;
          stack.push(t);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (reached[i]) continue;
      const s = states[i]!;
      if (s.name === undefined || s.nameNode === undefined || index.indexOf.get(s.name) !== i) continue;
      reportUnreachable(ctx, s);
    }
  } else {
    for (let i = 0; i < n && !canEnd; i++) if (terminal[i]) canEnd = true;
  }
  if (!canEnd) reportNeverEnds(ctx, scope);
}
