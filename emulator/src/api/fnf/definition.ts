// Checks a flow definition with the same language service the editor uses, so CreateFlow and
// UpdateFlow reject exactly what the Problems panel underlines, and yields the parsed value the
// interpreter runs.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { toJsonValue, type JsonValue } from '../../../../server/src/parse';
import { createLanguageService } from '../../../../server/src';
import type { ExecutionMode } from '../../store/records';
import { rpcErrors } from '../transport/errors';

const service = createLanguageService({ cacheSize: 16 });
/** How many errors the rejection message lists (the first ones, by position). */
const ERRORS_IN_MESSAGE = 3;

let version = 0;

/** Returns the definition as a JSON value, or throws InvalidArgument naming its first errors. */
export function checkDefinition(text: string, flowName: string, mode: ExecutionMode): JsonValue {
  if (text.trim() === '') throw rpcErrors.invalidArgument('Definition is empty. Pass the flow definition (FDL, YAML or JSON).');
  const json = /^\s*[{[]/.test(text);
  const doc = TextDocument.create(`emulator:///flows/${flowName}.${json ? 'json' : 'yaml'}`, json ? 'fdl-json' : 'fdl', ++version, text);
  try {
    const errors = service.validate(doc, { executionMode: mode }).filter((d) => d.severity === DiagnosticSeverity.Error);
    if (errors.length > 0) {
      errors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const shown = errors.slice(0, ERRORS_IN_MESSAGE).map(describe).join('; ');
      const more = errors.length > ERRORS_IN_MESSAGE ? ` (and ${errors.length - ERRORS_IN_MESSAGE} more)` : '';
      throw rpcErrors.invalidArgument(`The flow definition is invalid: ${shown}${more}. Fix the definition and retry.`);
    }
    const value = toJsonValue(service.analyse(doc).parsed.root);
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw rpcErrors.invalidArgument('The flow definition must be a mapping (Type: StateMachine ... or type: flow ...).');
    }
    return value;
  } finally {
    service.forget(doc.uri);
  }
}

function describe(d: Diagnostic): string {
  return `line ${d.range.start.line + 1}, column ${d.range.start.character + 1}: ${d.message}`;
}
