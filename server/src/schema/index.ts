// Schema checking shared by every dialect: compile once, validate, map errors to ranges.
export { schemaDiagnostics, firstLine, type SchemaDiagnosticOptions, type SchemaErrorContext, type SchemaProblem } from './diagnostics';
export { validatorFor } from './compile';
export { duplicateKeyProblems, duplicateKeysOf } from './duplicateKeys';
export { positionIndex, positionsOf, rangeOf, type PositionIndex } from '../parse/positions';
export { resolveRef, effectiveSchema, branchFor, tagValues, propertySchema, schemaForNode, schemaForKey } from './resolve';
export { closestName, editDistance } from '../text/closestName';
export type { JsonSchema, JsonType } from './jsonSchema';
