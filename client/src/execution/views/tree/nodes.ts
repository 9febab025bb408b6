// The nodes of the Executions tree: target -> flows -> executions (+ "Load more") -> events.
import * as vscode from 'vscode';
import type { Execution, Flow, HistoryEvent } from '../../../../../cloud/src/fnf';
import { clockTime, executionDurationMs, formatDuration, isTerminalStatus, prettyJson, shortDetail } from '../../../../../cloud/src/fnf/eventFormat';
import { CommandIds } from '../../../commands/ids';
import { targetLabel, type Target } from '../../../connections';

export class TargetNode {
  readonly kind = 'target';
  constructor(readonly target: Target) {}
}

export class FlowNode {
  readonly kind = 'flow';
  constructor(
    readonly parent: TargetNode,
    readonly flow: Flow,
  ) {}
  get name(): string {
    return this.flow.Name;
  }
}

export class ExecutionNode {
  readonly kind = 'execution';
  constructor(
    readonly parent: FlowNode | MapRunNode,
    public execution: Execution,
  ) {}
  get flowName(): string {
    return this.execution.FlowName || (this.parent.kind === 'flow' ? this.parent.name : this.parent.flowName);
  }
  get name(): string {
    return this.execution.Name;
  }
  get running(): boolean {
    return !isTerminalStatus(this.execution.Status);
  }
}

/** A distributed Map's MapRun inside an execution; its children are the MapRun's child executions. */
export class MapRunNode {
  readonly kind = 'mapRun';
  constructor(
    readonly parent: ExecutionNode,
    readonly mapRunName: string,
    readonly stateName: string,
    readonly items: number | undefined,
  ) {}
  get flowName(): string {
    return this.parent.flowName;
  }
}

/** The MapRuns an execution's history names (each distributed Map's IterationEntered event). */
export function mapRunsOf(parent: ExecutionNode, events: readonly HistoryEvent[]): MapRunNode[] {
  const out: MapRunNode[] = [];
  for (const ev of events) {
    const detail = ev.EventDetail;
    if (ev.Type !== 'IterationEntered' || detail === null || typeof detail !== 'object' || Array.isArray(detail)) continue;
    const { mapRunName, items } = detail;
    if (typeof mapRunName === 'string') out.push(new MapRunNode(parent, mapRunName, ev.StepName, typeof items === 'number' ? items : undefined));
  }
  return out;
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: FlowNode) {}
}

export class EventNode {
  readonly kind = 'event';
  constructor(
    readonly parent: ExecutionNode,
    readonly event: HistoryEvent,
  ) {}
}

/** A leaf that explains something: no flows, an error, the execution still running. */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly parent: TargetNode | FlowNode | ExecutionNode | MapRunNode | undefined,
    readonly message: string,
    readonly icon: string = 'info',
    readonly tooltip?: string,
  ) {}
}

export type ExecutionsTreeNode = TargetNode | FlowNode | ExecutionNode | MapRunNode | LoadMoreNode | EventNode | MessageNode;

/** Codicon and colour per execution status. */
export function statusIcon(status: string): vscode.ThemeIcon {
  switch (status) {
    case 'Succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'Failed':
    case 'TimedOut':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'Stopped':
      return new vscode.ThemeIcon('debug-stop', new vscode.ThemeColor('testing.iconSkipped'));
    default:
      return new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('testing.iconQueued'));
  }
}

function eventIcon(type: string): vscode.ThemeIcon {
  if (/Failed$|TimedOut$/.test(type)) return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
  if (type === 'ExecutionSucceeded') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (type === 'ExecutionStopped') return new vscode.ThemeIcon('debug-stop');
  if (type.startsWith('Execution')) return new vscode.ThemeIcon('play');
  if (type.startsWith('Task')) return new vscode.ThemeIcon('symbol-event');
  if (type.startsWith('Branch') || type.startsWith('Iteration')) return new vscode.ThemeIcon('git-branch');
  return new vscode.ThemeIcon('circle-small');
}

/** `17:02:11 · 3.2 s` (local start time, then duration; "running" while it runs). */
export function executionDescription(e: Execution, now = Date.now()): string {
  const started = e.StartedTime ? new Date(e.StartedTime) : undefined;
  const when = started && !Number.isNaN(started.getTime()) ? started.toLocaleString() : '';
  const ms = executionDurationMs(e, now);
  const duration = isTerminalStatus(e.Status) ? (ms !== undefined ? formatDuration(ms) : '') : vscode.l10n.t('running {0}', ms !== undefined ? formatDuration(ms) : '');
  return [when, duration].filter(Boolean).join(' · ');
}

// Items carry no `id`: refreshes replace node objects, and an id still registered for the old
// object makes VS Code reject the new one ("already registered"); label-and-position handles
// keep expansion state just as well for this tree.
export function toTreeItem(node: ExecutionsTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'target': {
      const item = new vscode.TreeItem(targetLabel(node.target), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(node.target.kind === 'emulator' ? 'server-environment' : 'cloud');
      item.contextValue = 'target';
      item.tooltip = vscode.l10n.t('Flows deployed to {0}', targetLabel(node.target));
      return item;
    }
    case 'flow': {
      const item = new vscode.TreeItem(node.flow.Name, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('type-hierarchy-sub');
      item.description = node.flow.ExecutionMode ?? 'Standard';
      item.contextValue = 'flow';
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${node.flow.Name}** (${node.flow.ExecutionMode ?? 'Standard'})\n\n`);
      if (node.flow.Description) md.appendText(`${node.flow.Description}\n\n`);
      if (node.flow.LastModifiedTime) md.appendText(vscode.l10n.t('Last modified: {0}', new Date(node.flow.LastModifiedTime).toLocaleString()));
      item.tooltip = md;
      return item;
    }
    case 'execution': {
      const e = node.execution;
      // A MapRun's child is named `<MapRunName>-<index>`: lead with the item, which the long name hides.
      const index = node.parent.kind === 'mapRun' ? /-(\d+)$/.exec(e.Name)?.[1] : undefined;
      const item = new vscode.TreeItem(index !== undefined ? vscode.l10n.t('Item {0}', index) : e.Name, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = statusIcon(e.Status);
      item.description = index !== undefined ? `${e.Status} · ${executionDescription(e)}` : executionDescription(e);
      item.contextValue = node.running ? 'execution.running' : 'execution';
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${e.Name}** — ${e.Status}\n\n`);
      if (e.StartedTime) md.appendText(`${vscode.l10n.t('Started: {0}', new Date(e.StartedTime).toLocaleString())}\n`);
      if (e.StoppedTime) md.appendText(`${vscode.l10n.t('Stopped: {0}', new Date(e.StoppedTime).toLocaleString())}\n`);
      if (e.Input !== undefined) md.appendCodeblock(prettyJson(e.Input).slice(0, 2000), 'json');
      item.tooltip = md;
      return item;
    }
    case 'mapRun': {
      const item = new vscode.TreeItem(vscode.l10n.t('MapRun of {0}', node.stateName), vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('list-tree');
      item.description = node.items !== undefined ? vscode.l10n.t('{0} child executions', node.items) : node.mapRunName;
      item.contextValue = 'mapRun';
      item.tooltip = vscode.l10n.t('MapRun {0}: the child executions of the distributed Map state "{1}"', node.mapRunName, node.stateName);
      return item;
    }
    case 'loadMore': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('more');
      item.contextValue = 'loadMore';
      item.command = { command: CommandIds.loadMoreExecutions, title: vscode.l10n.t('Load more…'), arguments: [node] };
      return item;
    }
    case 'event': {
      const ev = node.event;
      const item = new vscode.TreeItem(ev.StepName ? `${ev.Type} · ${ev.StepName}` : ev.Type, vscode.TreeItemCollapsibleState.None);
      item.iconPath = eventIcon(ev.Type);
      item.description = `${clockTime(ev.Time)}  ${shortDetail(ev.EventDetail)}`.trimEnd();
      item.contextValue = 'event';
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**#${ev.EventId} ${ev.Type}** ${ev.StepName}\n\n${ev.Time}\n`);
      const detail = prettyJson(ev.EventDetail);
      if (detail) md.appendCodeblock(detail.slice(0, 4000), 'json');
      item.tooltip = md;
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'message';
      if (node.tooltip) item.tooltip = node.tooltip;
      return item;
    }
  }
}
