// Where a node sits in a Flow JSON document (root, screen, layout, component, action, next,
// data-source item...), so editor features know which part of the reference table applies.
import type { Node, ObjectNode } from '../../parse/tree';
import { COMPONENTS_BY_TYPE } from '../spec/components';
import { LAYOUT_SPEC, NEXT_SPEC, ROOT_SPEC, SCREEN_SPEC } from '../spec/document';
import type { ObjectSpec, PropertySpec } from '../spec/types';
import { stringValue } from '../tree';

export type ObjectRole =
  | { kind: 'root'; spec: ObjectSpec }
  | { kind: 'screen'; spec: ObjectSpec }
  | { kind: 'layout'; spec: ObjectSpec }
  | { kind: 'component'; spec: ObjectSpec | undefined; type: string | undefined }
  | { kind: 'action'; spec: PropertySpec | undefined }
  | { kind: 'next'; spec: ObjectSpec }
  | { kind: 'routing' }
  | { kind: 'item'; spec: ObjectSpec }
  | { kind: 'other' };

const ACTION_KEYS = new Set(['on-click-action', 'on-select-action', 'on-unselect-action']);
const COMPONENT_ARRAYS = new Set(['children', 'then', 'else']);

/** The property key that holds `node` (through an array, for array items), and the object owning it. */
function holder(node: Node): { key: string; owner: ObjectNode; viaArray: boolean } | undefined {
  let viaArray = false;
  let parent = node.parent;
  if (parent?.kind === 'array') {
    viaArray = true;
    parent = parent.parent;
  }
  if (parent?.kind !== 'property') return undefined;
  return { key: parent.key, owner: parent.parent, viaArray };
}

export function roleOf(obj: ObjectNode): ObjectRole {
  const h = holder(obj);
  if (!h) return obj.parent === undefined ? { kind: 'root', spec: ROOT_SPEC } : { kind: 'other' };
  if (h.key === 'screens' && h.viaArray && h.owner.parent === undefined) return { kind: 'screen', spec: SCREEN_SPEC };
  if (h.key === 'routing_model' && h.owner.parent === undefined) return { kind: 'routing' };
  const ownerRole = roleOf(h.owner);
  if (h.key === 'layout' && ownerRole.kind === 'screen') return { kind: 'layout', spec: LAYOUT_SPEC };
  const isComponentSlot =
    (h.viaArray && COMPONENT_ARRAYS.has(h.key) && (ownerRole.kind === 'layout' || ownerRole.kind === 'component')) ||
    (h.viaArray && ownerRole.kind === 'other' && holder(h.owner)?.key === 'cases');
  if (isComponentSlot) {
    const type = stringValue(obj, 'type');
    return { kind: 'component', spec: type ? COMPONENTS_BY_TYPE.get(type) : undefined, type };
  }
  if (ACTION_KEYS.has(h.key) && !h.viaArray) {
    const ownerSpec = ownerRole.kind === 'component' || ownerRole.kind === 'item' ? ownerRole.spec : undefined;
    return { kind: 'action', spec: ownerSpec?.properties[h.key] };
  }
  if (h.key === 'next' && ownerRole.kind === 'action') return { kind: 'next', spec: NEXT_SPEC };
  if (ownerRole.kind === 'component' || ownerRole.kind === 'item') {
    const p = ownerRole.spec?.properties[h.key];
    if (p?.item && h.viaArray) return { kind: 'item', spec: p.item };
    if (p?.fields && !h.viaArray) return { kind: 'item', spec: p.fields };
  }
  return { kind: 'other' };
}

/** The screen object that contains `node`, if any. */
export function enclosingScreen(node: Node | undefined): ObjectNode | undefined {
  let cur: Node | undefined = node;
  while (cur) {
    if (cur.kind === 'object' && roleOf(cur).kind === 'screen') return cur;
    const p: Node['parent'] = cur.parent;
    cur = p?.kind === 'property' ? p.parent : p;
  }
  return undefined;
}

/** The properties an object of this role may have. */
export function propertiesOf(role: ObjectRole): Readonly<Record<string, PropertySpec>> | undefined {
  switch (role.kind) {
    case 'root':
    case 'screen':
    case 'layout':
    case 'next':
    case 'item':
      return role.spec.properties;
    case 'component':
      return role.spec?.properties;
    case 'action':
      return {
        name: { kind: 'enum', required: true, doc: 'The action to run.' },
        next: { kind: 'object', doc: 'navigate: { "type": "screen", "name": "<screen id>" }.' },
        payload: { kind: 'map', doc: 'Data passed on with the action.' },
        url: { kind: 'staticString', since: '6.0', doc: 'open_url: the URL to open.' },
      };
    default:
      return undefined;
  }
}
