// The "WhatsApp Flows" view: the account's CAMS flows with their status (ListFlow, then GetFlow
// per flow; the client's 5-per-second bucket paces the calls).
import * as vscode from 'vscode';
import type { CamsFlow } from '../../../cloud/src/cams';
import { CloudError, LocalErrorCodes } from '../../../cloud/src';
import type { CamsConnections, CamsTargetArgs } from '../connections';

export interface WhatsappFlowNode {
  readonly kind: 'flow';
  readonly flow: CamsFlow;
  readonly args: CamsTargetArgs;
}

export interface WhatsappMessageNode {
  readonly kind: 'message';
  readonly text: string;
}

export type WhatsappTreeNode = WhatsappFlowNode | WhatsappMessageNode;

const STATUS_ICONS: Record<string, string> = { PUBLISHED: 'pass', DRAFT: 'edit', DEPRECATED: 'circle-slash' };

export class WhatsappFlowsTree implements vscode.TreeDataProvider<WhatsappTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WhatsappTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The endpoint the last command used, so the view shows the same account. */
  args: CamsTargetArgs = {};

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly cams: CamsConnections,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: WhatsappTreeNode): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    const f = node.flow;
    const item = new vscode.TreeItem(f.FlowName || f.FlowId);
    item.description = [f.Status, f.JSONVersion ? `v${f.JSONVersion}` : undefined].filter(Boolean).join(' · ');
    item.tooltip = `FlowId ${f.FlowId}\n${f.Categories.join(', ')}`;
    item.id = `wa:${f.FlowId}`;
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[f.Status ?? ''] ?? 'symbol-event');
    item.contextValue = `whatsappFlow.${(f.Status ?? 'UNKNOWN').toLowerCase()}`;
    item.command = { command: 'flowdeck.whatsapp.pull', title: vscode.l10n.t('Pull WhatsApp Flow'), arguments: [{ ...node.args, flowId: f.FlowId }] };
    return item;
  }

  async getChildren(node?: WhatsappTreeNode): Promise<WhatsappTreeNode[]> {
    if (node) return [];
    try {
      const { client, label } = await this.cams.connect(this.args);
      const out: WhatsappTreeNode[] = [];
      for await (const summary of client.listFlows()) {
        const flow = await client.getFlow(summary.FlowId).catch(() => summary);
        out.push({ kind: 'flow', flow, args: this.args });
      }
      return out.length > 0 ? out : [{ kind: 'message', text: vscode.l10n.t('No WhatsApp Flows in {0}', label) }];
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.log.warn(`WhatsApp Flows view: ${text}`);
      if (error instanceof CloudError && error.code === LocalErrorCodes.noCredentials) {
        return [{ kind: 'message', text: vscode.l10n.t('Set Alibaba Cloud credentials, or "flowdeck.cams.endpoint" to an emulator, to list WhatsApp Flows') }];
      }
      return [{ kind: 'message', text: vscode.l10n.t('Could not list WhatsApp Flows: {0}', text) }];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
