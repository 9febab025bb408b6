// Runs the same language service as the editor over files on disk.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  createLanguageService,
  type FlowLanguageService,
  type Dialect,
  type ValidationSettings,
  fileDocument,
  DiagnosticCodes,
  stoppedAtDepthLimit,
} from '../../../server/src';
import type { SyntaxProblem } from '../../../server/src/parse';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeOf } from '../../../server/src/parse';

function depthDiagnostics(doc: TextDocument, problems: readonly SyntaxProblem[]): Diagnostic[] {
  return problems.filter((p) => p.code === DiagnosticCodes.nestingTooDeep).map((p) => ({
    range: rangeOf(doc, p.range),
    severity: DiagnosticSeverity.Error,
    code: DiagnosticCodes.nestingTooDeep,
    source: 'flowdeck',
    message: p.message,
  }));
}

export interface FileResult {
  /** The path as shown to the user. */
  readonly file: string;
  /** The recognised format; null when the file is none of the flow formats (skipped). */
  readonly format: Dialect | null;
  readonly diagnostics: Diagnostic[];
  /** Set when the file could not be read. */
  readonly readError?: string;
}

export interface LintOptions {
  readonly cwd: string;
  readonly settings?: ValidationSettings;
  /** Where the service reports its own failures (an internal error in one feature). */
  readonly log?: (message: string) => void;
}

export function lintFiles(files: readonly string[], options: LintOptions): FileResult[] {
  const service: FlowLanguageService = createLanguageService({
    logger: (level, message) => {
      if (level === 'error' || level === 'warn') options.log?.(message);
    },
  });
  return files.map((file) => lintOne(service, file, options));
}

function lintOne(service: FlowLanguageService, file: string, options: LintOptions): FileResult {
  const abs = resolve(options.cwd, file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    return { file, format: null, diagnostics: [], readError: err instanceof Error ? err.message : String(err) };
  }
  const doc = fileDocument(abs, text);
  const analysed = service.analyse(doc);
  if (analysed.dialect === null) {
    // Too deep to read to the end, so its kind may be unknowable: an error, never a skip.
    if (stoppedAtDepthLimit(analysed)) return { file, format: null, diagnostics: depthDiagnostics(doc, analysed.parsed.syntaxProblems) };
    return { file, format: null, diagnostics: [] };
  }
  const diagnostics = service.validate(doc, options.settings).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  service.forget(doc.uri);
  return { file, format: analysed.dialect, diagnostics };
}
