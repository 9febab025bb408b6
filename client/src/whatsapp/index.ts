// Entry point of the WhatsApp Flow features: the CAMS commands and the "WhatsApp Flows" view.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest } from '../../../server/src/lsp/protocol';
import { WhatsappCommands } from './commands';
import { WhatsappFlowsTree } from './tree';
import type { CamsConnections } from '../connections';
import { WhatsappPreview } from './preview/previewPanel';

export const WHATSAPP_VIEW_ID = 'flowdeck.whatsappFlows';

export const WhatsappCommandIds = {
  pull: 'flowdeck.whatsapp.pull',
  push: 'flowdeck.whatsapp.push',
  publish: 'flowdeck.whatsapp.publish',
  deprecate: 'flowdeck.whatsapp.deprecate',
  refresh: 'flowdeck.whatsapp.refresh',
  preview: 'flowdeck.whatsapp.preview',
} as const;

export function registerWhatsappFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  cams: CamsConnections,
  languageClient: () => Promise<LanguageClient>,
): void {
  const tree = new WhatsappFlowsTree(log, cams);
  const commands = new WhatsappCommands(context, log, tree, cams);
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView(WHATSAPP_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false }),
    vscode.commands.registerCommand(WhatsappCommandIds.pull, (a?: Parameters<WhatsappCommands['pull']>[0]) => commands.pull(a)),
    vscode.commands.registerCommand(WhatsappCommandIds.push, (a?: Parameters<WhatsappCommands['push']>[0]) => commands.push(a instanceof vscode.Uri ? { uri: a.toString() } : a)),
    vscode.commands.registerCommand(WhatsappCommandIds.publish, (a?: Parameters<WhatsappCommands['publish']>[0]) => commands.publish(a)),
    vscode.commands.registerCommand(WhatsappCommandIds.deprecate, (a?: Parameters<WhatsappCommands['deprecate']>[0]) => commands.deprecate(a)),
    vscode.commands.registerCommand(WhatsappCommandIds.refresh, () => tree.refresh()),
    // For tests and other extensions: the view's data.
    vscode.commands.registerCommand('flowdeck.whatsapp.tree', () => tree),
  );
  const preview = new WhatsappPreview(context.extensionUri, log, async (doc) => {
    const client = await languageClient();
    const result = await client.sendRequest(GraphRequest, { textDocument: { uri: doc.uri.toString() } });
    return result?.graph;
  });
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand(WhatsappCommandIds.preview, (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    // For tests and other extensions: the open preview.
    vscode.commands.registerCommand('flowdeck.whatsapp.previewPanel', () => preview),
  );
  log.debug('WhatsApp features registered');
}
