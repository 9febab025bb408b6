// The WhatsApp Flow commands: pull a flow's JSON into the workspace, push it back after checking
// it locally, publish and deprecate. Each accepts an arguments object so scripts and tests need
// no prompts; without one it asks with quick picks.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CamsClient } from '../../../cloud/src/cams';
import { DocumentErrorsRequest } from '../../../server/src/lsp/protocol';
import { reportError } from '../log';
import type { CamsConnection, CamsConnections, CamsTargetArgs } from '../connections';
import type { WhatsappFlowsTree, WhatsappTreeNode } from './tree';

export interface FlowCommandArgs extends CamsTargetArgs {
  readonly flowId?: string;
}

export interface PullArgs extends FlowCommandArgs {
  /** Folder to save into (default: the first workspace folder). */
  readonly folder?: string;
  readonly fileName?: string;
}

export interface PushArgs extends FlowCommandArgs {
  /** The document to push (default: the active editor). */
  readonly uri?: string;
}

export interface PushResult {
  readonly pushed: boolean;
  readonly errors: number;
  readonly filePath?: string;
}

const LINKS_KEY = 'flowdeck.whatsapp.links';
type Links = Record<string, { flowId: string; endpoint: string }>;

/** Tree nodes arrive as the argument of context-menu commands. */
function argsOf(arg: FlowCommandArgs | WhatsappTreeNode | undefined): FlowCommandArgs {
  if (arg && 'kind' in arg) return arg.kind === 'flow' ? { ...arg.args, flowId: arg.flow.FlowId } : {};
  return arg ?? {};
}

async function pickFlow(client: CamsClient, title: string): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { flowId: string })[] = [];
  for await (const f of client.listFlows()) items.push({ label: f.FlowName, description: f.FlowId, detail: f.Categories.join(', '), flowId: f.FlowId });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no WhatsApp Flows in this account yet.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.flowId;
}

function targetOf(a: CamsTargetArgs): CamsTargetArgs {
  return {
    ...(a.endpoint ? { endpoint: a.endpoint } : {}),
    ...(a.accessKeyId ? { accessKeyId: a.accessKeyId } : {}),
    ...(a.accessKeySecret ? { accessKeySecret: a.accessKeySecret } : {}),
    ...(a.uploadUrl ? { uploadUrl: a.uploadUrl } : {}),
  };
}

const safeName = (name: string): string => name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'flow';

export class WhatsappCommands {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly tree: WhatsappFlowsTree,
    private readonly cams: CamsConnections,
    private readonly languageClient: () => Promise<LanguageClient>,
  ) {}

  /** An endpoint in the arguments wins and becomes the one the view shows; else the view's. */
  private use(args: CamsTargetArgs): Promise<CamsConnection> {
    if (args.endpoint) this.tree.args = targetOf(args);
    return this.cams.connect(args.endpoint ? args : this.tree.args);
  }

  async pull(raw?: PullArgs | WhatsappTreeNode): Promise<{ uri: string; flowId: string } | undefined> {
    const args: PullArgs = argsOf(raw);
    try {
      const conn = await this.use(args);
      const flowId = args.flowId ?? (await pickFlow(conn.client, vscode.l10n.t('Pull which WhatsApp Flow?')));
      if (!flowId) return undefined;
      const flow = await conn.client.getFlow(flowId);
      const { text } = await conn.client.getFlowJson(flowId);
      const folder = args.folder ? vscode.Uri.file(args.folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!folder) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: the pulled Flow JSON is saved into the workspace.'));
        return undefined;
      }
      // Service files are often one line; an editable copy is indented.
      const body = text.includes('\n') ? text : JSON.stringify(JSON.parse(text) as unknown, null, 2) + '\n';
      const uri = vscode.Uri.joinPath(folder, args.fileName ?? `${safeName(flow.FlowName || flowId)}.wa-flow.json`);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(body, 'utf8'));
      await this.link(uri, flowId, conn.endpoint);
      let doc = await vscode.workspace.openTextDocument(uri);
      if (doc.languageId !== 'whatsapp-flow') doc = await vscode.languages.setTextDocumentLanguage(doc, 'whatsapp-flow');
      await vscode.window.showTextDocument(doc);
      this.log.info(`Pulled WhatsApp Flow ${flowId} (${flow.FlowName}, ${flow.Status ?? 'unknown status'}) from ${conn.label} into ${uri.fsPath}`);
      return { uri: uri.toString(), flowId };
    } catch (error) {
      reportError(this.log, vscode.l10n.t('Could not pull the WhatsApp Flow'), error);
      return undefined;
    }
  }

  /** Menus pass the file's Uri; scripts and tests an arguments object. */
  async push(raw?: PushArgs | vscode.Uri): Promise<PushResult> {
    const args: PushArgs = raw instanceof vscode.Uri ? { uri: raw.toString() } : (raw ?? {});
    try {
      const uri = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open the Flow JSON file to push first.'));
        return { pushed: false, errors: 0 };
      }
      const doc = await vscode.workspace.openTextDocument(uri);
      // the language server checks it: the same errors the Problems view shows
      const server = await this.languageClient();
      const errors = await server.sendRequest(DocumentErrorsRequest, { textDocument: { uri: uri.toString(), languageId: 'whatsapp-flow' }, text: doc.getText() });
      if (errors.length > 0) {
        const first = errors[0];
        const detail = first ? ` ${vscode.l10n.t('Line {0}: {1}', first.line + 1, first.message)}` : '';
        const show = vscode.l10n.t('Show Problems');
        void vscode.window.showErrorMessage(vscode.l10n.t('Not pushed: the Flow JSON has {0} error(s). Fix them first.', errors.length) + detail, show).then((c) => {
          if (c === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
        this.log.warn(`Push refused: ${errors.length} error(s) in ${uri.fsPath}`);
        return { pushed: false, errors: errors.length };
      }
      const links = this.context.workspaceState.get<Links>(LINKS_KEY, {});
      const linked = links[uri.toString()];
      // A pulled file goes back where it came from (with the view's credentials when it is the same account).
      const target: CamsTargetArgs = args.endpoint || !linked ? args : linked.endpoint === this.tree.args.endpoint ? this.tree.args : { endpoint: linked.endpoint };
      const conn = await this.use(target);
      const flowId = args.flowId ?? linked?.flowId ?? (await pickFlow(conn.client, vscode.l10n.t('Push to which WhatsApp Flow?')));
      if (!flowId) return { pushed: false, errors: 0 };
      const r = await conn.client.pushFlowJson(flowId, doc.getText(), conn.uploader);
      await this.link(uri, flowId, conn.endpoint);
      this.log.info(`Pushed ${uri.fsPath} to WhatsApp Flow ${flowId} (${conn.label}); request id ${r.RequestId}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Pushed the Flow JSON to WhatsApp Flow {0}.', flowId));
      this.tree.refresh();
      return { pushed: true, errors: 0, filePath: r.FilePath };
    } catch (error) {
      reportError(this.log, vscode.l10n.t('Could not push the WhatsApp Flow'), error);
      return { pushed: false, errors: 0 };
    }
  }

  async publish(raw?: FlowCommandArgs | WhatsappTreeNode): Promise<boolean> {
    return this.lifecycle(argsOf(raw), 'publish');
  }

  async deprecate(raw?: (FlowCommandArgs & { readonly confirm?: boolean }) | WhatsappTreeNode): Promise<boolean> {
    const args = argsOf(raw) as FlowCommandArgs & { confirm?: boolean };
    return this.lifecycle(args, 'deprecate', args.confirm === true);
  }

  private async lifecycle(args: FlowCommandArgs, action: 'publish' | 'deprecate', confirmed = false): Promise<boolean> {
    try {
      const conn = await this.use(args);
      const flowId = args.flowId ?? (await pickFlow(conn.client, action === 'publish' ? vscode.l10n.t('Publish which WhatsApp Flow?') : vscode.l10n.t('Deprecate which WhatsApp Flow?')));
      if (!flowId) return false;
      if (action === 'deprecate' && !confirmed) {
        const yes = vscode.l10n.t('Deprecate');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Deprecate WhatsApp Flow {0}? A deprecated flow cannot be sent any more and cannot be published again.', flowId), { modal: true }, yes);
        if (choice !== yes) return false;
      }
      if (action === 'publish') await conn.client.publishFlow(flowId);
      else await conn.client.deprecateFlow(flowId);
      this.log.info(`${action === 'publish' ? 'Published' : 'Deprecated'} WhatsApp Flow ${flowId} (${conn.label})`);
      void vscode.window.showInformationMessage(action === 'publish' ? vscode.l10n.t('Published WhatsApp Flow {0}.', flowId) : vscode.l10n.t('Deprecated WhatsApp Flow {0}.', flowId));
      this.tree.refresh();
      return true;
    } catch (error) {
      reportError(this.log, action === 'publish' ? vscode.l10n.t('Could not publish the WhatsApp Flow') : vscode.l10n.t('Could not deprecate the WhatsApp Flow'), error);
      return false;
    }
  }

  private async link(uri: vscode.Uri, flowId: string, endpoint: string): Promise<void> {
    const links = { ...this.context.workspaceState.get<Links>(LINKS_KEY, {}), [uri.toString()]: { flowId, endpoint } };
    await this.context.workspaceState.update(LINKS_KEY, links);
  }
}
