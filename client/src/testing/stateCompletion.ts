// Completion of the flow's state names in a test file: Task states as keys under `mocks:`, any
// state in `expect.states`. The language server completes the file's own keys and values; the
// names come from the flow file the test file points at, which only this side reads.
import { dirname, resolve } from 'node:path';
import * as vscode from 'vscode';
import { coverageOf, loadFlow, stateNameSlot, stateNamesFor } from '../../../flowtest/src';

const FLOW_LINE = /^flow:\s*(['"]?)(.+?)\1\s*(?:#.*)?$/m;

export function registerStateNameCompletion(): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'flowtest' },
    {
      provideCompletionItems(document, position) {
        const lines = document.getText().split(/\r?\n/);
        const slot = stateNameSlot(lines, position.line, position.character);
        const flowRef = FLOW_LINE.exec(document.getText())?.[2];
        if (!slot || !flowRef || document.uri.scheme !== 'file') return undefined;
        const loaded = loadFlow(resolve(dirname(document.uri.fsPath), flowRef));
        if (!loaded.ok) return undefined;
        const range = document.getWordRangeAtPosition(position, /[\w.-]+/);
        return stateNamesFor(slot, coverageOf(loaded.flow).targets).map((choice) => {
          const item = new vscode.CompletionItem(choice.name, vscode.CompletionItemKind.Reference);
          item.detail = choice.detail ? vscode.l10n.t('{0} state', choice.detail) : undefined;
          if (range) item.range = range;
          if (slot === 'mockKey') item.insertText = new vscode.SnippetString(`${choice.name}: { output: $0 }`);
          return item;
        });
      },
    },
    '[',
    ',',
  );
}
