// The "CynosDB Task Flows" view: every watched task flow as processing, succeeded, failed or
// in error.
import * as vscode from 'vscode';
import type { TaskFlowWatcher, WatchedFlow } from './watcher';

const ICONS: Record<WatchedFlow['state'], vscode.ThemeIcon> = {
  processing: new vscode.ThemeIcon('sync~spin'),
  succeeded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  error: new vscode.ThemeIcon('warning'),
};

export class TaskFlowsTree implements vscode.TreeDataProvider<WatchedFlow> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly watcher: TaskFlowWatcher) {
    this.onDidChangeTreeData = watcher.onDidChange;
  }

  getTreeItem(f: WatchedFlow): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Task flow {0}', f.flowId));
    const label = { processing: vscode.l10n.t('processing'), succeeded: vscode.l10n.t('succeeded'), failed: vscode.l10n.t('failed'), error: vscode.l10n.t('error') }[f.state];
    item.description = `${label} · ${f.region}`;
    item.tooltip = `${f.detail}\n${f.endpoint}`;
    item.iconPath = ICONS[f.state];
    item.contextValue = `cynosdbTaskFlow.${f.state}`;
    return item;
  }

  getChildren(node?: WatchedFlow): WatchedFlow[] {
    return node ? [] : [...this.watcher.flows.values()].sort((a, b) => b.startedAt - a.startedAt);
  }
}
