// Registers the command table: every command of the extension, in one place, once.
import * as vscode from 'vscode';
import { COMMANDS, type Features } from './table';

export function registerCommandTable(features: Features): vscode.Disposable[] {
  return COMMANDS.filter((entry) => features[entry.feature] !== undefined).map((entry) =>
    vscode.commands.registerCommand(entry.id, (...args: unknown[]) => entry.run(features, args)),
  );
}
