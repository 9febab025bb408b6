// Completion in a flow test file: the keys the schema allows where the cursor is (by indentation,
// so a half-typed line completes) and the values of keys with a fixed set (status, match, clock).
import { CompletionItemKind, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { JsonSchema } from '../schema/jsonSchema';
import { complete, valueItem, type CompletionSpec } from '../fdl/features/completionEngine';
import type { FieldDoc } from '../fdl/schemaFields';
import { flowtestSchema } from '../schema/flowtest';
import type { AnalysedDocument } from '../service/types';
import { containerSchema, enumValuesOf, objectSchemaOf, propertySchemaOf } from './schemaAt';

function fieldOf(name: string, s: JsonSchema): FieldDoc {
  const values = enumValuesOf(s);
  const kind = s.type === 'object' ? 'object' : s.type === 'array' ? 'array' : s.type === 'boolean' ? 'boolean' : values.length ? 'string' : undefined;
  return {
    name,
    description: s.description ?? '',
    ...(values.length ? { values } : {}),
    ...(kind ? { valueKind: kind } : {}),
  };
}

function fieldsOf(objectSchema: JsonSchema | undefined): FieldDoc[] {
  return Object.entries(objectSchema?.properties ?? {}).map(([name, s]) => fieldOf(name, s));
}

const spec: CompletionSpec = {
  keys(doc, { container, column }) {
    if (!container) return { fields: doc.parsed.root === undefined || column === 0 ? fieldsOf(flowtestSchema) : [], snippets: [] };
    return { fields: fieldsOf(containerSchema(container)), snippets: [] };
  },
  values(_doc, { container, key }) {
    const s = container ? propertySchemaOf(containerSchema(container), key) : propertySchemaOf(flowtestSchema, key);
    return enumValuesOf(s).map((v) => valueItem(v, CompletionItemKind.EnumMember, objectSchemaOf(s)?.description ?? s?.description));
  },
};

export function flowtestCompletion(doc: AnalysedDocument, position: Position): CompletionList {
  return complete(doc, position, spec);
}
