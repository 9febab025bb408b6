// Which part of the flow test schema describes an object in a test file. The schema's unions
// (`mocks` is a map or `strict`; a mock is an answer, a list or per-iteration answers) are
// flattened: an object sees the properties of every object alternative.
import type { Node, ObjectNode } from '../parse/tree';
import { nodesFromRoot } from '../parse/navigate';
import type { JsonSchema } from '../schema/jsonSchema';
import { flowtestSchema } from '../schema/flowtest';

/** The alternatives of a union schema, or the schema itself. */
function alternatives(s: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [s];
  for (const a of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.then ? [s.then] : []), ...(s.else ? [s.else] : [])]) out.push(...alternatives(a));
  return out;
}

const isType = (s: JsonSchema, type: string): boolean => s.type === type || (Array.isArray(s.type) && s.type.includes(type as never));

/** The properties and additional-property schema of every object alternative of `s`. */
export function objectSchemaOf(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  const objects = alternatives(s).filter((a) => isType(a, 'object') || a.properties !== undefined);
  if (objects.length === 0) return undefined;
  const properties: Record<string, JsonSchema> = {};
  let additional: JsonSchema['additionalProperties'];
  for (const o of objects) {
    Object.assign(properties, o.properties ?? {});
    if (additional === undefined && typeof o.additionalProperties === 'object') additional = o.additionalProperties;
  }
  return { type: 'object', ...(s.description ? { description: s.description } : {}), properties, ...(additional ? { additionalProperties: additional } : {}) };
}

function itemsSchemaOf(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  for (const a of alternatives(s)) if (a.items) return a.items;
  return undefined;
}

/** The schema of the value of `key` in an object described by `objectSchema`. */
export function propertySchemaOf(objectSchema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const o = objectSchemaOf(objectSchema);
  if (!o) return undefined;
  return o.properties?.[key] ?? (typeof o.additionalProperties === 'object' ? o.additionalProperties : undefined);
}

/** The schema describing `node`, walking from the document root; undefined for free-form values. */
export function flowtestSchemaAt(node: Node): JsonSchema | undefined {
  const chain = nodesFromRoot(node);
  let schema: JsonSchema | undefined = flowtestSchema;
  for (let i = 1; i < chain.length && schema; i++) {
    const holder = chain[i]!.parent;
    schema = holder?.kind === 'property' ? propertySchemaOf(schema, holder.key) : itemsSchemaOf(schema);
  }
  return schema;
}

/** The enum values a schema (or any of its alternatives) allows. */
export function enumValuesOf(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  for (const a of alternatives(s)) for (const v of a.enum ?? []) if (typeof v === 'string' && !out.includes(v)) out.push(v);
  if (out.length === 0 && alternatives(s).some((a) => isType(a, 'boolean'))) out.push('true', 'false');
  return out;
}

/** The object schema of `container`, for key completion and hover. */
export function containerSchema(container: ObjectNode): JsonSchema | undefined {
  return objectSchemaOf(flowtestSchemaAt(container));
}
