// The keys each kind of object in a current-spec flow may hold, with their docs and values,
// read from the spec's JSON Schema (see schemaFields.ts). Completion, hover and quick fixes
// look them up by the kind of object under the cursor (shape.ts).
import { fdlCurrentSchema } from '../schema/fdl/current';
import type { JsonSchema } from '../schema/jsonSchema';
import { fieldsOf, resolveRef, type FieldDoc, type FieldRules } from './schemaFields';
import type { ObjectContext, Shape } from './shape';
import { formDefinitionOf, formDefinitions, isStateType, STATE_TYPE_NAMES, stateTypeOf, type StateType } from './stateTypes';
import { lastProperty } from '../parse/properties';

const root = fdlCurrentSchema;
const defs = root.definitions ?? {};

const RULES: FieldRules = {
  stateNames: new Set(['StartAt', 'Next', 'Default']),
  conditions: new Set(['Condition']),
  expressions: new Set(['ItemsPath']),
  // The documented spelling is `MaxConcuccency`; fdl/schema.ts warns about the other one.
  notOffered: new Set(['MaxConcurrency']),
};

/** The state types with the schema's description of each. */
export const STATE_TYPES: readonly FieldDoc[] = STATE_TYPE_NAMES.map((t) => ({ name: t, description: defs[t]?.description ?? '' }));

export const TASK_MODES: readonly string[] = (defs.Task?.properties?.TaskMode?.enum ?? []).map(String);

/** `Type` offers every state type, whichever state it is in. */
const typeField: FieldDoc = { name: 'Type', description: 'The state type; it selects the fields the state takes.', valueKind: 'string', values: STATE_TYPES.map((t) => t.name) };

function stateFields(...schemas: (JsonSchema | undefined)[]): FieldDoc[] {
  return fieldsOf(root, RULES, ...schemas).map((f) => (f.name === 'Type' ? typeField : f));
}

/** A state's schemas; a type with two modes (Map) offers the fields of both (the second's own ones select it). */
function stateSchemas(type: StateType): JsonSchema[] {
  return formDefinitions(type).map((d) => defs[d]).filter((x): x is JsonSchema => x !== undefined);
}

const STATE_FIELDS: Record<string, readonly FieldDoc[]> = Object.fromEntries(STATE_TYPE_NAMES.map((t) => [t, stateFields(...stateSchemas(t))]));

/** Keys a state of unknown type may have: the union, so half-written states still complete. */
export const ANY_STATE_FIELDS: readonly FieldDoc[] = stateFields(...STATE_TYPE_NAMES.flatMap(stateSchemas));

const scopeSchema = resolveRef(root, defs.Parallel?.properties?.Branches?.items);
const SHAPE_SCHEMAS: Record<Exclude<Shape, 'state' | 'constructor' | 'parameters' | 'other'>, JsonSchema | undefined> = {
  root,
  scope: scopeSchema,
  choiceBranch: resolveRef(root, defs.Choice?.properties?.Branches?.items),
  retryRule: defs.Retrier,
  catchRule: defs.Catcher,
  processorConfig: defs.MapDistributed?.properties?.ProcessorConfig,
  itemReader: resolveRef(root, defs.MapDistributed?.properties?.ItemReader),
  sourceParameters: resolveRef(root, defs.MapDistributed?.properties?.ItemReader?.properties?.SourceParameters),
  readerConfig: resolveRef(root, defs.MapDistributed?.properties?.ItemReader?.properties?.ReaderConfig),
  itemBatcher: resolveRef(root, defs.MapDistributed?.properties?.ItemBatcher),
  resultWriter: resolveRef(root, defs.MapDistributed?.properties?.ResultWriter),
  resultWriterParameters: resolveRef(root, defs.MapDistributed?.properties?.ResultWriter?.properties?.Parameters),
};

const SHAPE_FIELDS = new Map<Shape, readonly FieldDoc[]>(Object.entries(SHAPE_SCHEMAS).map(([shape, s]) => [shape as Shape, fieldsOf(root, RULES, s)]));

/** The top-level keys of a flow. */
export const ROOT_FIELDS: readonly FieldDoc[] = SHAPE_FIELDS.get('root') ?? [];

/** The keys an object of this kind may contain (none for free-form constructor data). */
export function fieldsForContext(ctx: ObjectContext): readonly FieldDoc[] {
  switch (ctx.shape) {
    case 'state': return (ctx.stateType !== undefined ? STATE_FIELDS[ctx.stateType] : undefined) ?? ANY_STATE_FIELDS;
    case 'constructor': case 'parameters': case 'other': return [];
    default: return SHAPE_FIELDS.get(ctx.shape) ?? [];
  }
}

/**
 * The schema's description of `key` in an object of this kind. For a state it reads the
 * state's own definition (a Map's mode from `ProcessorConfig`), so the text is what the
 * schema check would explain.
 */
export function describeKey(ctx: ObjectContext, key: string): string | undefined {
  let schema: JsonSchema | undefined;
  if (ctx.shape === 'state' || ctx.shape === 'scope') {
    if (ctx.stateType === undefined) return fieldsForContext(ctx).find((f) => f.name === key)?.description;
    const type = ctx.stateType;
    const holder = ctx.state;
    const state = isStateType(type) ? defs[formDefinitionOf(type, (k) => holder !== undefined && lastProperty(holder, k) !== undefined)] : undefined;
    schema = ctx.shape === 'state' ? state : scopeSchemaOf(type, state);
  } else {
    schema = (SHAPE_SCHEMAS as Partial<Record<Shape, JsonSchema>>)[ctx.shape];
  }
  return resolveRef(root, schema?.properties?.[key])?.description;
}

/** The schema of the scope a state of this type holds: an item of its list of sub-flows, or its one sub-flow. */
function scopeSchemaOf(type: string, state: JsonSchema | undefined): JsonSchema | undefined {
  const child = stateTypeOf(type)?.childScopes[0];
  if (!child) return undefined;
  const holder = resolveRef(root, state?.properties?.[child.key]);
  return child.many ? resolveRef(root, holder?.items) : holder;
}
