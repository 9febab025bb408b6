// What deploy and start need to know about a flow file without the language server: its
// declared name, and the workspace folder whose `.flowdeck/` holds its settings and inputs.
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { load } from 'js-yaml';
import { FLOWDECK_DIR } from './deploySettings';

/** The `Name` (current spec) or `name` (legacy) at the definition's root, if it has one. */
export function declaredFlowName(text: string): string | undefined {
  let value: unknown;
  try {
    value = /^\s*[{[]/.test(text) ? JSON.parse(text) : load(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const name = o['Name'] ?? o['name'];
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

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
