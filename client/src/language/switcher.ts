// Switches YAML/JSON documents whose root marks them as flows to the flow language, so a flow
// named `deploy.yaml` gets the same help as `deploy.flow.yaml`. Turned off by the setting
// `flowdeck.languageDetection.enabled`.
import * as vscode from 'vscode';
import { sniffFlowLanguage } from './sniff';
import { config } from '../config';

const SNIFFED_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);
// the markers sit at the top of a flow; never copy a whole large file into a string to find them
const SNIFF_LINES = 200;

export function registerLanguageDetection(log: vscode.LogOutputChannel): vscode.Disposable {
  // Documents this window already switched. When one of them shows up in YAML/JSON again, the
  // user switched it back by hand: respect that for the rest of the session.
  const switched = new Set<string>();

  const consider = (doc: vscode.TextDocument): void => {
    if (!SNIFFED_LANGUAGES.has(doc.languageId) || doc.uri.scheme === 'git' || doc.uri.scheme === 'output') return;
    const key = doc.uri.toString();
    if (switched.has(key) || !config.languageDetectionEnabled(doc)) return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, SNIFF_LINES), 0));
    const language = sniffFlowLanguage(head, doc.languageId);
    if (!language) return;
    switched.add(key);
    log.info(
      `${vscode.workspace.asRelativePath(doc.uri)}: root marks a flow, switching ${doc.languageId} -> ${language}`,
    );
    vscode.languages.setTextDocumentLanguage(doc, language).then(undefined, (e: unknown) => {
      log.warn(`could not switch ${key} to ${language}: ${String(e)}`);
    });
  };

  vscode.workspace.textDocuments.forEach(consider);
  return vscode.workspace.onDidOpenTextDocument(consider);
}
