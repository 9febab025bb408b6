// Generates a JSON Schema (draft-07) of Flow JSON for one version from the reference table, for
// tools outside Flowdeck (`schemas/whatsapp/*.schema.json`). Flowdeck's own checks walk the same
// table directly, so they can name the version a newer component or property needs.
import { COMPONENTS } from './components';
import { LAYOUT_SPEC, NEXT_SPEC, ROOT_SPEC, SCREEN_SPEC } from './document';
import type { ActionName, ObjectSpec, PropertySpec } from './types';
import { atLeast } from './versions';

type Schema = Record<string, unknown>;

const BINDING = '^\\$\\{(screen\\.[a-zA-Z,_]*\\.)?(data|form)(\\.[\\w-]+)+\\}$';
const EXPRESSION = '^`[\\s\\S]+`$';

export function flowJsonSchema(version: string): Schema {
  const has = (since?: string) => atLeast(version, since);
  const dynamic: Schema = has('6.0') ? { type: 'string', anyOf: [{ pattern: BINDING }, { pattern: EXPRESSION }] } : { type: 'string', pattern: BINDING };
  const orDynamic = (s: Schema): Schema => ({ anyOf: [s, dynamic] });
  const range = (s: Schema): Schema => ({ anyOf: [s, { type: 'object', properties: { 'start-date': s, 'end-date': s }, additionalProperties: false }] });

  const object = (spec: ObjectSpec, extra: Record<string, Schema> = {}): Schema => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [key, p] of Object.entries(spec.properties)) {
      if (!has(p.since) || (p.removedIn && has(p.removedIn))) continue;
      properties[key] = extra[key] ?? value(p);
      const req = p.required === true ? '0.0' : p.required;
      if (req && has(req)) required.push(key);
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
  };

  const action = (names: readonly { name: ActionName; since?: string }[]): Schema => ({
    type: 'object',
    required: ['name'],
    properties: {
      name: { enum: names.filter((a) => has(a.since ?? (a.name === 'update_data' || a.name === 'open_url' ? '6.0' : undefined))).map((a) => a.name) },
      next: object(NEXT_SPEC),
      payload: { type: 'object' },
      ...(has('6.0') ? { url: { type: 'string' } } : {}),
    },
    additionalProperties: false,
  });

  function value(p: PropertySpec): Schema {
    const doc = { description: p.doc };
    switch (p.kind) {
      case 'text':
      case 'staticString':
      case 'name':
      case 'condition':
        return { type: 'string', ...doc };
      case 'textOrLines':
        return has('5.1') ? { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], ...doc } : { type: 'string', ...doc };
      case 'boolean':
        return p.static ? { type: 'boolean', ...doc } : { ...orDynamic({ type: 'boolean' }), ...doc };
      case 'number':
      case 'integer': {
        const n: Schema = { type: p.kind, ...(p.minimum !== undefined ? { minimum: p.minimum } : {}), ...(p.maximum !== undefined ? { maximum: p.maximum } : {}) };
        return p.static ? { ...n, ...doc } : { ...orDynamic(n), ...doc };
      }
      case 'enum': {
        const e: Schema = { enum: (p.values ?? []).filter((v) => has(v.since)).map((v) => v.value) };
        return p.dynamic ? { ...orDynamic(e), ...doc } : { ...e, ...doc };
      }
      case 'version':
        return { const: version, ...doc };
      case 'binding':
        return { type: 'string', pattern: BINDING, ...doc };
      case 'stringArray':
        return { ...orDynamic({ type: 'array', items: { type: 'string', ...(p.itemValues ? { enum: p.itemValues } : {}) }, ...(p.maxItems ? { maxItems: p.maxItems } : {}) }), ...doc };
      case 'objectArray':
        return { ...orDynamic({ type: 'array', items: p.item ? object(p.item) : {}, ...(p.minItems ? { minItems: p.minItems } : {}) }), ...doc };
      case 'object':
        return p.fields ? { ...object(p.fields), ...doc } : { type: 'object', ...doc };
      case 'map':
        return { ...orDynamic({ type: 'object' }), ...doc };
      case 'action':
        return { ...action(p.actions ?? []), ...doc };
      case 'components':
        return { type: 'array', items: { $ref: '#/definitions/component' }, ...(p.minItems ? { minItems: p.minItems } : {}), ...doc };
      case 'cases':
        return { type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/definitions/component' } }, ...doc };
      case 'dataModel':
        return { type: 'object', ...doc };
      case 'textOrRange':
        return { ...range({ type: 'string' }), ...doc };
      case 'booleanOrRange':
        return { ...range(orDynamic({ type: 'boolean' })), ...doc };
      case 'textOrMap':
        return { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }], ...doc };
      case 'screens':
        return { type: 'array', minItems: 1, items: { $ref: '#/definitions/screen' }, ...doc };
      case 'routingModel':
        return { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, ...doc };
    }
  }

  const available = COMPONENTS.filter((c) => has(c.since));
  const definitions: Record<string, Schema> = {
    screen: object(SCREEN_SPEC, { layout: { $ref: '#/definitions/layout' } }),
    layout: object(LAYOUT_SPEC),
    component: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: available.map((c) => c.name) } },
      allOf: available.map((c) => ({ if: { properties: { type: { const: c.name } } }, then: { $ref: `#/definitions/${c.name}` } })),
    },
  };
  for (const c of available) definitions[c.name] = { ...object(c), description: c.doc };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://flowdeck.dev/schemas/whatsapp/flow-json-${version}.schema.json`,
    title: `WhatsApp Flow JSON ${version}`,
    ...object(ROOT_SPEC),
    definitions,
  };
}
