// Entry point of the execution features: deploy, start, tail and the Executions sidebar, on the
// target the connections give (local emulator or Alibaba Cloud). Activation calls
// registerExecutionFeatures once; the command table binds the commands' handlers.
import * as vscode from 'vscode';
import { config } from '../config';
import type { Connections, EmulatorHost, Targets } from '../connections';
import { registerCodeLens } from './views/codelens';
import { ViewIds } from './viewIds';
import { isFdlLanguage } from '../language/languages';
import { workspaceDirFor } from './workspace/definition';
import { getDeploySettings } from '../../../cloud/src/fnf';
import { createExecutionCommands, type ExecutionCommands } from './commands/handlers';
import type { ExecutionContext, ExecutionFeatureHooks } from './context';
import { DESCRIBE_SCHEME, ExecutionDocumentProvider } from './views/describe';
import { ServiceDiagnostics } from './views/serviceDiagnostics';
import { RunOverlay } from './views/runOverlay';
import { createTailingStatusItem, createTargetStatusItem } from './views/statusBar';
import { TailManager } from './tail';
import { ExecutionsTreeProvider } from './views/tree/provider';

export type { ExecutionFeatureHooks } from './context';
export type { DeployArgs, DeployOutcome } from './commands/deploy';
export type { StartArgs, StartOutcome } from './commands/start';
export type { StopArgs } from './commands/executionCommands';
export type { TailSession, TailEnd } from './tail';

/** What the features expose to the rest of the extension and to tests. */
export interface ExecutionFeatures {
  readonly tree: ExecutionsTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly tails: TailManager;
  readonly targets: Targets;
  readonly emulator: EmulatorHost;
  readonly serviceDiagnostics: ServiceDiagnostics;
  /** Each state's status in the flow's latest tailed execution, beside the state in its file. */
  readonly runOverlay: RunOverlay;
  /** The handlers of the execution commands. */
  readonly commands: ExecutionCommands;
}

export function registerExecutionFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, connections: Connections, hooks: ExecutionFeatureHooks = {}): ExecutionFeatures {
  const { emulator, credentials, targets, fnf: clients } = connections;
  const tails = new TailManager(() => config.pollIntervalMs());
  const tree = new ExecutionsTreeProvider(clients, targets, tails, () => config.executionsPageSize(), () => config.pollIntervalMs(), log);
  const serviceDiagnostics = new ServiceDiagnostics();
  const ctx: ExecutionContext = { extension: context, log, emulator, credentials, targets, clients, tails, tree, serviceDiagnostics, hooks };
  const documents = new ExecutionDocumentProvider(clients);
  const treeView = vscode.window.createTreeView(ViewIds.executions, { treeDataProvider: tree, showCollapseAll: true });
  const runOverlay = new RunOverlay(tails);
  const commands = createExecutionCommands(ctx, documents);
  const features: ExecutionFeatures = { tree, treeView, tails, targets, emulator, serviceDiagnostics, runOverlay, commands };

  context.subscriptions.push(
    tails,
    runOverlay,
    tree,
    treeView,
    serviceDiagnostics,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(DESCRIBE_SCHEME, documents),
    registerCodeLens(),
    createTargetStatusItem(targets),
    createTailingStatusItem(tails),
    announceSavedFlowSettings(hooks, log),
  );
  log.debug(`execution features registered (${Object.keys(commands).length} commands)`);
  return features;
}

/** Tells the language server each open flow's saved execution mode, so Express limits apply. */
export function announceSavedFlowSettings(hooks: ExecutionFeatureHooks, log: vscode.LogOutputChannel): vscode.Disposable {
  const notify = hooks.notifyFlowSettings;
  if (!notify) return new vscode.Disposable(() => undefined);
  const announce = async (doc: vscode.TextDocument): Promise<void> => {
    if (!isFdlLanguage(doc.languageId)) return;
    const dir = workspaceDirFor(doc.uri);
    const saved = dir ? await getDeploySettings(dir, doc.uri.fsPath) : undefined;
    if (saved) await notify(doc.uri, { executionMode: saved.executionMode });
  };
  const run = (doc: vscode.TextDocument): void => void announce(doc).catch((e: unknown) => log.debug(`flow settings of ${doc.uri.fsPath}: ${String(e)}`));
  // after activation has returned, so the documents already open are announced once it is done
  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach(run), 0);
  return vscode.Disposable.from(vscode.workspace.onDidOpenTextDocument(run), new vscode.Disposable(() => clearTimeout(initial)));
}
