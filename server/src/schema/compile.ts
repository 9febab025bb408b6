// How a schema becomes a validator: one ajv instance for every Flowdeck schema, each schema
// compiled on first use only, so starting the server or the CLI costs nothing for formats that are
// never opened. Flowdeck's own schemas (FDL, flow tests) come compiled ahead of time
// (validators.generated.js, written by precompile.ts): ajv takes about 300 ms to compile the FDL
// schema, which a fresh language server or `flowdeck lint` would spend before its first diagnostics.
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from './jsonSchema';
import { loadValidators, type GeneratedValidators } from './validators.generated';
import { AJV_OPTIONS, schemaFingerprint, schemaRef } from './validatorSource';

let ajv: Ajv | undefined;
/** Each schema's validators by JSON pointer ('' for the whole schema). */
const validators = new WeakMap<JsonSchema, Map<string, ValidateFunction>>();
let generated: GeneratedValidators | undefined;

function instance(): Ajv {
  // Loaded on the first compile only: with the generated validators a flow's check never needs
  // ajv, and loading it costs every start about 25 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate, see above
  ajv ??= new (require('ajv') as typeof import('ajv')).default(AJV_OPTIONS);
  return ajv;
}

/** The validator of a schema, made once (lazily). */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  return validatorAt(schema, '');
}

/**
 * The validator of the part of `schema` at `pointer` (for example `/definitions/State`), with
 * the same ajv instance, so it reports exactly the errors the whole schema reports there.
 */
export function subschemaValidator(schema: JsonSchema, pointer: string): ValidateFunction {
  return validatorAt(schema, pointer);
}

function validatorAt(schema: JsonSchema, pointer: string): ValidateFunction {
  let bySchema = validators.get(schema);
  if (!bySchema) validators.set(schema, (bySchema = new Map()));
  let v = bySchema.get(pointer);
  if (!v) {
    v = generatedValidator(schema, pointer) ?? compileNow(schema, pointer);
    bySchema.set(pointer, v);
  }
  return v;
}

function compileNow(schema: JsonSchema, pointer: string): ValidateFunction {
  const ajv = instance();
  if (pointer === '') return ajv.compile(schema);
  if (schema.$id === undefined) throw new Error(`no subschema at ${pointer}: the schema has no $id`);
  // A part is found through the whole schema's $id, once this instance knows the schema.
  if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  const v = ajv.getSchema(schemaRef(schema, pointer));
  if (!v) throw new Error(`no subschema at ${pointer}`);
  return v;
}

/** The validator generated ahead of time for `schema` at `pointer`, when it was made from this very schema. */
function generatedValidator(schema: JsonSchema, pointer: string): ValidateFunction | undefined {
  if (schema.$id === undefined) return undefined;
  generated ??= loadValidators();
  const entry = generated[schemaRef(schema, pointer)];
  if (!entry || entry.fingerprint !== schemaFingerprint(schema)) return undefined;
  // Readers of a validator find its schema here, as on one ajv compiles.
  return Object.assign(entry.validate, { schema: pointer === '' ? schema : partAt(schema, pointer) });
}

/** The part of `schema` at a JSON pointer such as `/definitions/State`. */
function partAt(schema: JsonSchema, pointer: string): JsonSchema {
  let part: unknown = schema;
  for (const segment of pointer.split('/').slice(1)) part = (part as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  return part as JsonSchema;
}
