// "Deploy", "Start" and "Debug" above a flow definition's root.
import * as vscode from 'vscode';
import { CommandIds } from '../../commands/ids';
import { FDL_LANGUAGES } from '../../language/languages';
import { isBlank, rootLine } from '../../language/contentLines';

export class FlowCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (isBlank(document)) return [];
    const line = rootLine(document);
    const range = new vscode.Range(line, 0, line, 0);
    const args = [{ uri: document.uri, interactive: true }];
    return [
      new vscode.CodeLens(range, { title: `$(cloud-upload) ${vscode.l10n.t('Deploy')}`, command: CommandIds.deploy, arguments: args, tooltip: vscode.l10n.t('Deploy this flow to the current target') }),
      new vscode.CodeLens(range, { title: `$(play) ${vscode.l10n.t('Start')}`, command: CommandIds.startExecution, arguments: args, tooltip: vscode.l10n.t('Start an execution of this flow and tail it') }),
      new vscode.CodeLens(range, { title: `$(debug-alt) ${vscode.l10n.t('Debug')}`, command: CommandIds.debugFlow, arguments: args, tooltip: vscode.l10n.t('Run this flow on the local engine under the debugger') }),
    ];
  }
}

export function registerCodeLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    FDL_LANGUAGES.flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
    ]),
    new FlowCodeLensProvider(),
  );
}
