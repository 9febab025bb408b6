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

/** Where the generated code keeps the validator of `schema` at `pointer` ('' for the whole). */
export function generatedKey(schema: JsonSchema, pointer: string): string {
  return `${schema.$id ?? ''}#${pointer}`;
}

/**
 * What a generated validator was made from: the schema's text and the options. A validator
 * generated from another version of the schema is never used, only slower to replace.
 */
export function schemaFingerprint(schema: JsonSchema): string {
  return createHash('sha256').update(JSON.stringify([AJV_OPTIONS, schema])).digest('hex');
}
