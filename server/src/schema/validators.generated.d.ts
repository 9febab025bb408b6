// The types of validators.generated.js, the validators ajv wrote for Flowdeck's own schemas
// (precompile.ts writes it; compile.ts reads it).
import type { ValidateFunction } from 'ajv';

export type GeneratedValidators = Record<string, { readonly validate: ValidateFunction; readonly fingerprint: string }>;

/** Runs the generated code: each validator by schemaRef(schema, pointer), with the fingerprint of the schema it was made from. */
export function loadValidators(): GeneratedValidators;
