// The keys each kind of object in a legacy flow (`type: flow`) may hold, with their docs and
// values, read from the legacy spec's JSON Schema (see ../schemaFields.ts).
import { FDL_LEGACY_STEP_TYPES, fdlLegacySchema } from '../../schema/fdl/legacy';
import type { JsonSchema } from '../../schema/jsonSchema';
import { fieldsOf, resolveRef, type FieldDoc, type FieldRules } from '../schemaFields';
import type { LegacyContext, LegacyShape } from './shape';

const root = fdlLegacySchema;
const defs = root.definitions ?? {};

const RULES: FieldRules = {
  stateNames: new Set(['goto']),
  conditions: new Set(['condition']),
  expressions: new Set(['source', 'collection']),
  notOffered: new Set(),
};

/** The step types with the schema's description of each. */
export const STEP_TYPES: readonly FieldDoc[] = FDL_LEGACY_STEP_TYPES.map((t) => ({ name: t, description: defs[t]?.description ?? '' }));

/** `type` offers every step type, whichever step it is in. */
const typeField: FieldDoc = { name: 'type', description: 'The step type; it selects the fields the step takes.', valueKind: 'string', values: STEP_TYPES.map((t) => t.name) };

function stepFields(...schemas: (JsonSchema | undefined)[]): FieldDoc[] {
  return fieldsOf(root, RULES, ...schemas).map((f) => (f.name === 'type' ? typeField : f));
}

const STEP_FIELDS = new Map<string, readonly FieldDoc[]>(FDL_LEGACY_STEP_TYPES.map((t) => [t, stepFields(defs[t])]));
const ANY_STEP_FIELDS: readonly FieldDoc[] = stepFields(...FDL_LEGACY_STEP_TYPES.map((t) => defs[t]));

const SHAPE_SCHEMAS: Partial<Record<LegacyShape, JsonSchema | undefined>> = {
  root,
  choice: resolveRef(root, defs.choice?.properties?.choices?.items),
  default: defs.choice?.properties?.default,
  branch: resolveRef(root, defs.parallel?.properties?.branches?.items),
  retryRule: defs.Retry,
  catchRule: defs.Catch,
  mapping: defs.Mapping,
  iterationMapping: defs.foreach?.properties?.iterationMapping,
};

const SHAPE_FIELDS = new Map<LegacyShape, readonly FieldDoc[]>(
  Object.entries(SHAPE_SCHEMAS).map(([shape, s]) => [
    shape as LegacyShape,
    // A top-level `name` is accepted but is not part of the documented spec: not offered.
    fieldsOf(root, RULES, s).filter((f) => shape !== 'root' || f.name !== 'name'),
  ]),
);

/** The top-level keys of a legacy flow. */
export const LEGACY_ROOT_FIELDS: readonly FieldDoc[] = SHAPE_FIELDS.get('root') ?? [];

/** The keys an object of this kind may contain. */
export function legacyFields(ctx: LegacyContext): readonly FieldDoc[] {
  if (ctx.shape === 'step') return (ctx.stepType !== undefined ? STEP_FIELDS.get(ctx.stepType) : undefined) ?? ANY_STEP_FIELDS;
  return SHAPE_FIELDS.get(ctx.shape) ?? [];
}
