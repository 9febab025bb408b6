// Validation of a current-spec flow: schema (shape) diagnostics, then the semantic checks.
// A semantic diagnostic on exactly the range of a schema one is dropped: one problem, one message.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysedDocument, ValidationSettings } from '../service/types';
import { fdlSemanticDiagnostics } from './checks';
import { fdlSchemaDiagnostics } from './schema';

export function mergeDiagnostics(schema: Diagnostic[], semantic: Diagnostic[]): Diagnostic[] {
  if (schema.length === 0) return semantic;
  const taken = new Set(schema.map((d) => `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}`));
  return [...schema, ...semantic.filter((d) => !taken.has(`${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}`))];
}

export function validateFdl(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[] {
  return mergeDiagnostics(fdlSchemaDiagnostics(doc), fdlSemanticDiagnostics(doc, settings));
}
