// Quick fixes: apply the "Did you mean ...?" suggestion of a Flow JSON diagnostic.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';

const SUGGESTION = /Did you mean '([^']+)'\?/;

export function flowQuickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'flowdeck') continue;
    const m = SUGGESTION.exec(d.message);
    if (!m) continue;
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
  return out;
}
