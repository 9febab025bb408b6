// Entry point of the CynosDB task-flow features: "Watch CynosDB Task Flow" and its view.
import * as vscode from 'vscode';
import { TaskFlowsTree } from './tree';
import { TaskFlowWatcher, type WatchArgs } from './watcher';
import type { CynosdbConnections } from '../connections';

export const CYNOSDB_VIEW_ID = 'flowdeck.cynosdbTaskFlows';

export function registerCynosdbFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, cynosdb: CynosdbConnections): void {
  const watcher = new TaskFlowWatcher(log, cynosdb);
  const tree = new TaskFlowsTree(watcher);
  context.subscriptions.push(
    watcher,
    vscode.window.createTreeView(CYNOSDB_VIEW_ID, { treeDataProvider: tree }),
    vscode.commands.registerCommand('flowdeck.cynosdb.watch', (args?: WatchArgs) => watcher.watch(args)),
    vscode.commands.registerCommand('flowdeck.cynosdb.clearFinished', () => watcher.clearFinished()),
    // For tests and other extensions: the view's data.
    vscode.commands.registerCommand('flowdeck.cynosdb.tree', () => tree),
  );
  log.debug('CynosDB features registered');
}
