// Where a flow document's content starts, read line by line from the top: the editor's lenses
// sit there, and deploy errors without a position go there. Reading lines rather than the whole
// text keeps this cheap in a long flow, where the editor asks for lenses after every edit.
import type * as vscode from 'vscode';

/** The first line holding content (not blank, a comment or a `---` marker); 0 when there is none. */
export function rootLine(document: vscode.TextDocument): number {
  for (let i = 0; i < document.lineCount; i++) {
    const text = document.lineAt(i).text.trim();
    if (text !== '' && !text.startsWith('#') && text !== '---' && !text.startsWith('//')) return i;
  }
  return 0;
}

/** Whether the document holds nothing but whitespace. */
export function isBlank(document: vscode.TextDocument): boolean {
  for (let i = 0; i < document.lineCount; i++) if (!document.lineAt(i).isEmptyOrWhitespace) return false;
  return true;
}
