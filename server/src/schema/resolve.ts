// Which part of a schema describes a given place in a document: follows `$ref`, picks the
// `oneOf` branch named by a discriminator and the `if/then/else` branch the value selects.
// Hover, completion and the diagnostics' messages all read descriptions through this.
import type { JsonSchema } from './jsonSchema';
import type { Node, ObjectNode } from '../parse/tree';
import { nodesFromRoot } from '../parse/navigate';
import { lastProperty } from '../parse/properties';

export function resolveRef(root: JsonSchema, schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!schema?.$ref || depth > 20) return schema;
  const ref = schema.$ref;
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return resolveRef(root, cur as JsonSchema | undefined, depth + 1);
}

/** The effective object schema for `node`: discriminator branch and if/then/else applied. */
export function effectiveSchema(root: JsonSchema, schema: JsonSchema | undefined, node: Node | undefined, depth = 0): JsonSchema | undefined {
  let s = resolveRef(root, schema);
  if (!s || depth > 20) return s;
  if (s.discriminator && s.oneOf && node?.kind === 'object') {
    const branch = branchFor(root, s, node);
    if (branch) return effectiveSchema(root, branch, node, depth + 1);
    return s;
  }
  if (s.if && (s.then || s.else) && node?.kind === 'object') {
    const required = s.if.required ?? [];
    const holds = required.every((k) => node.properties.some((p) => p.key === k));
    const chosen = holds ? s.then : s.else;
    if (chosen) s = effectiveSchema(root, chosen, node, depth + 1) ?? s;
  }
  return s;
}

/** The `oneOf` branch whose discriminator value matches the node's tag, if any. */
export function branchFor(root: JsonSchema, s: JsonSchema, node: ObjectNode): JsonSchema | undefined {
  const tag = s.discriminator?.propertyName;
  if (!tag) return undefined;
  const v = lastProperty(node, tag)?.value;
  const value = v?.kind === 'scalar' ? v.value : undefined;
  if (typeof value !== 'string') return undefined;
  for (const b of s.oneOf ?? []) {
    const r = resolveRef(root, b);
    const t = r?.properties?.[tag];
    if (t && (t.const === value || (t.enum && t.enum.includes(value)))) return r;
  }
  return undefined;
}

/** The values a discriminated `oneOf` accepts for its tag, in schema order. */
export function tagValues(root: JsonSchema, s: JsonSchema): string[] {
  const tag = s.discriminator?.propertyName;
  if (!tag) return [];
  const out: string[] = [];
  for (const b of s.oneOf ?? []) {
    const t = resolveRef(root, b)?.properties?.[tag];
    if (typeof t?.const === 'string') out.push(t.const);
    else for (const e of t?.enum ?? []) if (typeof e === 'string') out.push(e);
  }
  return out;
}

/** The schema of a property of an object schema (`properties`, then `patternProperties`). */
export function propertySchema(root: JsonSchema, objectSchema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (!objectSchema) return undefined;
  const direct = objectSchema.properties?.[key];
  if (direct) return resolveRef(root, direct);
  for (const [pattern, s] of Object.entries(objectSchema.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return resolveRef(root, s);
  }
  return typeof objectSchema.additionalProperties === 'object' ? resolveRef(root, objectSchema.additionalProperties) : undefined;
}

/**
 * The schema that describes `node` (or the value of a property), walking from the document root
 * through the tree. Undefined where the schema says nothing (free-form objects such as `Parameters`).
 */
export function schemaForNode(root: JsonSchema, node: Node): JsonSchema | undefined {
  const chain = nodesFromRoot(node);
  let schema = effectiveSchema(root, root, chain[0]);
  for (let i = 1; i < chain.length && schema; i++) {
    const child = chain[i]!;
    const holder = child.parent;
    if (holder?.kind === 'property') schema = propertySchema(root, schema, holder.key);
    else schema = resolveRef(root, schema.items);
    schema = effectiveSchema(root, schema, child);
  }
  return schema;
}

/** The schema of the property `key` on the object `node` (for hover on a key, or completion). */
export function schemaForKey(root: JsonSchema, objectNode: ObjectNode, key: string): JsonSchema | undefined {
  return propertySchema(root, schemaForNode(root, objectNode), key);
}
