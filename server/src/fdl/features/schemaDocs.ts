// Property descriptions from the current spec's JSON Schema (the one source of docs the schema
// check also uses), looked up by the kind of object under the cursor.
import type { JsonSchema } from '../../schema/jsonSchema';
import { fdlSchemaFor } from '../schema';
import type { ObjectContext } from '../shape';
import { prop } from '../tree';

function resolve(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  const ref = s?.$ref;
  if (!ref?.startsWith('#/definitions/')) return s;
  return root.definitions?.[ref.slice('#/definitions/'.length)];
}

/** The schema of the objects of this kind, when the schema describes them. */
function schemaOf(root: JsonSchema, ctx: ObjectContext): JsonSchema | undefined {
  const defs = root.definitions ?? {};
  const stateSchema = (): JsonSchema | undefined => {
    if (ctx.stateType === undefined) return undefined;
    if (ctx.stateType === 'Map') return ctx.state && prop(ctx.state, 'ProcessorConfig') ? defs.MapDistributed : defs.MapInline;
    return defs[ctx.stateType];
  };
  switch (ctx.shape) {
    case 'root': return root;
    case 'state': return stateSchema();
    case 'scope': {
      const owner = stateSchema();
      const branches = owner?.properties?.Branches?.items;
      return resolve(root, ctx.stateType === 'Parallel' ? branches : owner?.properties?.Processor);
    }
    case 'choiceBranch': return resolve(root, defs.Choice?.properties?.Branches?.items);
    case 'retryRule': return defs.Retrier;
    case 'catchRule': return defs.Catcher;
    case 'processorConfig': return defs.MapDistributed?.properties?.ProcessorConfig;
    default: return undefined;
  }
}

/** The schema's description of `key` in an object of this kind. */
export function schemaDescription(ctx: ObjectContext, key: string): string | undefined {
  const root = fdlSchemaFor('fdl');
  if (!root) return undefined;
  return resolve(root, schemaOf(root, ctx)?.properties?.[key])?.description;
}
