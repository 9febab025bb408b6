// Flow tests in the real VS Code: the Testing view lists the example's cases, a run passes, a
// deliberately broken case fails with its output diff at the case, and a coverage run marks the
// flow file's states (covered and not) in the gutter, and Debug on a case runs it under the flow
// debugger with its mocks. Screenshots of each.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { FlowTesting } from '../../client/src/testing';
import type { DeployOutcome, StartOutcome } from '../../client/src/execution';
import type { SavedTestCase } from '../../client/src/execution/commands/saveAsTestCase';
import type { RunResult } from '../../client/src/testing/run';
import { activateExtension, closeAllEditors, openDocument, screenshot, waitFor, waitForPublishedDiagnostics, workspaceUri, writeWorkspaceFile } from './harness';

const EXAMPLE = 'order-processing.flowtest.yaml';

async function testing(): Promise<FlowTesting> {
  const api = await activateExtension();
  assert.ok(api.testing, 'the Testing features are registered');
  return api.testing;
}

function fileItem(t: FlowTesting, name: string): vscode.TestItem | undefined {
  let found: vscode.TestItem | undefined;
  t.controller.items.forEach((i) => {
    if (i.uri?.path.endsWith(`/${name}`)) found = i;
  });
  return found;
}

function childLabels(item: vscode.TestItem): string[] {
  const out: string[] = [];
  item.children.forEach((c) => out.push(c.label));
  return out;
}

/** Runs `command` and resolves with the run it started (the next one to complete). */
async function runVia(t: FlowTesting, command: string, ...args: unknown[]): Promise<RunResult> {
  const before = t.lastRun();
  await vscode.commands.executeCommand(command, ...args);
  return waitFor(() => (t.lastRun() !== before ? t.lastRun() : undefined), { timeoutMs: 60_000, message: `a test run from ${command}` });
}

/** Shows the Testing view with its first file expanded, as a person would with the keyboard. */
async function expandTestingTree(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.testing.focus');
  await vscode.commands.executeCommand('list.focusFirst');
  await vscode.commands.executeCommand('list.expand');
}

/** A screenshot of what a person sees, once notifications are out of the way and `waitFor` shows. */
async function shot(name: string, waitFor: string): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
  await screenshot(name, { waitFor });
}

suite('Flow tests in the Testing view', function () {
  this.timeout(180_000);
  suiteTeardown(closeAllEditors);

  test('the Testing view lists the example test file and its four cases', async () => {
    const t = await testing();
    const file = await waitFor(() => {
      const f = fileItem(t, EXAMPLE);
      return f && f.children.size === 4 ? f : undefined;
    }, { message: `${EXAMPLE} with 4 cases in the Testing view` });
    assert.deepEqual(childLabels(file), [
      'a small order is priced, reserved and charged',
      'a busy gateway is retried, then the charge goes through',
      'a declined card fails the order cleanly',
      'an order without a customer is rejected before anything is priced',
    ]);
    let first: vscode.TestItem | undefined;
    file.children.forEach((c) => (first ??= c));
    assert.equal(first?.range?.start.line, 5, 'a case sits at its place in the file');
    // the file beside the tree: each case gets its run button in the gutter
    await vscode.window.showTextDocument(await openDocument(workspaceUri(EXAMPLE)), { preview: false });
    await expandTestingTree();
    await shot('flowtest-1-testing-view', '.part.sidebar:has-text("order-processing.flowtest.yaml")');
  });

  test('Run All runs the example cases, and they pass', async () => {
    const t = await testing();
    await waitFor(() => fileItem(t, EXAMPLE)?.children.size === 4, { message: 'the example cases' });
    const run = await runVia(t, 'testing.runAll');
    const mine = run.report.cases.filter((c) => c.file.endsWith(EXAMPLE));
    assert.equal(mine.length, 4);
    assert.deepEqual(mine.filter((c) => !c.passed).map((c) => c.failures), []);
    await expandTestingTree();
    await shot('flowtest-2-passing-run', '.part.sidebar:has-text("4/4")');
  });

  test('a broken case fails with its output diff shown at the case', async () => {
    const t = await testing();
    const text = `flow: order-processing.flow.yaml
cases:
  - name: the charged total is pinned down
    input:
      customerId: c-1001
      card: "4111111111111111"
      lines: [{ sku: TEA-100, quantity: 2 }]
    expect:
      status: Succeeded
      output:
        warehouse: hangzhou-1
        payment: { paymentId: pay-c-1001-2500, charged: 26 }
`;
    const uri = await writeWorkspaceFile('broken.flowtest.yaml', text);
    const file = await waitFor(() => {
      const f = fileItem(t, 'broken.flowtest.yaml');
      return f && f.children.size === 1 ? f : undefined;
    }, { message: 'broken.flowtest.yaml in the Testing view' });
    const editor = await vscode.window.showTextDocument(await openDocument(uri), { preview: false });
    editor.selection = new vscode.Selection(3, 6, 3, 6);
    // what a person would set to see each failure's peek (with the diff) as soon as it happens
    const settings = vscode.workspace.getConfiguration('testing');
    await settings.update('automaticallyOpenPeekView', 'failureInVisibleDocument', vscode.ConfigurationTarget.Global);
    const run = await runVia(t, 'testing.runAtCursor');
    const report = run.report.cases.find((c) => c.file.endsWith('broken.flowtest.yaml'));
    assert.ok(report, 'the broken case ran');
    assert.equal(report.passed, false);
    const output = report.failures.find((f) => f.expectation === 'output');
    assert.ok(output, 'the output expectation failed');
    assert.match(output.expected ?? '', /"charged": 26/);
    assert.match(output.actual ?? '', /"charged": 25/);
    assert.equal(file.uri?.toString(), uri.toString());
    await shot('flowtest-3-failure-diff', '.monaco-diff-editor .view-lines:has-text("charged")');
    await settings.update('automaticallyOpenPeekView', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('closeReferenceSearch');
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => fileItem(t, 'broken.flowtest.yaml') === undefined, { message: 'the deleted file leaves the Testing view' });
  });

  test('a coverage run of one case marks covered and uncovered states in the flow file', async () => {
    const t = await testing();
    const testFile = await openDocument(workspaceUri(EXAMPLE));
    const editor = await vscode.window.showTextDocument(testFile, { preview: false });
    const line = testFile.getText().split('\n').findIndex((l) => l.includes('an order without a customer'));
    editor.selection = new vscode.Selection(line, 10, line, 10);
    const run = await runVia(t, 'testing.coverageAtCursor');
    assert.deepEqual(run.report.cases.map((c) => c.testCase.name), ['an order without a customer is rejected before anything is priced']);
    const flowUri = workspaceUri('order-processing.flow.yaml');
    const details = run.coverage.get(flowUri.toString());
    assert.ok(details, 'coverage for the flow file');
    const flowDoc = await openDocument(flowUri);
    const stateAt = (name: string): vscode.StatementCoverage | undefined =>
      details.find((d) => d.location instanceof vscode.Range && flowDoc.getText(d.location).includes(`Name: ${name}`) && flowDoc.lineAt(d.location.start.line).text.includes('- Type:'));
    assert.ok(Number(stateAt('RejectOrder')?.executed) > 0, 'RejectOrder ran');
    assert.equal(stateAt('Confirm')?.executed, 0, 'Confirm did not');
    const choice = stateAt('CheckOrder');
    assert.deepEqual(choice?.branches.map((b) => [b.label, Number(b.executed) > 0]), [
      ['CheckOrder branch 1 → RejectOrder', true],
      ['CheckOrder Default → PriceLines', false],
    ]);
    await vscode.window.showTextDocument(flowDoc, { preview: false });
    await shot('flowtest-4-coverage-gutter', '.part.sidebar:has-text("order-processing.flow.yaml")');
  });

  test('a test file is checked as you type: a wrong status underlined, and the file marked in the Testing view', async () => {
    const t = await testing();
    const uri = await writeWorkspaceFile('typo.flowtest.yaml', 'flow: order-processing.flow.yaml\ncases:\n  - name: typo\n    expect: { status: Done }\n');
    const doc = await openDocument(uri);
    assert.equal(doc.languageId, 'flowtest');
    const diagnostics = await waitForPublishedDiagnostics(uri, { timeoutMs: 30_000 });
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, String(typeof d.code === 'object' ? d.code.value : d.code)]), [[3, 'invalid-value']]);
    const item = await waitFor(() => fileItem(t, 'typo.flowtest.yaml'), { message: 'typo.flowtest.yaml in the Testing view' });
    assert.match(typeof item.error === 'string' ? item.error : (item.error?.value ?? ''), /Line 4, column 23: `status` must be one of/);
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => fileItem(t, 'typo.flowtest.yaml') === undefined, { message: 'the deleted file leaves the Testing view' });
  });

  test('completion offers the flow\'s Task states under mocks and its states in expect.states', async () => {
    const doc = await openDocument(workspaceUri(EXAMPLE));
    const lines = doc.getText().split('\n');
    const mockLine = lines.findIndex((l) => l.trim() === 'ChargePayment:');
    const labels = async (line: number, character: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const underMocks = await labels(mockLine, 6);
    assert.ok(underMocks.includes('PriceLine') && underMocks.includes('ChargePayment'), underMocks.join(', '));
    assert.ok(!underMocks.includes('CheckOrder'), 'a Choice state cannot be mocked');
    const statesLine = lines.findIndex((l) => l.includes('states: [CheckOrder, RejectOrder]'));
    const inStates = await labels(statesLine, lines[statesLine]!.indexOf('RejectOrder'));
    assert.ok(inStates.includes('RejectOrder') && inStates.includes('Confirm'), inStates.join(', '));
  });

  test('Debug on a case runs it under the flow debugger with its mocks, and the Debug Console gives its verdict', async () => {
    await testing();
    const fromAdapter: DebugProtocol.ProtocolMessage[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('flowdeck', {
      createDebugAdapterTracker: () => ({ onDidSendMessage: (m: DebugProtocol.ProtocolMessage) => void fromAdapter.push(m) }),
    });
    try {
      const editor = await vscode.window.showTextDocument(await openDocument(workspaceUri(EXAMPLE)), { preview: false });
      // a case that succeeds: nothing stops it ("Uncaught errors" would stop a case that expects a failure)
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes('a busy gateway'));
      editor.selection = new vscode.Selection(line, 10, line, 10);
      const started = new Promise<vscode.DebugSession>((resolve) => {
        const sub = vscode.debug.onDidStartDebugSession((s) => {
          sub.dispose();
          resolve(s);
        });
      });
      const terminated: string[] = [];
      const onEnd = vscode.debug.onDidTerminateDebugSession((s) => void terminated.push(s.id));
      await vscode.commands.executeCommand('testing.debugAtCursor');
      const session = await started;
      assert.equal(session.type, 'flowdeck');
      assert.equal(session.configuration['testCase'], 'a busy gateway is retried, then the charge goes through');
      await waitFor(() => terminated.includes(session.id), { timeoutMs: 60_000, message: 'the debug session to end' });
      onEnd.dispose();
      const exited = fromAdapter.find((m): m is DebugProtocol.ExitedEvent => m.type === 'event' && (m as DebugProtocol.Event).event === 'exited');
      assert.equal(exited?.body.exitCode, 0, 'the case passed');
      const output = fromAdapter
        .filter((m): m is DebugProtocol.OutputEvent => m.type === 'event' && (m as DebugProtocol.Event).event === 'output')
        .map((m) => m.body.output)
        .join('');
      assert.match(output, /TaskFailed\s+ChargePayment\s+PaymentGatewayBusy: try again/, 'the mock answered, not the local handler');
      assert.match(output, /"paymentId": "p-1"/);
      assert.match(output, /Test case "a busy gateway is retried, then the charge goes through" passed/);
      await vscode.commands.executeCommand('workbench.debug.action.focusRepl');
      await shot('flowtest-6-debug-case-verdict', '.part.panel:has-text("its expectations hold")');
    } finally {
      tracker.dispose();
      if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    }
  });

  test('Save as Test Case turns a finished execution into a case that replays it and passes', async () => {
    const t = await testing();
    const flowDoc = await openDocument(workspaceUri('order-processing.flow.yaml'));
    const deployed = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri: flowDoc.uri, name: 'order-processing', mode: 'Standard', force: false });
    assert.ok(deployed, 'the example flow is deployed to the local emulator');
    const started = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { uri: flowDoc.uri, inputName: 'busy-gateway', reveal: false });
    assert.ok(started?.mode === 'Standard');
    const end = await started.tail.done;
    assert.ok(end.kind === 'ended' && end.execution.Status === 'Succeeded', 'the busy gateway was retried and the order went through');
    const saved = await vscode.commands.executeCommand<SavedTestCase | undefined>('flowdeck.saveAsTestCase', { flowName: 'order-processing', executionName: started.executionName });
    assert.ok(saved, 'the case was saved');
    assert.equal(saved.testFile.fsPath, workspaceUri(EXAMPLE).fsPath, 'beside the flow, in its test file');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(saved.testFile));
    const lines = text.split('\n');
    assert.equal(lines[saved.line], `  - name: ${started.executionName} (Succeeded)`);
    const added = lines.slice(saved.line).join('\n');
    assert.match(added, /ChargePayment:\n {8}- error: PaymentGatewayBusy\n/, 'the failed first call is the first answer');
    assert.match(added, /PriceLine:\n {8}iterations:/, 'the Map task is mocked per iteration');
    // the new case shows up in the Testing view and passes: the mocks replay the execution
    await waitFor(() => fileItem(t, EXAMPLE)?.children.size === 5, { message: 'the saved case in the Testing view' });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, saved.testFile.fsPath, 'the test file opens at the new case');
    editor.selection = new vscode.Selection(saved.line, 10, saved.line, 10);
    const run = await runVia(t, 'testing.runAtCursor');
    const report = run.report.cases.find((c) => c.testCase.name === saved.name);
    assert.ok(report?.passed, JSON.stringify(report?.failures));
    assert.equal(report.outcome?.events.filter((e) => e.Type === 'TaskScheduled' && e.StepName === 'ChargePayment').length, 2, 'the retry happens again');
    await shot('flowtest-5-saved-case', '.monaco-editor .view-lines:has-text("(Succeeded)")');
  });
});
