// What the structural walk learns about a Flow JSON document, for the semantic checks and the
// editor features (screens, their components, actions and data declarations).
import type { ObjectNode, Property, ScalarNode } from '../../parse/tree';
import type { ComponentSpec } from '../spec/types';

export interface ComponentModel {
  readonly type: string;
  readonly spec: ComponentSpec | undefined;
  readonly node: ObjectNode;
  readonly screen: ScreenModel;
  /** Inside a Form. */
  readonly inForm: boolean;
  /** How many `If` components enclose it. */
  readonly ifDepth: number;
  /** Inside an If branch or a Switch case. */
  readonly inBranch: boolean;
  readonly name: string | undefined;
  readonly nameNode: ScalarNode | undefined;
}

export interface ActionModel {
  /** `on-click-action`, `on-select-action`, `on-unselect-action`. */
  readonly key: string;
  readonly node: ObjectNode;
  readonly name: string | undefined;
  readonly nameNode: ScalarNode | undefined;
  /** `next.name` of a navigate action. */
  readonly next: string | undefined;
  readonly nextNode: ScalarNode | undefined;
  readonly payload: ObjectNode | undefined;
  readonly component: ComponentModel;
}

export interface ScreenModel {
  readonly node: ObjectNode;
  readonly index: number;
  readonly id: string | undefined;
  readonly idNode: ScalarNode | undefined;
  readonly terminal: boolean;
  readonly dataModel: ObjectNode | undefined;
  /** Top-level fields declared in `data`. */
  readonly dataFields: Map<string, Property>;
  readonly components: ComponentModel[];
  readonly actions: ActionModel[];
}

export interface FlowModel {
  /** The version the checks used (the file's when known, else the latest documented one). */
  readonly version: string;
  /** The version as written, when it is a string. */
  readonly declaredVersion: string | undefined;
  readonly root: ObjectNode | undefined;
  readonly screens: ScreenModel[];
  readonly routingModel: ObjectNode | undefined;
  readonly dataApiVersion: string | undefined;
}

export function screenById(model: FlowModel, id: string): ScreenModel | undefined {
  return model.screens.find((s) => s.id === id);
}

/** Input components of a screen, keyed by name (first one wins). */
export function inputsByName(screen: ScreenModel): Map<string, ComponentModel> {
  const out = new Map<string, ComponentModel>();
  for (const c of screen.components) {
    if (c.spec?.input && c.name !== undefined && !out.has(c.name)) out.set(c.name, c);
  }
  return out;
}
