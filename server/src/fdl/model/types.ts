// The navigation model of a flow: scopes of named states and every reference to a state name.
// Built once per analysed document and shared by checks, symbols, definition, references and rename.
// Both specs use it: current-spec states and legacy steps alike.
import type { ArrayNode, ObjectNode, Property, ScalarNode } from '../../parse/tree';

export type StringScalar = ScalarNode & { value: string };

export type ScopeKind = 'root' | 'parallel-branch' | 'map-processor' | 'steps';

export interface FlowScope {
  readonly kind: ScopeKind;
  /** The object holding `StartAt`/`States` (current spec) or the `steps` array (legacy). */
  readonly node: ObjectNode | ArrayNode;
  /** The `States` / `steps` property. */
  readonly statesProperty: Property | undefined;
  /** The `StartAt` value (current spec only). */
  readonly startAt: StringScalar | undefined;
  readonly states: FlowState[];
  /** First state with each name. */
  readonly byName: Map<string, FlowState>;
  /** The Parallel/Map state (or legacy step) this scope belongs to; undefined for the top level. */
  readonly owner: FlowState | undefined;
  /** How messages name this scope, e.g. "branch 2 of `Fan out`". */
  readonly label: string;
}

export interface FlowState {
  readonly node: ObjectNode;
  readonly name: string | undefined;
  readonly nameNode: StringScalar | undefined;
  readonly type: string | undefined;
  readonly typeNode: StringScalar | undefined;
  readonly scope: FlowScope;
  readonly children: FlowScope[];
}

export interface StateReference {
  readonly name: string;
  readonly node: StringScalar;
  /** The scope the name must be found in. */
  readonly scope: FlowScope;
  /** The state that holds the reference; undefined for `StartAt`. */
  readonly from: FlowState | undefined;
  /** `StartAt`, `Next`, `Default`, `Branches[].Next`, `Catch[].Next`, or legacy `goto`. */
  readonly field: string;
}

export interface FlowModel {
  readonly scopes: FlowScope[];
  readonly states: FlowState[];
  readonly references: StateReference[];
}
