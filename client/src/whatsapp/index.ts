// Entry point of the WhatsApp Flow features: the CAMS commands, the "WhatsApp Flows" view and
// the preview. Their commands are bound in the command table (client/src/commands).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest } from '../../../server/src/lsp/protocol';
import type { CamsConnections } from '../connections';
import { WhatsappCommands } from './commands';
import { WhatsappFlowsTree } from './tree';
import { WhatsappPreview } from './preview/previewPanel';

export const WHATSAPP_VIEW_ID = 'flowdeck.whatsappFlows';

export type { FlowCommandArgs, PullArgs, PushArgs, PushResult } from './commands';
export type { WhatsappTreeNode } from './tree';

export interface WhatsappFeatures {
  readonly commands: WhatsappCommands;
  readonly tree: WhatsappFlowsTree;
  readonly preview: WhatsappPreview;
}

export function registerWhatsappFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  cams: CamsConnections,
  languageClient: () => Promise<LanguageClient>,
): WhatsappFeatures {
  const tree = new WhatsappFlowsTree(log, cams);
  const commands = new WhatsappCommands(context, log, tree, cams, languageClient);
  const preview = new WhatsappPreview(context.extensionUri, log, async (doc) => {
    const client = await languageClient();
    const result = await client.sendRequest(GraphRequest, { textDocument: { uri: doc.uri.toString() } });
    return result?.graph;
  });
  context.subscriptions.push(tree, vscode.window.createTreeView(WHATSAPP_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false }), preview);
  log.debug('WhatsApp features registered');
  return { commands, tree, preview };
}
