// Errors the service returns about a definition (CreateFlow/UpdateFlow rejecting it) shown as
// diagnostics on the file, not only as a message. The service names positions as
// "line N, column M: message"; a rejection without positions is put on the flow's first line.
import * as vscode from 'vscode';
import { parseServiceProblems } from '../commands/serviceProblems';

export const SERVICE_DIAGNOSTIC_SOURCE = 'Flowdeck deploy';

export class ServiceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('flowdeck-deploy');
  private readonly subscription: vscode.Disposable;

  constructor() {
    // the problems refer to the text that was deployed; once it is edited they may be stale
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
    });
  }

  show(document: vscode.TextDocument, code: string, message: string, rootLine: number): vscode.Diagnostic[] {
    const diagnostics = parseServiceProblems(message).map((p) => {
      const line = p.line < 0 ? rootLine : Math.min(p.line, Math.max(0, document.lineCount - 1));
      const text = document.lineAt(line).text;
      const start = p.line < 0 ? text.length - text.trimStart().length : Math.min(p.character, text.length);
      const wordEnd = text.slice(start).search(/[\s:,]/);
      const end = wordEnd <= 0 ? text.length : start + wordEnd;
      const d = new vscode.Diagnostic(new vscode.Range(line, start, line, Math.max(end, start + 1)), p.message, vscode.DiagnosticSeverity.Error);
      d.source = SERVICE_DIAGNOSTIC_SOURCE;
      d.code = code;
      return d;
    });
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /** Diagnostics of other sources (the language server) that are errors. */
  editorErrors(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source !== SERVICE_DIAGNOSTIC_SOURCE);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
