// Commands on one execution: tail, stop, describe, start again, open definition, copy name.
import * as vscode from 'vscode';
import type { JsonObject } from '../../../../cloud/src/fnf';
import type { ExecutionContext } from '../context';
import { filesDeployedAs } from '../../../../cloud/src/fnf';
import type { ExecutionDocumentProvider } from '../views/describe';
import { executionRefOf, flowNameOf, pickExecution, type ExecutionRef } from './executionRef';
import { newExecutionName, runWithInput, type StartOutcome } from './start';
import type { TailSession } from '../tail';
import { ExecutionNode, FlowNode } from '../views/tree/nodes';
import { CommandIds } from '../../commands/ids';

async function refOrPick(ctx: ExecutionContext, arg: unknown, runningOnly = false): Promise<ExecutionRef | undefined> {
  return executionRefOf(arg) ?? pickExecution(ctx.clients, { runningOnly, ...(flowNameOf(arg) ? { flowName: flowNameOf(arg) } : {}) });
}

/** "Flowdeck: Tail Execution": follows any execution, running or finished, in its channel. */
export async function tailCommand(ctx: ExecutionContext, arg?: unknown): Promise<TailSession | undefined> {
  const ref = await refOrPick(ctx, arg);
  if (!ref) return undefined;
  const { client, label } = await ctx.clients.current();
  const reveal = !(arg && typeof arg === 'object' && (arg as { reveal?: unknown }).reveal === false);
  return ctx.tails.tail(client, ref.flowName, ref.executionName, label, { reveal });
}

/** "Flowdeck: Stop Tailing": stops following an execution (the execution keeps running). */
export async function stopTailingCommand(ctx: ExecutionContext, arg?: unknown): Promise<boolean> {
  const active = ctx.tails.active();
  const ref = executionRefOf(arg);
  let session = ref ? ctx.tails.get(ref.flowName, ref.executionName) : undefined;
  if (!ref) {
    if (active.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No execution is being tailed.'));
      return false;
    }
    const picked =
      active.length === 1
        ? { session: active[0] }
        : await vscode.window.showQuickPick(
            active.map((s) => ({ label: `${s.flowName} / ${s.executionName}`, description: s.targetLabel, session: s })),
            { title: vscode.l10n.t('Stop tailing which execution?') },
          );
    session = picked?.session;
  }
  if (!session?.running) return false;
  session.stop();
  await session.done;
  return true;
}

/** Arguments of `flowdeck.stopExecution` from scripts and tests (no prompts). */
export interface StopArgs extends ExecutionRef {
  readonly error?: string;
  readonly cause?: string;
}

/** "Stop": asks for an optional error and cause, then StopExecution. */
export async function stopCommand(ctx: ExecutionContext, arg?: unknown): Promise<boolean> {
  const ref = await refOrPick(ctx, arg, true);
  if (!ref) return false;
  let error: string | undefined;
  let cause: string | undefined;
  const scripted = executionRefOf(arg) !== undefined && !(arg instanceof ExecutionNode);
  if (scripted) {
    error = (arg as StopArgs).error;
    cause = (arg as StopArgs).cause;
  } else {
    error = await vscode.window.showInputBox({
      title: vscode.l10n.t('Stop {0} (1/2): error code (optional)', ref.executionName),
      prompt: vscode.l10n.t('Recorded as the execution\'s error, up to 128 characters.'),
      validateInput: (v) => (v.length > 128 ? vscode.l10n.t('At most 128 characters.') : undefined),
    });
    if (error === undefined) return false;
    cause = await vscode.window.showInputBox({
      title: vscode.l10n.t('Stop {0} (2/2): cause (optional)', ref.executionName),
      prompt: vscode.l10n.t('Why it was stopped, up to 4,096 characters.'),
      validateInput: (v) => (v.length > 4096 ? vscode.l10n.t('At most 4,096 characters.') : undefined),
    });
    if (cause === undefined) return false;
  }
  const { client, label } = await ctx.clients.current();
  await client.stopExecution({
    FlowName: ref.flowName,
    ExecutionName: ref.executionName,
    ...(error?.trim() ? { Error: error.trim() } : {}),
    ...(cause?.trim() ? { Cause: cause.trim() } : {}),
  });
  ctx.log.info(`Stopped ${ref.flowName}/${ref.executionName} on ${label}`);
  await ctx.tree.refreshExecution(ref.flowName, ref.executionName);
  return true;
}

export async function describeCommand(ctx: ExecutionContext, documents: ExecutionDocumentProvider, arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const ref = await refOrPick(ctx, arg);
  return ref ? documents.open(ref) : undefined;
}

/** "Start again with the same input": a new execution of the same flow with the input read back. */
export async function startAgainCommand(ctx: ExecutionContext, arg?: unknown): Promise<StartOutcome | undefined> {
  const ref = await refOrPick(ctx, arg);
  if (!ref) return undefined;
  const { client } = await ctx.clients.current();
  const previous = await client.describeExecution({ FlowName: ref.flowName, ExecutionName: ref.executionName });
  const flow = await client.describeFlow(ref.flowName);
  const input = previous.Input && typeof previous.Input === 'object' && !Array.isArray(previous.Input) ? (previous.Input as JsonObject) : {};
  return runWithInput(ctx, { flowName: ref.flowName, executionName: newExecutionName(), mode: flow.ExecutionMode ?? 'Standard', input, reveal: true });
}

/** "Open definition": the local file deployed as the flow, from `.flowdeck/flows.json`. */
export async function openDefinitionCommand(ctx: ExecutionContext, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const flowName = flowNameOf(arg) ?? (await refOrPick(ctx, arg))?.flowName;
  if (!flowName) return undefined;
  const files: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) files.push(...(await filesDeployedAs(folder.uri.fsPath, flowName)));
  if (files.length === 0) {
    const describe = vscode.l10n.t('Describe Execution');
    const c = await vscode.window.showInformationMessage(
      vscode.l10n.t('No file in this workspace is recorded as deployed as {0} (in .flowdeck/flows.json). Deploy it from its file once to link them.', flowName),
      ...(arg instanceof ExecutionNode ? [describe] : []),
    );
    if (c === describe) await vscode.commands.executeCommand(CommandIds.describeExecution, arg);
    return undefined;
  }
  const file = files.length === 1 ? files[0] : await vscode.window.showQuickPick(files.map((f) => vscode.workspace.asRelativePath(f)), { title: vscode.l10n.t('Files deployed as {0}', flowName) }).then((p) => files.find((f) => vscode.workspace.asRelativePath(f) === p));
  if (!file) return undefined;
  return vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
}

export async function copyNameCommand(arg?: unknown): Promise<string | undefined> {
  const name = arg instanceof ExecutionNode ? arg.name : arg instanceof FlowNode ? arg.name : (executionRefOf(arg)?.executionName ?? flowNameOf(arg));
  if (!name) return undefined;
  await vscode.env.clipboard.writeText(name);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', name), 3000);
  return name;
}
