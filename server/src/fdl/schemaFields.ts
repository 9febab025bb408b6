// Turns the properties of a JSON Schema object into the field list that completion, hover and
// quick fixes offer, so those features tell the same story as the schema check: the names,
// docs and allowed values all come from schemas/ (server/src/schema/fdl/), written once.
import type { JsonSchema } from '../schema/jsonSchema';

export interface FieldDoc {
  readonly name: string;
  readonly description: string;
  /** Allowed values, for value completion. */
  readonly values?: readonly string[];
  /** What the value is, for the snippet inserted after the key. */
  readonly valueKind?: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'stateName' | 'expression' | 'condition';
}

/** What the schema cannot say about a spec's keys: which name a state, hold an expression or a condition. */
export interface FieldRules {
  readonly stateNames: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
  /** Keys holding an expression besides those ending in `.$`. */
  readonly expressions: ReadonlySet<string>;
  /** Keys the schema accepts but the checks warn about (a second spelling): never offered. */
  readonly notOffered: ReadonlySet<string>;
}

/** Follows a local `$ref` (`#/definitions/X`) of `root`. */
export function resolveRef(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  const ref = s?.$ref;
  if (!ref?.startsWith('#/definitions/')) return s;
  return root.definitions?.[ref.slice('#/definitions/'.length)];
}

/** The fields of the objects `schemas` describe, in schema order; a key in several keeps its first description. */
export function fieldsOf(root: JsonSchema, rules: FieldRules, ...schemas: (JsonSchema | undefined)[]): FieldDoc[] {
  const byName = new Map<string, FieldDoc>();
  for (const schema of schemas) {
    for (const [name, property] of Object.entries(schema?.properties ?? {})) {
      if (byName.has(name) || rules.notOffered.has(name)) continue;
      byName.set(name, fieldOf(name, resolveRef(root, property) ?? {}, rules));
    }
  }
  return [...byName.values()];
}

function fieldOf(name: string, s: JsonSchema, rules: FieldRules): FieldDoc {
  const values = s.enum ?? (s.const !== undefined ? [s.const] : undefined);
  const field = { name, description: s.description ?? '' };
  const kind = valueKind(name, s, rules);
  if (values) return { ...field, valueKind: kind, values: values.map(String) };
  if (kind === 'boolean') return { ...field, valueKind: kind, values: ['true', 'false'] };
  return kind === undefined ? field : { ...field, valueKind: kind };
}

function valueKind(name: string, s: JsonSchema, rules: FieldRules): FieldDoc['valueKind'] {
  if (rules.stateNames.has(name)) return 'stateName';
  if (rules.conditions.has(name)) return 'condition';
  if (name.endsWith('.$') || rules.expressions.has(name)) return 'expression';
  if (s.enum !== undefined || typeof s.const === 'string') return 'string';
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case 'integer': case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'string': return 'string';
    case 'object': return 'object';
    case 'array': return 'array';
    default: return undefined;
  }
}
