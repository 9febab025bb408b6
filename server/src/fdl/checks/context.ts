// What every check receives, and the one way checks report.
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OffsetRange } from '../../parse/tree';
import type { TextReader } from '../../parse/pieceText';
import type { ValidationSettings } from '../../service/types';
import { diagnostic } from '../tree';

export interface CheckContext {
  readonly doc: TextDocument;
  /** The document's text, to read a few characters of. */
  readonly text: TextReader;
  readonly settings: ValidationSettings;
  readonly out: Diagnostic[];
}

export function report(
  ctx: CheckContext, range: OffsetRange, severity: DiagnosticSeverity, code: string, message: string, data?: unknown,
): void {
  ctx.out.push(diagnostic(ctx.doc, range, severity, code, message, data));
}

/** Data attached to diagnostics that a quick fix can apply. */
export interface ReplacementData {
  /** The text that should replace the diagnostic's range. */
  readonly replacement: string;
  /** The title of the quick fix. */
  readonly title: string;
}
