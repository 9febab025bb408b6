// Collects Flow JSON problems as offset ranges; the service turns them into LSP diagnostics.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { OffsetRange } from '../../parse/tree';
import { rangeOf } from '../../parse/positions';

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  readonly range: OffsetRange;
  readonly code: string;
  readonly message: string;
  readonly severity: ProblemSeverity;
}

export class Problems {
  readonly list: Problem[] = [];

  /**
   * Frozen versions (before 5.1) are no longer validated by Meta, and flows published on them
   * break cross-reference rules that newer versions enforce; for them those rules are warnings.
   */
  lenient = false;

  /** A rule Meta enforces on current versions: an error, or a warning on a frozen version. */
  semantic(range: OffsetRange, code: string, message: string): void {
    if (this.lenient) this.warning(range, code, message);
    else this.error(range, code, message);
  }

  error(range: OffsetRange, code: string, message: string): void {
    this.list.push({ range, code, message, severity: 'error' });
  }

  warning(range: OffsetRange, code: string, message: string): void {
    this.list.push({ range, code, message, severity: 'warning' });
  }

  info(range: OffsetRange, code: string, message: string): void {
    this.list.push({ range, code, message, severity: 'info' });
  }
}

const SEVERITY: Record<ProblemSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostics(problems: readonly Problem[], document: TextDocument): Diagnostic[] {
  return problems.map((p) => ({
    range: rangeOf(document, p.range),
    severity: SEVERITY[p.severity],
    code: p.code,
    source: 'flowdeck',
    message: p.message,
  }));
}
