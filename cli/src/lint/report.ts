// The two output formats of `flowdeck lint`: compiler-style text (1-based positions) and one
// JSON array (0-based, LSP ranges).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { FileResult } from './lintFiles';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export function severityName(s: DiagnosticSeverity | undefined): SeverityName {
  switch (s) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error'; // LSP: a diagnostic without severity is the client's call; lint treats it as an error
  }
}

export interface JsonFileReport {
  file: string;
  format: FileResult['format'];
  diagnostics: {
    range: Diagnostic['range'];
    severity: SeverityName;
    code: string;
    message: string;
  }[];
}

export function toJsonReport(results: readonly FileResult[]): JsonFileReport[] {
  return results.map((r) => ({
    file: r.file,
    format: r.format,
    diagnostics: r.diagnostics.map((d) => ({
      range: d.range,
      severity: severityName(d.severity),
      code: d.code === undefined ? '' : String(d.code),
      message: d.message,
    })),
  }));
}

/** `file:line:col severity code message`, one line per diagnostic, and a line per skipped file. */
export function toTextLines(results: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.readError !== undefined) {
      lines.push(`${r.file}:1:1 error read-error could not read the file: ${r.readError}`);
      continue;
    }
    if (r.format === null && r.diagnostics.length === 0) {
      lines.push(`${r.file}: skipped (not a CloudFlow FDL or WhatsApp Flow JSON document)`);
      continue;
    }
    for (const d of r.diagnostics) {
      const message = d.message.replace(/\s*\n\s*/g, ' ');
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${d.code ?? ''} ${message}`);
    }
  }
  return lines;
}

export interface Summary {
  files: number;
  skipped: number;
  errors: number;
  warnings: number;
}

export function summarise(results: readonly FileResult[]): Summary {
  const s: Summary = { files: results.length, skipped: 0, errors: 0, warnings: 0 };
  for (const r of results) {
    if (r.readError !== undefined) s.errors++;
    else if (r.format === null && r.diagnostics.length === 0) s.skipped++;
    for (const d of r.diagnostics) {
      const name = severityName(d.severity);
      if (name === 'error') s.errors++;
      else if (name === 'warning') s.warnings++;
    }
  }
  return s;
}
