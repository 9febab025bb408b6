// Quick fixes: apply the "Did you mean ...?" suggestion of a Flow JSON diagnostic, and raise
// "version" to the one a newer component or property needs.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { FlowModel } from '../check/model';
import { asScalar } from '../tree';
import { lastProperty } from '../../parse/properties';
import { rangeOf } from '../../parse/positions';

const SUGGESTION = /Did you mean '([^']+)'\?/;
const RAISE = /Raise "version" to "([\d.]+)"/;

export function flowQuickFixes(model: FlowModel, document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const versionNode = asScalar(lastProperty(model.root, 'version')?.value);
  for (const d of diagnostics) {
    if (d.source !== 'flowdeck') continue;
    const m = SUGGESTION.exec(d.message);
    if (m) {
      const suggestion = m[1] as string;
      const current = document.getText(d.range);
      const newText = current.startsWith('"') ? JSON.stringify(suggestion) : suggestion;
      out.push({
        title: `Change to '${suggestion}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range: d.range, newText }] } },
      });
    }
    const raise = RAISE.exec(d.message);
    if (raise && d.code === DiagnosticCodes.waNeedsNewerVersion && versionNode && typeof versionNode.value === 'string') {
      const range = rangeOf(document, versionNode.range);
      out.push({
        title: `Raise "version" to "${raise[1]}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [document.uri]: [{ range, newText: JSON.stringify(raise[1]) }] } },
      });
    }
  }
  return out;
}
