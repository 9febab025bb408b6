// Entry point of the CynosDB task-flow features.
import type * as vscode from 'vscode';

export function registerCynosdbFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  void context;
  log.debug('CynosDB features registered');
}
