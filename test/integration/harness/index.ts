// Helpers for integration tests that run inside a real VS Code extension host.
// Tests wait for states (poll), never for fixed times.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { TestEnv, repoRoot } from './env';
import type { FlowdeckApi } from '../../../client/src/extension';

export { TestEnv, repoRoot } from './env';

export const EXTENSION_ID = 'flowdeck.flowdeck';

export type { FlowdeckApi };

/** Activates the extension (if needed) and returns its API. */
export async function activateExtension(): Promise<FlowdeckApi> {
  const ext = vscode.extensions.getExtension<FlowdeckApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  // VS Code marks an extension whose activate() threw as active, with no exports
  if (!api) throw new Error(`${EXTENSION_ID} failed to activate: see the extension host log (Output > Extension Host)`);
  return api;
}

export interface WaitOptions {
  /** Give up after this many milliseconds (default 20 000). */
  timeoutMs?: number;
  /** How often to look (default 50 ms). */
  intervalMs?: number;
  /** Says what was awaited, for the error when it never happens. */
  message?: string;
}

/** Polls `probe` until it returns something other than undefined/false, then returns it. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 50, message = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The first workspace folder (a fresh copy of examples/ made by the launcher). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the launcher opens a copy of examples/');
  return folder.uri;
}

/** A path inside the workspace folder. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...segments);
}

/** A file under test/fixtures in the repository. */
export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(join(repoRoot(), 'test', 'fixtures', ...segments));
}

/** Opens a document in an editor and returns it. */
export async function openDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Writes a file in the workspace (creating folders) and returns its uri. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * Waits until the language server has published diagnostics for `uri` (possibly none) more
 * than `after` times (default 0; pass `api.diagnosticsPublished(uri)?.count` taken before an
 * edit to wait for the edit's result), and returns the diagnostics VS Code shows.
 */
export async function waitForPublishedDiagnostics(
  uri: vscode.Uri,
  options: WaitOptions & { after?: number } = {},
): Promise<readonly vscode.Diagnostic[]> {
  const api = await activateExtension();
  const after = options.after ?? 0;
  await waitFor(() => (api.diagnosticsPublished(uri)?.count ?? 0) > after, {
    message: `diagnostics published for ${uri.toString()}`,
    ...options,
  });
  return vscode.languages.getDiagnostics(uri);
}

/**
 * Asks the launcher to save a picture of the VS Code window as out/screenshots/<name>.png.
 * Returns the file's path, or undefined when the run has no screenshot endpoint (desktop runs).
 */
export async function screenshot(name: string, options: { waitFor?: string } = {}): Promise<string | undefined> {
  const base = process.env[TestEnv.screenshotUrl];
  if (!base) return undefined;
  if (!/^[\w.-]+$/.test(name))
    throw new Error(`screenshot name "${name}" may only use letters, digits, ".", "-" and "_"`);
  const query = new URLSearchParams({ name, ...(options.waitFor ? { waitFor: options.waitFor } : {}) });
  const response = await fetch(`${base}/screenshot?${query.toString()}`);
  const body = (await response.json()) as { path?: string; error?: string };
  if (!response.ok || !body.path) throw new Error(`screenshot "${name}" failed: ${body.error ?? response.statusText}`);
  return body.path;
}

/** Closes every editor, so one test's tabs don't leak into the next one's screenshots. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Dismisses every notification toast, so earlier tests' messages don't cover a screenshot. */
export async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}
