// What a validator is made from: ajv's options and the schema. compile.ts compiles with them and
// precompile.ts generates with them, and a generated validator names the schema it was made from.
import { createHash } from 'node:crypto';
import type { Options } from 'ajv';
import type { JsonSchema } from './jsonSchema';

/** The options of every validator, compiled here or ahead of time. */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  // `verbose` keeps each error's schema and parent schema: messages quote descriptions and allowed keys.
  verbose: true,
  discriminator: true,
  // The schemas carry documentation keywords (`x-advice`, `examples`) and mixed-type keywords.
  strict: false,
  validateFormats: false,
};

/**
 * How ajv finds the part of `schema` at `pointer` ('' for the whole): `$id#pointer`. The generated
 * code keeps each validator under the same name.
 */
export function schemaRef(schema: JsonSchema, pointer: string): string {
  return `${schema.$id ?? ''}#${pointer}`;
}

const fingerprints = new WeakMap<JsonSchema, string>();

/**
 * What a generated validator was made from: the schema's text and the options. A validator
 * generated from another version of the schema is never used, only slower to replace.
 */
export function schemaFingerprint(schema: JsonSchema): string {
  let fingerprint = fingerprints.get(schema);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(JSON.stringify([AJV_OPTIONS, schema])).digest('hex');
    fingerprints.set(schema, fingerprint);
  }
  return fingerprint;
}
