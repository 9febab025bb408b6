// One ajv instance for every Flowdeck schema; each schema is compiled on first use only, so
// starting the server or the CLI costs nothing for formats that are never opened.
import Ajv, { type ValidateFunction } from 'ajv';
import type { JsonSchema } from './jsonSchema';

let ajv: Ajv | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function instance(): Ajv {
  ajv ??= new Ajv({
    allErrors: true,
    // `verbose` keeps each error's schema and parent schema: messages quote descriptions and allowed keys.
    verbose: true,
    discriminator: true,
    // The schemas carry documentation keywords (`x-advice`, `examples`) and mixed-type keywords.
    strict: false,
    validateFormats: false,
  });
  return ajv;
}

/** The validator of a schema, compiled once (lazily). */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = instance().compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/**
 * The validator of the part of `schema` at `pointer` (for example `/definitions/State`), with
 * the same ajv instance, so it reports exactly the errors the whole schema reports there.
 */
export function subschemaValidator(schema: JsonSchema, pointer: string): ValidateFunction {
  validatorFor(schema); // registers the schema's $id
  const v = schema.$id !== undefined ? instance().getSchema(`${schema.$id}#${pointer}`) : undefined;
  if (!v) throw new Error(`no subschema at ${pointer}`);
  return v;
}
