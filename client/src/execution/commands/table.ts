// The execution features' commands, from one table: id -> handler. Every handler accepts
// arguments so scripts and tests can run it without prompts, and returns what it did. Errors are
// logged and shown with an "Open Output" button, then rethrown to a programmatic caller.
import * as vscode from 'vscode';
import { reportError } from '../../log';
import { CommandIds } from '../commandIds';
import type { ExecutionContext } from '../context';
import { promptAndStoreCredentials, type StoredCredentials } from '../../connections';
import { deploy, DeployRejected, type DeployArgs } from './deploy';
import { ExecutionDocumentProvider } from '../views/describe';
import { copyNameCommand, describeCommand, openDefinitionCommand, startAgainCommand, stopCommand, stopTailingCommand, tailCommand } from './executionCommands';
import { saveAsTestCaseCommand } from './saveAsTestCase';
import { startExecution, type StartArgs } from './start';
import { targetLabel, type TargetKind } from '../../connections';
import { LoadMoreNode } from '../views/tree/nodes';

type Handler = (...args: unknown[]) => unknown;

export function registerCommands(ctx: ExecutionContext, documents: ExecutionDocumentProvider, features: unknown): vscode.Disposable[] {
  const table: Record<string, Handler> = {
    [CommandIds.deploy]: (arg) => deploy(ctx, toDeployArgs(arg)),
    [CommandIds.startExecution]: (arg) => startExecution(ctx, toStartArgs(arg)),
    [CommandIds.tailExecution]: (arg) => tailCommand(ctx, arg),
    [CommandIds.stopTailing]: (arg) => stopTailingCommand(ctx, arg),
    [CommandIds.stopExecution]: (arg) => stopCommand(ctx, arg),
    [CommandIds.describeExecution]: (arg) => describeCommand(ctx, documents, arg),
    [CommandIds.startAgain]: (arg) => startAgainCommand(ctx, arg),
    [CommandIds.openDefinition]: (arg) => openDefinitionCommand(ctx, arg),
    [CommandIds.copyName]: (arg) => copyNameCommand(arg),
    [CommandIds.selectTarget]: async (arg) => {
      const t = await ctx.targets.select(arg as { kind?: TargetKind; region?: string } | undefined);
      if (t) ctx.log.info(`Target: ${targetLabel(t)}`);
      return t;
    },
    [CommandIds.setCredentials]: async (arg) => {
      const stored = await promptAndStoreCredentials(ctx.credentials, arg as Partial<StoredCredentials> | undefined);
      if (stored) void vscode.window.showInformationMessage(vscode.l10n.t('Credentials saved in VS Code secret storage.'));
      return stored;
    },
    [CommandIds.clearCredentials]: async () => {
      await ctx.credentials.clear();
      void vscode.window.showInformationMessage(vscode.l10n.t('Stored credentials removed.'));
    },
    [CommandIds.refreshExecutions]: () => ctx.tree.refresh(),
    [CommandIds.loadMoreExecutions]: (arg) => (arg instanceof LoadMoreNode ? ctx.tree.loadMore(arg) : undefined),
    [CommandIds.openSampleFlow]: () => openSampleFlow(ctx),
    [CommandIds.saveAsTestCase]: (arg) => saveAsTestCaseCommand(ctx, arg),
    [CommandIds.features]: () => features,
  };
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        // a rejected definition is already on the file and announced
        if (!(error instanceof DeployRejected)) reportError(ctx.log, vscode.l10n.t('{0} failed', commandTitle(id)), error);
        // scripts and tests get the error; from the UI it is already shown once, above
        if (isProgrammatic(args[0])) throw error;
        return undefined;
      }
    }),
  );
}

/**
 * A call from a script or test passes a plain arguments object; the UI passes nothing (palette),
 * a Uri (menus), a tree node (view menus) or arguments marked `interactive` (CodeLens, buttons).
 */
function isProgrammatic(arg: unknown): boolean {
  if (!arg || typeof arg !== 'object' || Object.getPrototypeOf(arg) !== Object.prototype) return false;
  return (arg as { interactive?: unknown }).interactive !== true;
}

function commandTitle(id: string): string {
  const titles: Record<string, string> = {
    [CommandIds.deploy]: vscode.l10n.t('Deploy'),
    [CommandIds.startExecution]: vscode.l10n.t('Start'),
    [CommandIds.tailExecution]: vscode.l10n.t('Tail'),
    [CommandIds.stopExecution]: vscode.l10n.t('Stop'),
    [CommandIds.describeExecution]: vscode.l10n.t('Describe'),
    [CommandIds.startAgain]: vscode.l10n.t('Start again'),
    [CommandIds.saveAsTestCase]: vscode.l10n.t('Save as Test Case'),
  };
  return titles[id] ?? id;
}

/** Accepts a Uri (explorer / editor menus), `{ uri, ... }` or nothing. */
function toDeployArgs(arg: unknown): DeployArgs {
  if (arg instanceof vscode.Uri) return { uri: arg };
  return arg && typeof arg === 'object' ? (arg as DeployArgs) : {};
}

function toStartArgs(arg: unknown): StartArgs {
  if (arg instanceof vscode.Uri) return { uri: arg };
  if (arg && typeof arg === 'object' && 'name' in arg && (arg as { kind?: string }).kind === 'flow') return { flowName: (arg as { name: string }).name };
  return arg && typeof arg === 'object' ? (arg as StartArgs) : {};
}

/** Opens the sample order-processing flow: in the workspace if it is there. */
async function openSampleFlow(ctx: ExecutionContext): Promise<void> {
  const found = await vscode.workspace.findFiles('**/order-processing.flow.yaml', '**/node_modules/**', 1);
  const uri = found[0] ?? vscode.Uri.joinPath(ctx.extension.extensionUri, 'examples', 'order-processing.flow.yaml');
  await vscode.window.showTextDocument(uri, { preview: false });
}
