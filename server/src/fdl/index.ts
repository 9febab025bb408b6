// The face of the FDL language support for the engine, the debugger and the test runner: the
// tables of state types (current spec) and step types (legacy spec), and what they say about a
// scope of the navigation model.
export {
  childScopeOf,
  holdsStates,
  isStateType,
  STATE_TYPE_NAMES,
  STATE_TYPES,
  stateTypeOf,
  type ChildScope,
  type StateType,
  type StateTypeDescriptor,
} from './stateTypes';
export { STEP_TYPE_NAMES, STEP_TYPES, stepTypeOf, type LegacyStepType, type StepTypeDescriptor } from './legacy/stepTypes';
export { isNumberedBranch, runsNestedStates } from './scopes';
