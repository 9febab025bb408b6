// Answers flowdeck/documentErrors from the same validation that publishes diagnostics, so a
// client checks a text exactly as the Problems view would show it.
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowLanguageService } from '../service/languageService';
import type { ValidationSettings } from '../service/types';
import type { DocumentError, DocumentErrorsParams } from './protocol';

export function documentErrors(
  service: FlowLanguageService,
  open: TextDocument | undefined,
  settings: ValidationSettings,
  params: DocumentErrorsParams,
): DocumentError[] {
  const { uri, languageId } = params.textDocument;
  // The open document when it holds this text (its analysis is cached); otherwise the text under
  // a uri of its own, so the open document's cached tree is never touched, forgotten afterwards.
  const same = open !== undefined && open.languageId === languageId && open.getText() === params.text;
  const doc = same ? open : TextDocument.create(`${uri}?flowdeck-check`, languageId, 0, params.text);
  try {
    return service
      .validate(doc, settings)
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((d) => ({ line: d.range.start.line, character: d.range.start.character, message: d.message, ...(d.code !== undefined ? { code: d.code } : {}) }));
  } finally {
    if (!same) service.forget(doc.uri);
  }
}
