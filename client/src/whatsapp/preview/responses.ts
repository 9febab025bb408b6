// Data endpoint responses the preview answers data_exchange with, kept beside the flow in the
// workspace: .flowdeck/whatsapp/<flow>.responses.json, an object from screen id to a Data API
// response `{ "screen": "NEXT", "data": { ... } }`.
import * as vscode from 'vscode';

export function flowBaseName(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return name.replace(/(\.wa-flow)?\.json$/i, '');
}

export function responsesUri(uri: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? vscode.Uri.joinPath(folder.uri, '.flowdeck', 'whatsapp', `${flowBaseName(uri)}.responses.json`) : undefined;
}

export type ResponsesResult = { readonly responses: Record<string, unknown>; readonly error?: string };

/** The saved responses; none when the file is absent, and the reason when it is not a JSON object. */
export async function readResponses(uri: vscode.Uri): Promise<ResponsesResult> {
  const file = responsesUri(uri);
  if (!file) return { responses: {} };
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    return { responses: {} };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { responses: value as Record<string, unknown> };
  } catch {
    // reported below
  }
  return { responses: {}, error: vscode.l10n.t('{0} is not a JSON object of responses by screen id', vscode.workspace.asRelativePath(file)) };
}
