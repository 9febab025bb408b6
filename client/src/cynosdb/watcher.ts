// Watches CynosDB task flows: polls DescribeFlow (the client's 20-per-second bucket paces every
// watch together), keeps each flow's state for the "CynosDB Task Flows" view and notifies when a
// flow ends. Errors such as InvalidParameterValue.FlowNotFound are shown with what to check.
import * as vscode from 'vscode';
import { CloudError } from '../../../cloud/src';
import type { TaskFlowState } from '../../../cloud/src/cynosdb';
import type { CynosdbConnections, CynosdbTargetArgs } from '../connections';
import { reportError } from '../log';

export interface WatchArgs extends CynosdbTargetArgs {
  readonly flowId?: number | string;
  readonly intervalMs?: number;
}

export interface WatchedFlow {
  readonly flowId: number;
  readonly region: string;
  readonly endpoint: string;
  state: TaskFlowState | 'error';
  detail: string;
  polls: number;
  readonly startedAt: number;
  endedAt?: number;
}

export class TaskFlowWatcher implements vscode.Disposable {
  readonly flows = new Map<string, WatchedFlow>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly aborts = new Set<AbortController>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly connections: CynosdbConnections,
  ) {}

  /** Asks for what is missing, then watches until the flow ends; resolves with the final entry. */
  async watch(args: WatchArgs = {}): Promise<WatchedFlow | undefined> {
    const rawId = args.flowId ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Watch CynosDB Task Flow'),
      prompt: vscode.l10n.t('The FlowId an asynchronous CynosDB operation returned'),
      validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('A FlowId is a positive whole number.')),
    }));
    if (rawId === undefined) return undefined;
    const flowId = typeof rawId === 'number' ? rawId : Number(String(rawId).trim());
    if (!Number.isSafeInteger(flowId) || flowId <= 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a FlowId: give the whole number an asynchronous CynosDB operation returned.', String(rawId)));
      return undefined;
    }
    const { client, region, endpoint } = await this.connections.connect(args);
    const key = `${endpoint}|${region}|${flowId}`;
    const entry: WatchedFlow = { flowId, region, endpoint, state: 'processing', detail: vscode.l10n.t('starting'), polls: 0, startedAt: Date.now() };
    this.flows.set(key, entry);
    this.changed.fire();
    const abort = new AbortController();
    this.aborts.add(abort);
    try {
      for await (const o of client.watchFlow(flowId, { region, signal: abort.signal, ...(args.intervalMs ? { intervalMs: args.intervalMs } : {}) })) {
        entry.state = o.state;
        entry.polls = o.polls;
        entry.detail = vscode.l10n.t('status {0} after {1} poll(s)', o.status, o.polls);
        this.changed.fire();
      }
      entry.endedAt = Date.now();
      this.log.info(`CynosDB task flow ${flowId} (${region}) ${entry.state} after ${entry.polls} poll(s)`);
      if (entry.state === 'succeeded') void vscode.window.showInformationMessage(vscode.l10n.t('CynosDB task flow {0} succeeded.', flowId));
      else void vscode.window.showErrorMessage(vscode.l10n.t('CynosDB task flow {0} failed: check the operation that started it in the Tencent Cloud console.', flowId));
    } catch (error) {
      entry.state = 'error';
      entry.endedAt = Date.now();
      entry.detail = error instanceof CloudError ? `${error.code}: ${error.hint}` : error instanceof Error ? error.message : String(error);
      const notFound = error instanceof CloudError && /FlowNotFound/.test(error.code);
      reportError(
        this.log,
        notFound
          ? vscode.l10n.t('CynosDB task flow {0} was not found in {1}: check the FlowId and the region', flowId, region)
          : vscode.l10n.t('Could not watch CynosDB task flow {0}', flowId),
        error,
      );
    } finally {
      this.aborts.delete(abort);
      this.changed.fire();
    }
    return entry;
  }

  clearFinished(): void {
    for (const [k, f] of this.flows) if (f.endedAt !== undefined) this.flows.delete(k);
    this.changed.fire();
  }

  dispose(): void {
    for (const a of this.aborts) a.abort();
    this.changed.dispose();
  }
}
