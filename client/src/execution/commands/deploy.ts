// "Flowdeck: Deploy Flow": creates or updates the flow from the editor's text. The first deploy
// of a file asks for its name, execution mode, role and description and remembers them in
// `.flowdeck/flows.json`; later deploys go straight through. A file with errors is refused unless
// the user chooses "Deploy anyway"; errors the service returns about the definition become
// diagnostics on the file.
import * as vscode from 'vscode';
import { checkName, flowFileStem } from '../../../../cloud/src/fnf';
import type { DeployFlowResult } from '../../../../cloud/src/fnf';
import { CloudError } from '../../../../cloud/src';
import { rootLine } from '../../language/contentLines';
import type { ExecutionContext } from '../context';
import { declaredFlowName, targetDocument, workspaceDirFor } from '../workspace/definition';
import { getDeploySettings, saveDeploySettings, type ExecutionMode, type FlowDeploySettings } from '../../../../cloud/src/fnf';
import { describeError } from '../errors';
import { isDefinitionError } from './serviceProblems';
import { CommandIds } from '../../commands/ids';

/** Arguments of `flowdeck.deploy`, so scripts and tests can deploy without prompts. */
export interface DeployArgs {
  readonly uri?: vscode.Uri;
  readonly name?: string;
  readonly mode?: ExecutionMode;
  readonly roleArn?: string;
  readonly description?: string;
  /** true: deploy even with errors; false: refuse without asking; absent: ask. */
  readonly force?: boolean;
  /** Ask the first-deploy questions again even when settings are saved. */
  readonly reconfigure?: boolean;
  /** Set by CodeLens and buttons: failures are shown, not thrown back to the caller. */
  readonly interactive?: boolean;
}

export interface DeployOutcome {
  readonly flowName: string;
  readonly executionMode: ExecutionMode;
  readonly action: DeployFlowResult['action'];
  readonly uri: vscode.Uri;
  /** Set when the deployed flow kept a different execution mode than the one asked for. */
  readonly executionModeUnchanged?: string;
}

/** Validates a flow name as the service does, returning the message to show, if any. */
function flowNameProblem(name: string): string | undefined {
  try {
    checkName('flow', name, 'CreateFlow');
    return undefined;
  } catch (e) {
    return e instanceof CloudError ? e.serviceMessage : String(e);
  }
}

/** Asks the first-deploy questions; undefined when the user cancels. */
async function askSettings(defaults: { name: string; mode: ExecutionMode }, previous: FlowDeploySettings | undefined): Promise<FlowDeploySettings | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Deploy flow (1/4): name'),
    prompt: vscode.l10n.t('The flow name in the service: letters, digits, "_" and "-", starting with a letter or "_".'),
    value: previous?.name ?? defaults.name,
    ignoreFocusOut: true,
    validateInput: (v) => flowNameProblem(v.trim()),
  });
  if (name === undefined) return undefined;
  const modes = [
    { label: 'Standard', detail: vscode.l10n.t('Asynchronous, up to one year; started with StartExecution and tailed.'), mode: 'Standard' as const },
    { label: 'Express', detail: vscode.l10n.t('Synchronous, up to five minutes; started with StartSyncExecution, returns the output.'), mode: 'Express' as const },
  ];
  const current = previous?.executionMode ?? defaults.mode;
  const picked = await vscode.window.showQuickPick(
    modes.map((m) => ({ ...m, description: m.mode === current ? vscode.l10n.t('current') : '' })),
    { title: vscode.l10n.t('Deploy flow (2/4): execution mode'), placeHolder: vscode.l10n.t('The mode cannot be changed after the flow is created.'), ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const roleArn = await vscode.window.showInputBox({
    title: vscode.l10n.t('Deploy flow (3/4): role ARN (optional)'),
    prompt: vscode.l10n.t('The RAM role the flow assumes to call other services, e.g. acs:ram::<account-id>:role/<role>. Leave empty on the emulator.'),
    value: previous?.roleArn ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || /^acs:ram::[^:]*:role\/.+/.test(v.trim()) ? undefined : vscode.l10n.t('A role ARN looks like acs:ram::123456789012:role/fnf-execution.')),
  });
  if (roleArn === undefined) return undefined;
  const description = await vscode.window.showInputBox({
    title: vscode.l10n.t('Deploy flow (4/4): description (optional)'),
    value: previous?.description ?? '',
    ignoreFocusOut: true,
  });
  if (description === undefined) return undefined;
  return {
    name: name.trim(),
    executionMode: picked.mode,
    ...(roleArn.trim() ? { roleArn: roleArn.trim() } : {}),
    ...(description.trim() ? { description: description.trim() } : {}),
  };
}

/** Resolves the settings to deploy with: arguments, then saved settings, then questions. */
async function resolveSettings(document: vscode.TextDocument, args: DeployArgs, workspaceDir: string | undefined): Promise<FlowDeploySettings | undefined> {
  const saved = workspaceDir ? await getDeploySettings(workspaceDir, document.uri.fsPath) : undefined;
  const fromArgs = args.name !== undefined || args.mode !== undefined;
  if (fromArgs) {
    const name = args.name ?? saved?.name ?? declaredFlowName(document.getText());
    if (!name) throw new Error(vscode.l10n.t('The flow has no Name; pass a name to deploy it.'));
    const problem = flowNameProblem(name);
    if (problem) throw new Error(problem);
    const roleArn = args.roleArn ?? saved?.roleArn;
    const description = args.description ?? saved?.description;
    return { name, executionMode: args.mode ?? saved?.executionMode ?? 'Standard', ...(roleArn ? { roleArn } : {}), ...(description ? { description } : {}) };
  }
  if (saved && !args.reconfigure) return saved;
  const fallbackName = declaredFlowName(document.getText()) ?? flowFileStem(document.uri.path);
  return askSettings({ name: fallbackName, mode: 'Standard' }, saved);
}

/** Asks whether to deploy a file with errors; true to go on. */
async function confirmDespiteErrors(count: number, args: DeployArgs): Promise<boolean> {
  if (args.force !== undefined) return args.force;
  const deployAnyway = vscode.l10n.t('Deploy anyway');
  const showProblems = vscode.l10n.t('Show Problems');
  const choice = await vscode.window.showErrorMessage(
    count === 1 ? vscode.l10n.t('The flow has 1 error. Fix it before deploying?') : vscode.l10n.t('The flow has {0} errors. Fix them before deploying?', count),
    deployAnyway,
    showProblems,
  );
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === deployAnyway;
}

export async function deploy(ctx: ExecutionContext, args: DeployArgs = {}): Promise<DeployOutcome | undefined> {
  const document = await targetDocument(args.uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a flow definition (for example a .flow.yaml file) to deploy it.'));
    return undefined;
  }
  const text = document.getText();
  if (text.trim() === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is empty; there is nothing to deploy.', vscode.workspace.asRelativePath(document.uri)));
    return undefined;
  }
  const errors = ctx.serviceDiagnostics.editorErrors(document.uri);
  if (errors.length > 0 && !(await confirmDespiteErrors(errors.length, args))) {
    ctx.log.info(`Deploy of ${document.uri.fsPath} cancelled: ${errors.length} error(s) in the file`);
    return undefined;
  }
  const workspaceDir = workspaceDirFor(document.uri);
  const settings = await resolveSettings(document, args, workspaceDir);
  if (!settings) return undefined;
  if (workspaceDir) await saveDeploySettings(workspaceDir, document.uri.fsPath, settings);
  if (ctx.hooks.notifyFlowSettings) {
    await ctx.hooks.notifyFlowSettings(document.uri, { executionMode: settings.executionMode }).catch((e: unknown) => ctx.log.warn(`flowSettings notification: ${describeError(e)}`));
  }

  const { client, label } = await ctx.clients.current();
  const title = vscode.l10n.t('Deploying {0} to {1}…', settings.name, label);
  let result: DeployFlowResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, () =>
      client.deployFlow({
        Name: settings.name,
        Definition: text,
        ExecutionMode: settings.executionMode,
        ...(settings.roleArn ? { RoleArn: settings.roleArn } : {}),
        ...(settings.description ? { Description: settings.description } : {}),
      }),
    );
  } catch (error) {
    const code = error instanceof CloudError ? error.code : undefined;
    const serviceMessage = error instanceof CloudError ? error.serviceMessage : describeError(error);
    ctx.log.error(`Deploy of ${settings.name} to ${label} failed: ${describeError(error)}`);
    if (isDefinitionError(code, serviceMessage)) {
      const shown = ctx.serviceDiagnostics.show(document, code ?? 'InvalidArgument', serviceMessage, rootLine(document));
      const showProblems = vscode.l10n.t('Show Problems');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('{0} rejected the definition of {1}: {2} problem(s), shown in the file.', label, settings.name, shown.length), showProblems)
        .then((c) => (c === showProblems ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
      throw new DeployRejected(serviceMessage, shown);
    }
    throw error;
  }
  ctx.serviceDiagnostics.clear(document.uri);
  ctx.log.info(`${result.action === 'created' ? 'Created' : 'Updated'} ${settings.name} on ${label} (${result.flow.ExecutionMode ?? settings.executionMode})`);
  if (result.executionModeUnchanged) void vscode.window.showWarningMessage(result.executionModeUnchanged.message);
  const start = vscode.l10n.t('Start Execution');
  const done = result.action === 'created' ? vscode.l10n.t('Created {0} on {1}.', settings.name, label) : vscode.l10n.t('Updated {0} on {1}.', settings.name, label);
  void vscode.window.showInformationMessage(done, start).then((c) => {
    if (c === start) void vscode.commands.executeCommand(CommandIds.startExecution, { uri: document.uri, interactive: true });
  });
  ctx.tree.flowDeployed();
  return {
    flowName: settings.name,
    executionMode: result.flow.ExecutionMode ?? settings.executionMode,
    action: result.action,
    uri: document.uri,
    ...(result.executionModeUnchanged ? { executionModeUnchanged: result.executionModeUnchanged.message } : {}),
  };
}

/** The service rejected the definition; its problems are on the file as diagnostics. */
export class DeployRejected extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly vscode.Diagnostic[],
  ) {
    super(message);
    this.name = 'DeployRejected';
  }
}
