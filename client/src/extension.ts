// Activation: wiring only. Activated by the flow languages, by YAML/JSON files (only to sniff
// whether they are flows; the language server starts on the first flow document), and by the
// extension's own commands and views.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLog, reportError } from './log';
import { FlowServer, type PublishedDiagnostics } from './lsp';
import { registerLanguageDetection } from './language/switcher';
import { sendFlowSettings } from './lsp/flowSettings';
import { registerExecutionFeatures, type ExecutionFeatures } from './execution';
import { registerWhatsappFeatures } from './whatsapp';
import { registerCynosdbFeatures } from './cynosdb';
import { registerGraphFeatures } from './graph';
import { registerDebugFeatures } from './debug';
import { registerFlowTesting, type FlowTesting } from './testing';
import { Connections } from './connections';
import type { LimitedFeature } from '../../server/src/lsp/protocol';
import { registerCommandTable } from './commands/register';

/** What `activate()` returns: used by the integration tests and by other extensions. */
export interface FlowdeckApi {
  readonly log: vscode.LogOutputChannel;
  /** The running language client, or undefined until a flow document has been opened. */
  languageClient(): LanguageClient | undefined;
  /** Starts the language server if needed and resolves when it has answered `initialize`. */
  serverReady(): Promise<LanguageClient>;
  /** The publishDiagnostics notifications received for a document so far. */
  diagnosticsPublished(uri: vscode.Uri): PublishedDiagnostics | undefined;
  /** Where the server cut a long flow's outline and folding (what the language status shows). */
  itemLimits(uri: vscode.Uri): Partial<Record<LimitedFeature, number>>;
  /** Deploy/start/tail and the Executions tree; undefined if they failed to set up. */
  readonly execution: ExecutionFeatures | undefined;
  /** Flow tests in the Testing view; undefined if they failed to set up. */
  readonly testing: FlowTesting | undefined;
}

let server: FlowServer | undefined;

export function activate(context: vscode.ExtensionContext): FlowdeckApi {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(
    `Flowdeck ${String(context.extension.packageJSON.version)} activated in ${vscode.env.appName} ${vscode.version}`,
  );
  const flowServer = new FlowServer(context, log);
  server = flowServer;
  context.subscriptions.push(registerLanguageDetection(log));
  // one failing feature must not take the language features down with it
  const guarded = <T>(name: string, register: () => T): T | undefined => {
    try {
      return register();
    } catch (error) {
      reportError(log, vscode.l10n.t('Flowdeck could not set up its {0} features', name), error);
      return undefined;
    }
  };
  const connections = guarded('connection', () => new Connections(context, log));
  if (connections) context.subscriptions.push(connections);
  const execution = connections && guarded('execution', () =>
    registerExecutionFeatures(context, log, connections, {
      notifyFlowSettings: (uri, settings) => sendFlowSettings(flowServer, uri, settings),
    }),
  );
  // the WhatsApp Flow and CynosDB features follow the current target to the same local emulator
  const whatsapp = connections && guarded('WhatsApp', () => registerWhatsappFeatures(context, log, connections.cams, () => flowServer.ready()));
  // the WhatsApp Flows view lists from the target's CAMS endpoint: a new target is a new list
  if (whatsapp && connections) context.subscriptions.push(connections.targets.onDidChange(() => whatsapp.tree.refresh()));
  const cynosdb = connections && guarded('CynosDB', () => registerCynosdbFeatures(context, log, connections.cynosdb));
  const graph = guarded('graph', () => registerGraphFeatures(context, log, flowServer, execution));
  const debug = guarded('debugger', () => registerDebugFeatures(context, log));
  context.subscriptions.push(...registerCommandTable({ log, server: flowServer, execution, debug, graph, whatsapp, cynosdb }));
  const testing = guarded('testing', () => registerFlowTesting(context, log));
  return {
    log,
    languageClient: () => flowServer.languageClient,
    serverReady: () => flowServer.ready(),
    diagnosticsPublished: (uri) => flowServer.diagnosticsPublished(uri),
    itemLimits: (uri) => flowServer.itemLimits(uri),
    execution,
    testing,
  };
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
