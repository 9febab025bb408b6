// "Save as Test Case" on an execution: its input, its task results (from its history) as mocks
// and how it ended as the expectations, appended as a case to the test file beside the flow's
// local file (`x.flow.yaml` -> `x.flowtest.yaml`, created when missing); the file then opens at
// the new case.
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { EventType, HistoryEvent as EngineEvent, JsonValue } from '../../../../emulator/src/engine';
import { caseFromExecution, testFileFor, uniqueCaseName, withCaseAppended } from '../../../../flowtest/src';
import type { HistoryEvent } from '../../../../cloud/src/fnf';
import type { ExecutionContext } from '../context';
import { filesDeployedAs } from '../../../../cloud/src/fnf';
import { executionRefOf, pickExecution } from './executionRef';

export interface SavedTestCase {
  readonly testFile: vscode.Uri;
  /** Zero-based line of the new case. */
  readonly line: number;
  readonly name: string;
}

const asEngineEvent = (e: HistoryEvent): EngineEvent => ({
  EventId: e.EventId,
  ScheduleEventId: e.ScheduleEventId,
  Type: e.Type as EventType,
  StepName: e.StepName,
  Time: e.Time,
  EventDetail: typeof e.EventDetail === 'string' ? e.EventDetail : JSON.stringify(e.EventDetail),
});

async function flowFileOf(flowName: string): Promise<string | undefined> {
  const files: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) files.push(...(await filesDeployedAs(folder.uri.fsPath, flowName)));
  if (files.length <= 1) return files[0];
  const picked = await vscode.window.showQuickPick(
    files.map((f) => vscode.workspace.asRelativePath(f)),
    { title: vscode.l10n.t('Files deployed as {0}', flowName) },
  );
  return files.find((f) => vscode.workspace.asRelativePath(f) === picked);
}

export async function saveAsTestCaseCommand(ctx: ExecutionContext, arg?: unknown): Promise<SavedTestCase | undefined> {
  const ref = executionRefOf(arg) ?? (await pickExecution(ctx.clients));
  if (!ref) return undefined;
  const { client } = await ctx.clients.current();
  const execution = await client.describeExecution({ FlowName: ref.flowName, ExecutionName: ref.executionName });
  if (execution.Status === 'Running' || execution.Status === 'Starting') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is still running; save it as a test case once it has ended.', ref.executionName));
    return undefined;
  }
  const flowFile = await flowFileOf(ref.flowName);
  if (!flowFile) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No file in this workspace is recorded as deployed as {0} (in .flowdeck/flows.json). Deploy it from its file once to link them.', ref.flowName),
    );
    return undefined;
  }
  const events: EngineEvent[] = [];
  for await (const e of client.getExecutionHistory({ FlowName: ref.flowName, ExecutionName: ref.executionName, Limit: 999 })) events.push(asEngineEvent(e));
  const testPath = testFileFor(flowFile);
  // an open copy of the test file (perhaps edited) is the one to add to
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === testPath);
  const old = open ? open.getText() : existsSync(testPath) ? readFileSync(testPath, 'utf8') : undefined;
  const name = uniqueCaseName(old ?? '', `${ref.executionName} (${execution.Status})`);
  const testCase = caseFromExecution(
    {
      name: ref.executionName,
      input: execution.Input ?? {},
      status: execution.Status,
      ...(execution.Output !== undefined ? { output: execution.Output as JsonValue } : {}),
      ...(execution.ErrorCode ? { error: execution.ErrorCode } : {}),
      events,
    },
    name,
  );
  const { text, line } = withCaseAppended(old, testPath, flowFile, testCase);
  const uri = vscode.Uri.file(testPath);
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  }
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  editor.selection = new vscode.Selection(line, 0, line, 0);
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  ctx.log.info(`Saved execution ${ref.executionName} of ${ref.flowName} as test case "${name}" in ${testPath}`);
  return { testFile: uri, line, name };
}
