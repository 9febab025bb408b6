// Hover in a flow test file: the schema's description of the key under the cursor.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeAt } from '../parse';
import type { AnalysedDocument } from '../service/types';
import { containerSchema, propertySchemaOf } from './schemaAt';
import { rangeOf } from '../parse/positions';

export function flowtestHover(doc: AnalysedDocument, position: Position): Hover | null {
  const d = doc.document;
  const at = nodeAt(doc.parsed.root, d.offsetAt(position));
  const property = at.property;
  if (!property || !at.onKey) return null;
  const s = propertySchemaOf(containerSchema(property.parent), property.key);
  if (!s?.description) return null;
  const isStateMock = property.parent.parent?.kind === 'property' && property.parent.parent.key === 'mocks' && !containerSchema(property.parent)?.properties?.[property.key];
  const title = isStateMock ? `Mock of the Task state \`${property.key}\`` : `\`${property.key}\``;
  return {
    contents: { kind: MarkupKind.Markdown, value: `${title}: ${s.description}` },
    range: rangeOf(d, property.keyRange),
  };
}
