// "Flowdeck: Start Execution": picks the flow (the file's, or one from the target), the input (a
// saved one, a new one written in an editor, or {}), then starts it the way its execution mode
// requires: Standard flows with StartExecution and an immediate tail, Express flows with
// StartSyncExecution, showing the output or the error.
import * as vscode from 'vscode';
import { isFdlLanguage } from '../../language/languages';
import type { Execution, ExecutionMode, JsonObject } from '../../../../cloud/src/fnf';
import { CloudError } from '../../../../cloud/src';
import type { ExecutionContext } from '../context';
import { declaredFlowName, flowdeckDirFor, targetDocument, workspaceDirFor } from '../workspace/definition';
import { getDeploySettings } from '../../../../cloud/src/fnf';
import { checkInput, isValidInputName, listSavedInputs, readSavedInput, saveInput, type InputCheck } from '../workspace/inputs';
import type { TailSession } from '../tail';
import { CommandIds } from '../../commands/ids';
import { newExecutionName } from '../workspace/executionName';

export { newExecutionName } from '../workspace/executionName';

export interface StartArgs {
  /** A flow file: its deployed name comes from `.flowdeck/flows.json`, else its `Name`. */
  readonly uri?: vscode.Uri;
  readonly flowName?: string;
  /** The input as JSON text or an object; skips the input question. */
  readonly input?: string | Record<string, unknown>;
  /** A saved input's name (`.flowdeck/inputs/<flow>/<name>.json`). */
  readonly inputName?: string;
  readonly executionName?: string;
  /** Show the tail's channel (default true). */
  readonly reveal?: boolean;
  /** Set by CodeLens and buttons: failures are shown, not thrown back to the caller. */
  readonly interactive?: boolean;
}

export type StartOutcome =
  | { readonly mode: 'Standard'; readonly flowName: string; readonly executionName: string; readonly execution: Execution; readonly tail: TailSession }
  | { readonly mode: 'Express'; readonly flowName: string; readonly executionName: string; readonly execution: Execution; readonly lines: readonly string[] };


function inputError(check: Extract<InputCheck, { ok: false }>, where: string): Error {
  return new Error(vscode.l10n.t('The input in {0} is not valid: {1} (line {2}, column {3}).', where, check.message, check.line, check.column));
}

/** Which flow to start: the argument, the file's deployed name, or a pick from the target. */
async function resolveFlowName(ctx: ExecutionContext, args: StartArgs): Promise<{ name: string; uri?: vscode.Uri } | undefined> {
  if (args.flowName) return { name: args.flowName, ...(args.uri ? { uri: args.uri } : {}) };
  const document = await targetDocument(args.uri);
  if (document && (args.uri || isFdlLanguage(document.languageId))) {
    const dir = workspaceDirFor(document.uri);
    const saved = dir ? await getDeploySettings(dir, document.uri.fsPath) : undefined;
    const name = saved?.name ?? declaredFlowName(document.getText());
    if (name) return { name, uri: document.uri };
  }
  const { client, label } = await ctx.clients.current();
  const names: string[] = [];
  for await (const f of client.listFlows({ Limit: 100 })) names.push(f.Name);
  if (names.length === 0) {
    const deploy = vscode.l10n.t('Deploy Flow');
    const c = await vscode.window.showWarningMessage(vscode.l10n.t('No flow is deployed to {0} yet.', label), deploy);
    if (c === deploy) await vscode.commands.executeCommand(CommandIds.deploy);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(names.sort(), { title: vscode.l10n.t('Start an execution of which flow?') });
  return picked ? { name: picked } : undefined;
}

/** The input: from the arguments, a saved input, a new one written in an editor, or {}. */
async function resolveInput(flowName: string, uri: vscode.Uri | undefined, args: StartArgs): Promise<JsonObject | undefined> {
  if (args.input !== undefined) {
    if (typeof args.input !== 'string') return checkedObject(checkInput(JSON.stringify(args.input)), vscode.l10n.t('the arguments'));
    return checkedObject(checkInput(args.input), vscode.l10n.t('the arguments'));
  }
  const flowdeckDir = flowdeckDirFor(uri);
  const saved = flowdeckDir ? await listSavedInputs(flowdeckDir, flowName) : [];
  if (args.inputName !== undefined) {
    const found = saved.find((s) => s.name === args.inputName);
    if (!found) throw new Error(vscode.l10n.t('There is no saved input "{0}" for {1} (looked in .flowdeck/inputs/{1}/).', args.inputName, flowName));
    return checkedObject(await readSavedInput(found), vscode.workspace.asRelativePath(found.path));
  }
  type Item = vscode.QuickPickItem & { run: () => Promise<JsonObject | undefined> };
  const items: Item[] = saved.map((s) => ({
    label: `$(json) ${s.name}`,
    description: vscode.workspace.asRelativePath(s.path),
    run: async () => checkedObject(await readSavedInput(s), vscode.workspace.asRelativePath(s.path)),
  }));
  if (flowdeckDir) items.push({ label: `$(new-file) ${vscode.l10n.t('New input…')}`, description: vscode.l10n.t('write it in an editor; it is saved for next time'), run: () => writeNewInput(flowdeckDir, flowName) });
  items.push({ label: `$(circle-slash) ${vscode.l10n.t('Empty input')}`, description: '{}', run: async () => ({}) });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Input for {0}', flowName), placeHolder: vscode.l10n.t('Pick a saved input, write a new one, or start with {}') });
  return picked?.run();
}

function checkedObject(check: InputCheck, where: string): JsonObject {
  if (!check.ok) throw inputError(check, where);
  return check.value as JsonObject;
}

/** Creates a named input file, opens it, and waits for the user to choose "Start". */
async function writeNewInput(flowdeckDir: string, flowName: string): Promise<JsonObject | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Name of the new input'),
    value: 'input',
    prompt: vscode.l10n.t('Saved as .flowdeck/inputs/{0}/<name>.json', flowName),
    validateInput: (v) => (isValidInputName(v.trim()) ? undefined : vscode.l10n.t('Use letters, digits, "_", "-" or "."')),
  });
  if (!name) return undefined;
  const path = await saveInput(flowdeckDir, flowName, name.trim(), {});
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  await vscode.window.showTextDocument(document, { preview: false });
  const start = vscode.l10n.t('Start');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Write the input for {0}, then choose Start.', flowName), start);
  if (choice !== start) return undefined;
  if (document.isDirty) await document.save();
  return checkedObject(checkInput(document.getText()), vscode.workspace.asRelativePath(document.uri));
}

export async function startExecution(ctx: ExecutionContext, args: StartArgs = {}): Promise<StartOutcome | undefined> {
  // an input given as an argument is checked before anything is asked of the service
  if (typeof args.input === 'string') checkedObject(checkInput(args.input), vscode.l10n.t('the arguments'));
  const flow = await resolveFlowName(ctx, args);
  if (!flow) return undefined;
  const { client, label } = await ctx.clients.current();
  let mode: ExecutionMode;
  try {
    mode = (await client.describeFlow(flow.name)).ExecutionMode ?? 'Standard';
  } catch (error) {
    if (error instanceof CloudError && error.code === 'FlowNotExists') {
      const deploy = vscode.l10n.t('Deploy Flow');
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not deployed to {1} yet.', flow.name, label), deploy).then((c) => {
        if (c === deploy) void vscode.commands.executeCommand(CommandIds.deploy, flow.uri ? { uri: flow.uri, interactive: true } : undefined);
      });
      return undefined;
    }
    throw error;
  }
  const input = await resolveInput(flow.name, flow.uri, args);
  if (!input) return undefined;
  const executionName = args.executionName ?? newExecutionName();
  return runWithInput(ctx, { flowName: flow.name, executionName, mode, input, reveal: args.reveal !== false });
}

/** Starts one execution with a known flow, mode and input (also used by "Start again"). */
export async function runWithInput(
  ctx: ExecutionContext,
  run: { flowName: string; executionName: string; mode: ExecutionMode; input: JsonObject; reveal: boolean },
): Promise<StartOutcome> {
  const { client, label } = await ctx.clients.current();
  if (run.mode === 'Express') {
    const execution = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running {0} (Express) on {1}…', run.flowName, label) },
      () => client.startSyncExecution({ FlowName: run.flowName, ExecutionName: run.executionName, Input: run.input }),
    );
    const lines = ctx.tails.showResult(execution, label, { reveal: run.reveal });
    const ok = execution.Status === 'Succeeded';
    const message = ok
      ? vscode.l10n.t('{0} succeeded.', execution.Name)
      : vscode.l10n.t('{0} ended with status {1}: {2}', execution.Name, execution.Status, [execution.ErrorCode, execution.ErrorMessage].filter(Boolean).join(': '));
    if (ok) void vscode.window.showInformationMessage(message);
    else void vscode.window.showErrorMessage(message);
    return { mode: 'Express', flowName: run.flowName, executionName: execution.Name, execution, lines };
  }
  const execution = await client.startExecution({ FlowName: run.flowName, ExecutionName: run.executionName, Input: run.input });
  ctx.log.info(`Started ${run.flowName}/${execution.Name} on ${label}`);
  // the Executions view follows the tail: the new execution, its events, its end
  const tail = ctx.tails.tail(client, run.flowName, execution.Name || run.executionName, label, {
    reveal: run.reveal,
    started: { ...execution, FlowName: execution.FlowName || run.flowName },
  });
  return { mode: 'Standard', flowName: run.flowName, executionName: execution.Name || run.executionName, execution, tail };
}
