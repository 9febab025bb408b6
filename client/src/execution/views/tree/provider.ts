// The "Executions" tree: the current target, its flows, their executions (newest first, paged
// with "Load more") and each execution's events. It follows the tail manager: an execution
// started from the editor appears at once, redraws as its tail prints events and is described
// once more when the tail ends. The tail manager cannot know executions started elsewhere (the
// CLI, another window, the console) or no longer tailed: only those are re-described on the poll
// interval. Every call goes through the shared client, whose token buckets keep refreshes within
// the service's rate limits.
import * as vscode from 'vscode';
import type { Execution, Flow } from '../../../../../cloud/src/fnf';
import type { ClientPool, Targets } from '../../../connections';
import type { TailManager } from '../../tail';
import { ContextKeys } from '../../viewIds';
import { describeError } from '../../errors';
import { isTerminalStatus } from '../../../../../cloud/src/fnf/eventFormat';
import { EventNode, ExecutionNode, FlowNode, LoadMoreNode, MapRunNode, MessageNode, TargetNode, mapRunsOf, toTreeItem, type ExecutionsTreeNode } from './nodes';

interface ExecutionPage {
  nodes: ExecutionNode[];
  nextToken: string | undefined;
}

/** Running executions re-described per refresh tick, at most (the rest wait for the next tick). */
const MAX_REFRESH_PER_TICK = 10;

export class ExecutionsTreeProvider implements vscode.TreeDataProvider<ExecutionsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExecutionsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<ExecutionsTreeNode | undefined>();
  /** Fires after children were served for a node (undefined: the root) and after a running execution was re-described. */
  readonly onDidLoad = this.loaded.event;
  // promises, so the view and other callers asking at the same time share one request and get
  // the same node objects (which reveal() relies on)
  private root: { target: TargetNode; flows: Promise<FlowNode[]> } | undefined;
  private flows: FlowNode[] | undefined;
  private readonly pages = new Map<string, ExecutionPage>();
  private readonly firstPages = new Map<string, Promise<ExecutionPage>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing = false;
  /** Executions whose tail printed events since their last redraw (`flow/execution`). */
  private readonly withNewEvents = new Set<string>();
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly clients: ClientPool,
    private readonly targets: Targets,
    private readonly tails: TailManager,
    private readonly pageSize: () => number,
    private readonly pollIntervalMs: () => number,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      targets.onDidChange(() => this.refresh()),
      tails.onDidStartExecution((execution) => this.executionStarted(execution)),
      tails.onDidAppendEvent((session) => this.eventsArrived(session.flowName, session.executionName)),
      tails.onDidEndTail((session) => void this.refreshExecution(session.flowName, session.executionName)),
    );
  }

  /** Forgets everything loaded and reloads from the target. */
  refresh(): void {
    this.root = undefined;
    this.flows = undefined;
    this.pages.clear();
    this.firstPages.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExecutionsTreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: ExecutionsTreeNode): ExecutionsTreeNode | undefined {
    return node.kind === 'target' ? undefined : node.parent;
  }

  async getChildren(node?: ExecutionsTreeNode): Promise<ExecutionsTreeNode[]> {
    try {
      const children = await this.childrenOf(node);
      this.loaded.fire(node);
      return children;
    } catch (error) {
      this.log.warn(`Executions view: ${describeError(error)}`);
      const parent = node && (node.kind === 'target' || node.kind === 'flow' || node.kind === 'execution' || node.kind === 'mapRun') ? node : undefined;
      return [new MessageNode(parent, vscode.l10n.t('Could not load: {0}', describeError(error)), 'warning', describeError(error))];
    }
  }

  private async childrenOf(node: ExecutionsTreeNode | undefined): Promise<ExecutionsTreeNode[]> {
    if (!node) return this.rootChildren();
    switch (node.kind) {
      case 'target':
        return this.root?.target === node ? this.root.flows : this.loadFlows(node);
      case 'flow':
        return this.flowChildren(node);
      case 'execution':
        return this.eventChildren(node);
      case 'mapRun':
        return this.mapRunChildren(node);
      default:
        return [];
    }
  }

  /** The target node, or nothing at all when no flow is deployed (so the welcome content shows). */
  private async rootChildren(): Promise<ExecutionsTreeNode[]> {
    if (!this.root) {
      const target = new TargetNode(this.targets.current());
      const root = { target, flows: this.loadFlows(target) };
      this.root = root;
      // a failed load is not cached: the next expansion tries again
      root.flows.catch(() => {
        if (this.root === root) this.root = undefined;
      });
    }
    const { target, flows } = this.root;
    const loaded = await flows;
    await vscode.commands.executeCommand('setContext', ContextKeys.noFlows, loaded.length === 0);
    return loaded.length === 0 ? [] : [target];
  }

  private async loadFlows(target: TargetNode): Promise<FlowNode[]> {
    const { client } = await this.clients.current();
    const flows: Flow[] = [];
    for await (const f of client.listFlows({ Limit: 100 })) flows.push(f);
    flows.sort((a, b) => a.Name.localeCompare(b.Name));
    this.flows = flows.map((f) => new FlowNode(target, f));
    return this.flows;
  }

  private async flowChildren(flow: FlowNode): Promise<ExecutionsTreeNode[]> {
    let first = this.firstPages.get(flow.name);
    if (!first) {
      const page: ExecutionPage = { nodes: [], nextToken: undefined };
      first = this.fetchPage(flow, page).then(() => {
        this.pages.set(flow.name, page);
        return page;
      });
      this.firstPages.set(flow.name, first);
      first.catch(() => this.firstPages.delete(flow.name));
    }
    const page = await first;
    const nodes: ExecutionsTreeNode[] = [...page.nodes];
    if (page.nextToken) nodes.push(new LoadMoreNode(flow));
    if (nodes.length === 0) nodes.push(new MessageNode(flow, vscode.l10n.t('No executions yet: start one with "Flowdeck: Start Execution".')));
    this.scheduleAutoRefresh();
    return nodes;
  }

  private async fetchPage(flow: FlowNode, page: ExecutionPage): Promise<void> {
    const { client } = await this.clients.current();
    const result = await client.listExecutionsPage({ FlowName: flow.name, Limit: this.pageSize(), ...(page.nextToken ? { NextToken: page.nextToken } : {}) });
    const known = new Set(page.nodes.map((n) => n.name));
    for (const e of result.items) if (!known.has(e.Name)) page.nodes.push(new ExecutionNode(flow, e));
    page.nodes.sort(newestFirst);
    page.nextToken = result.NextToken;
  }

  /** "Load more" under a flow: appends the next page of executions. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const page = this.pages.get(node.parent.name);
    if (!page?.nextToken) return;
    await this.fetchPage(node.parent, page);
    this.changed.fire(node.parent);
  }

  private readonly mapRunNodes = new Map<string, MapRunNode>();

  /** The execution's MapRuns (distributed Maps) first, then its events. */
  private async eventChildren(node: ExecutionNode): Promise<ExecutionsTreeNode[]> {
    const { client } = await this.clients.current();
    const events: EventNode[] = [];
    for await (const ev of client.getExecutionHistory({ FlowName: node.flowName, ExecutionName: node.name, Limit: 999 })) events.push(new EventNode(node, ev));
    if (events.length === 0) return [new MessageNode(node, vscode.l10n.t('No events recorded.'))];
    // The same MapRun node each time, so the view and reveal() agree on which object it is.
    const runs = mapRunsOf(node, events.map((e) => e.event)).map((r) => {
      const known = this.mapRunNodes.get(r.mapRunName);
      if (known) return known;
      this.mapRunNodes.set(r.mapRunName, r);
      return r;
    });
    return [...runs, ...events];
  }

  /** A MapRun's child executions (ListExecutions with MapRunName), in item order. */
  private async mapRunChildren(node: MapRunNode): Promise<ExecutionsTreeNode[]> {
    const { client } = await this.clients.current();
    const children: ExecutionNode[] = [];
    for await (const e of client.listExecutions({ FlowName: node.flowName, MapRunName: node.mapRunName, Limit: 100 })) children.push(new ExecutionNode(node, e));
    const index = (n: ExecutionNode): number => Number(/-(\d+)$/.exec(n.name)?.[1] ?? 0);
    children.sort((a, b) => index(a) - index(b));
    return children.length > 0 ? children : [new MessageNode(node, vscode.l10n.t('No child executions yet.'))];
  }

  /** The flows and executions loaded so far (for tests and for "Start again" lookups). */
  loadedExecutions(flowName: string): readonly ExecutionNode[] {
    return this.pages.get(flowName)?.nodes ?? [];
  }

  loadedFlows(): readonly FlowNode[] {
    return this.flows ?? [];
  }

  /** A new execution was started here: show it without waiting for a full refresh. */
  executionStarted(execution: Execution): void {
    const flow = this.flows?.find((f) => f.name === execution.FlowName);
    const page = flow && this.pages.get(flow.name);
    if (!flow || !page) {
      // the flow is not loaded yet (first deploy): reload everything
      this.refresh();
      return;
    }
    if (!page.nodes.some((n) => n.name === execution.Name)) page.nodes.unshift(new ExecutionNode(flow, execution));
    page.nodes.sort(newestFirst);
    this.changed.fire(flow);
    this.scheduleAutoRefresh();
  }

  /** Re-describes one loaded execution (e.g. when its tail ended) and redraws it. */
  async refreshExecution(flowName: string, executionName: string): Promise<void> {
    const node = this.pages.get(flowName)?.nodes.find((n) => n.name === executionName);
    if (!node) return;
    try {
      const { client } = await this.clients.current();
      node.execution = { ...node.execution, ...(await client.describeExecution({ FlowName: flowName, ExecutionName: executionName })) };
      this.changed.fire(node);
    } catch (error) {
      this.log.warn(`Refreshing ${flowName}/${executionName}: ${describeError(error)}`);
    }
  }

  /**
   * A tail printed events: redraw the execution (its duration, and its events when expanded).
   * A tail prints each poll's events together, so they are redrawn together, once.
   */
  private eventsArrived(flowName: string, executionName: string): void {
    this.withNewEvents.add(`${flowName}/${executionName}`);
    if (this.redrawTimer || this.disposed) return;
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      for (const page of this.pages.values()) {
        for (const node of page.nodes) {
          if (!this.withNewEvents.has(`${node.flowName}/${node.name}`)) continue;
          this.changed.fire(node);
          this.loaded.fire(node);
        }
      }
      this.withNewEvents.clear();
    }, 50);
  }

  /** A flow was deployed: reload the list of flows. */
  flowDeployed(): void {
    this.refresh();
  }

  /** A running tail follows this execution: its events and its end come from the tail. */
  private tailed(node: ExecutionNode): boolean {
    return this.tails.get(node.flowName, node.name)?.running === true;
  }

  private runningNodes(): ExecutionNode[] {
    const out: ExecutionNode[] = [];
    for (const page of this.pages.values()) for (const n of page.nodes) if (n.running) out.push(n);
    return out;
  }

  private scheduleAutoRefresh(): void {
    if (this.timer || this.disposed || this.runningNodes().length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refreshRunning().finally(() => this.scheduleAutoRefresh());
    }, Math.max(1000, this.pollIntervalMs()));
  }

  /**
   * Redraws running executions, whose duration grows: a tailed one as it is (its tail brings its
   * events and its end), any other re-described, since nothing else tells the tree about it.
   */
  private async refreshRunning(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const running = this.runningNodes();
      for (const node of running.filter((n) => this.tailed(n))) {
        this.changed.fire(node);
        this.loaded.fire(node);
      }
      const untailed = running.filter((n) => !this.tailed(n));
      if (untailed.length === 0) return;
      const { client } = await this.clients.current();
      for (const node of untailed.slice(0, MAX_REFRESH_PER_TICK)) {
        if (this.disposed) return;
        try {
          const e = await client.describeExecution({ FlowName: node.flowName, ExecutionName: node.name });
          const changed = e.Status !== node.execution.Status || e.StoppedTime !== node.execution.StoppedTime;
          node.execution = { ...node.execution, ...e };
          // a running execution's duration grows, so it is redrawn every tick; its events too
          this.changed.fire(node);
          this.loaded.fire(node);
          if (changed && isTerminalStatus(e.Status)) this.log.debug(`Execution ${node.flowName}/${node.name} ended: ${e.Status}`);
        } catch (error) {
          this.log.warn(`Refreshing ${node.flowName}/${node.name}: ${describeError(error)}`);
        }
      }
    } finally {
      this.refreshing = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.loaded.dispose();
  }
}

function newestFirst(a: ExecutionNode, b: ExecutionNode): number {
  const ta = a.execution.StartedTime ? Date.parse(a.execution.StartedTime) : 0;
  const tb = b.execution.StartedTime ? Date.parse(b.execution.StartedTime) : 0;
  return tb - ta || b.name.localeCompare(a.name);
}
