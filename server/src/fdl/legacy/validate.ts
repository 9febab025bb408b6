// Validation of a legacy flow: schema diagnostics, then the semantic checks.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysedDocument, ValidationSettings } from '../../service/types';
import { mergeDiagnostics } from '../validate';
import { fdlSchemaDiagnostics } from '../schema';
import { legacySemanticDiagnostics } from './checks';

export function validateLegacy(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[] {
  return mergeDiagnostics(fdlSchemaDiagnostics(doc), legacySemanticDiagnostics(doc, settings));
}
