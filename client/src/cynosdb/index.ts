// Entry point of the CynosDB task-flow features: the watcher and its view. Their commands are
// bound in the command table (client/src/commands).
import * as vscode from 'vscode';
import type { CynosdbConnections } from '../connections';
import { TaskFlowsTree } from './tree';
import { TaskFlowWatcher } from './watcher';

export const CYNOSDB_VIEW_ID = 'flowdeck.cynosdbTaskFlows';

export type { WatchArgs } from './watcher';

export interface CynosdbFeatures {
  readonly watcher: TaskFlowWatcher;
  readonly tree: TaskFlowsTree;
}

export function registerCynosdbFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, cynosdb: CynosdbConnections): CynosdbFeatures {
  const watcher = new TaskFlowWatcher(log, cynosdb);
  const tree = new TaskFlowsTree(watcher);
  context.subscriptions.push(watcher, vscode.window.createTreeView(CYNOSDB_VIEW_ID, { treeDataProvider: tree }));
  log.debug('CynosDB features registered');
  return { watcher, tree };
}
