// Parallel and Map: run nested scopes concurrently. The first failing branch or iteration aborts
// its siblings; the state fails with that error once every sibling has settled, so no sibling
// writes history after the state has moved on.
import type { CancelSignal } from '../cancel';
import { EngineErrors, FlowFailure } from '../errors';
import { evaluate } from '../expressions/evaluate';
import type { Trail } from '../history';
import { typeName } from '../json';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import type { Frame } from './frame';
import type { MapState, ParallelState, Scope } from './model';
import { allOrFirstFailure } from '../concurrency';
import { childScope } from '../observer';
import { scopeOf } from '../observeRun';
import { stateRecovers } from './observe';

export type ScopeRunner = (
  rt: Runtime,
  scope: Scope,
  input: JsonValue,
  trail: Trail,
  signal: CancelSignal,
) => Promise<JsonValue>;

/** Output: `{ Branch0: <output of branch 0>, Branch1: ... }`. */
export async function runParallel(
  rt: Runtime,
  state: ParallelState,
  frame: Frame,
  trail: Trail,
  signal: CancelSignal,
  run: ScopeRunner,
): Promise<JsonValue> {
  const outputs = await allOrFirstFailure(signal, state.branches.length, state.branches.length, async (i, sig) => {
    const branchTrail: Trail = rt.observer
      ? { last: trail.last, scope: childScope(scopeOf(trail), 'branch', state.name, i, (e) => stateRecovers(state, e)) }
      : { last: trail.last };
    rt.log.emit(branchTrail, 'BranchEntered', state.name, { input: frame.input, index: i });
    const output = await run(rt, state.branches[i]!, frame.input, branchTrail, sig);
    rt.log.emit(branchTrail, 'BranchExited', state.name, { output, index: i });
    return output;
  });
  const result: Record<string, JsonValue> = {};
  outputs.forEach((output, i) => (result[`Branch${i}`] = output));
  return result;
}

/** Output: `{ Items: [<output of item 0>, <output of item 1>, ...] }`, in input order. */
export async function runMap(
  rt: Runtime,
  state: MapState,
  frame: Frame,
  trail: Trail,
  signal: CancelSignal,
  run: ScopeRunner,
): Promise<JsonValue> {
  // Compilation gives every inline Map an ItemsPath; only a distributed one may read with ItemReader.
  if (!state.itemsPath) throw new FlowFailure(EngineErrors.invalidDefinition, `state "${state.name}": ItemsPath is required`);
  const items = evaluate(state.itemsPath, frame.vars);
  if (!Array.isArray(items)) {
    throw new FlowFailure(
      EngineErrors.expression,
      `state "${state.name}": ItemsPath ${JSON.stringify(state.itemsPath.text)} must evaluate to an array, got ${typeName(items)}`,
    );
  }
  const outputs = await allOrFirstFailure(signal, items.length, state.concurrency, async (i, sig) => {
    let input = items[i] as JsonValue;
    const iterationTrail: Trail = rt.observer
      ? { last: trail.last, scope: childScope(scopeOf(trail), 'iteration', state.name, i, (e) => stateRecovers(state, e), input) }
      : { last: trail.last };
    if (state.itemConstructor) {
      frame.item = input;
      input = state.itemConstructor(frame.vars);
    }
    rt.log.emit(iterationTrail, 'IterationEntered', state.name, { input, index: i });
    const output = await run(rt, state.processor, input, iterationTrail, sig);
    rt.log.emit(iterationTrail, 'IterationExited', state.name, { output, index: i });
    return output;
  });
  return { Items: outputs };
}
