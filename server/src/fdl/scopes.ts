// What the state type tables say about a scope of the navigation model, for both specs.
import { stepTypeOf } from './legacy/stepTypes';
import type { FlowScope } from './model/types';
import { holdsStates, NUMBERED_SCOPE_KINDS } from './stateTypes';

/** Whether the scope is one of a numbered list of branches (a Parallel's, a legacy parallel's). */
export function isNumberedBranch(scope: FlowScope): boolean {
  return NUMBERED_SCOPE_KINDS.has(scope.kind) || (scope.kind === 'steps' && stepTypeOf(scope.owner?.type)?.holds === 'branches');
}

/** Whether a state (or legacy step) of this type runs its own states as branches or iterations. */
export function runsNestedStates(type: string | undefined): boolean {
  return holdsStates(type) || stepTypeOf(type)?.concurrent === true;
}
