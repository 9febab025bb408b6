// The handlers of the execution features' commands (the command table in client/src/commands
// binds them to their ids). Every handler accepts arguments so scripts and tests can run it
// without prompts, and returns what it did. Errors are logged and shown with an "Open Output"
// button, then rethrown to a programmatic caller.
import * as vscode from 'vscode';
import { reportError } from '../../log';
import type { ExecutionContext } from '../context';
import { promptAndStoreCredentials, targetLabel, type StoredCredentials, type TargetKind } from '../../connections';
import { deploy, DeployRejected, type DeployArgs } from './deploy';
import { ExecutionDocumentProvider } from '../views/describe';
import { copyNameCommand, describeCommand, openDefinitionCommand, startAgainCommand, stopCommand, stopTailingCommand, tailCommand } from './executionCommands';
import { saveAsTestCaseCommand } from './saveAsTestCase';
import { startExecution, type StartArgs } from './start';
import { LoadMoreNode } from '../views/tree/nodes';

type Handler = (arg: unknown) => unknown;

export type ExecutionCommands = ReturnType<typeof createExecutionCommands>;

export function createExecutionCommands(ctx: ExecutionContext, documents: ExecutionDocumentProvider) {
  /** `label` names the command in its error message (the command id when there is none). */
  const guard = (label: string | undefined, handler: Handler) => async (arg: unknown, id: string): Promise<unknown> => {
    try {
      return await handler(arg);
    } catch (error) {
      // a rejected definition is already on the file and announced
      if (!(error instanceof DeployRejected)) reportError(ctx.log, vscode.l10n.t('{0} failed', label ?? id), error);
      // scripts and tests get the error; from the UI it is already shown once, above
      if (isProgrammatic(arg)) throw error;
      return undefined;
    }
  };
  return {
    deploy: guard(vscode.l10n.t('Deploy'), (arg) => deploy(ctx, toDeployArgs(arg))),
    startExecution: guard(vscode.l10n.t('Start'), (arg) => startExecution(ctx, toStartArgs(arg))),
    tailExecution: guard(vscode.l10n.t('Tail'), (arg) => tailCommand(ctx, arg)),
    stopTailing: guard(undefined, (arg) => stopTailingCommand(ctx, arg)),
    stopExecution: guard(vscode.l10n.t('Stop'), (arg) => stopCommand(ctx, arg)),
    describeExecution: guard(vscode.l10n.t('Describe'), (arg) => describeCommand(ctx, documents, arg)),
    startAgain: guard(vscode.l10n.t('Start again'), (arg) => startAgainCommand(ctx, arg)),
    openDefinition: guard(undefined, (arg) => openDefinitionCommand(ctx, arg)),
    copyName: guard(undefined, (arg) => copyNameCommand(arg)),
    selectTarget: guard(undefined, async (arg) => {
      const t = await ctx.targets.select(arg as { kind?: TargetKind; region?: string } | undefined);
      if (t) ctx.log.info(`Target: ${targetLabel(t)}`);
      return t;
    }),
    setCredentials: guard(undefined, async (arg) => {
      const stored = await promptAndStoreCredentials(ctx.credentials, arg as Partial<StoredCredentials> | undefined);
      if (stored) void vscode.window.showInformationMessage(vscode.l10n.t('Credentials saved in VS Code secret storage.'));
      return stored;
    }),
    clearCredentials: guard(undefined, async () => {
      await ctx.credentials.clear();
      void vscode.window.showInformationMessage(vscode.l10n.t('Stored credentials removed.'));
    }),
    refreshExecutions: guard(undefined, () => ctx.tree.refresh()),
    loadMoreExecutions: guard(undefined, (arg) => (arg instanceof LoadMoreNode ? ctx.tree.loadMore(arg) : undefined)),
    openSampleFlow: guard(undefined, () => openSampleFlow(ctx)),
    saveAsTestCase: guard(vscode.l10n.t('Save as Test Case'), (arg) => saveAsTestCaseCommand(ctx, arg)),
  };
}

/**
 * A call from a script or test passes a plain arguments object; the UI passes nothing (palette),
 * a Uri (menus), a tree node (view menus) or arguments marked `interactive` (CodeLens, buttons).
 */
function isProgrammatic(arg: unknown): boolean {
  if (!arg || typeof arg !== 'object' || Object.getPrototypeOf(arg) !== Object.prototype) return false;
  return (arg as { interactive?: unknown }).interactive !== true;
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
