// What deploy and start need to know about a flow file without the language server: its
// declared name, and the workspace folder whose `.flowdeck/` holds its settings and inputs.
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { FLOWDECK_DIR } from '../../../../cloud/src/fnf';

export { declaredFlowName } from './flowText';


/**
 * The folder holding `.flowdeck/` for a file: its workspace folder, else the file's own folder
 * (a flow opened outside any workspace). Undefined for untitled documents.
 */
export function workspaceDirFor(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? dirname(uri.fsPath);
}

/** The `.flowdeck` folder for a file, or of the first workspace folder when no file is given. */
export function flowdeckDirFor(uri?: vscode.Uri): string | undefined {
  const base = uri ? workspaceDirFor(uri) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return base ? vscode.Uri.joinPath(vscode.Uri.file(base), FLOWDECK_DIR).fsPath : undefined;
}

/** The document a command acts on: the one passed, else the active editor's flow document. */
export async function targetDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}
