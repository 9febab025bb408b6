// The execution features in a real VS Code against the local emulator the extension starts:
// deploy, start with a saved input, tail every event in order, the Executions tree, Stop, an
// Express flow, a rejected definition shown as diagnostics, and an invalid input refused.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ExecutionFeatures, DeployOutcome, StartOutcome, TailSession } from '../../client/src/execution';
import type { ExecutionsTreeNode } from '../../client/src/execution/views/tree/nodes';
import { FnfClient } from '../../cloud/src/fnf/client';
import { staticCredentials } from '../../cloud/src/credentials/providers';
import { activateExtension, closeAllEditors, openDocument, screenshot, waitFor, waitForPublishedDiagnostics, workspaceUri, writeWorkspaceFile } from './harness';

const FEATURES_COMMAND = 'flowdeck.executionFeatures';

async function features(): Promise<ExecutionFeatures> {
  await activateExtension();
  const f = await vscode.commands.executeCommand<ExecutionFeatures | undefined>(FEATURES_COMMAND);
  assert.ok(f, `${FEATURES_COMMAND} returned nothing: the execution features are not registered`);
  return f;
}

async function openFlow(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await openDocument(workspaceUri(...relativePath.split('/')));
  await waitForPublishedDiagnostics(doc.uri, { timeoutMs: 30_000 });
  return doc;
}

function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

async function children(f: ExecutionFeatures, node?: ExecutionsTreeNode): Promise<ExecutionsTreeNode[]> {
  return (await f.tree.getChildren(node)) ?? [];
}

/** The tree's node for a flow, after a refresh (the tree reads the emulator each time). */
async function flowNode(f: ExecutionFeatures, flowName: string): Promise<ExecutionsTreeNode> {
  f.tree.refresh();
  const [target] = await children(f);
  assert.ok(target && target.kind === 'target', 'the tree shows the target when flows are deployed');
  const flow = (await children(f, target)).find((n) => n.kind === 'flow' && n.name === flowName);
  assert.ok(flow, `the tree lists ${flowName}`);
  return flow;
}

/**
 * A screenshot of what a person sees, without the deploy notifications piled over it, once the
 * workbench shows `waitFor` (a CSS selector): the Output panel, for one, opens a moment after a
 * channel is shown.
 */
async function shot(name: string, waitFor?: string): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
  await screenshot(name, waitFor ? { waitFor } : {});
}

/** The Output panel showing `text`. */
const panelShows = (text: string): string => `.part.panel .view-lines:has-text("${text}")`;

/** Resolves when the tree has next loaded (or, for a running execution, re-described) `node`. */
function nextLoad(f: ExecutionFeatures, node: ExecutionsTreeNode | undefined): Promise<void> {
  return new Promise((resolve) => {
    const sub = f.tree.onDidLoad((loaded) => {
      if (loaded === node) {
        sub.dispose();
        resolve();
      }
    });
  });
}

const LONG_WAIT_FLOW = `Type: StateMachine
SpecVersion: v1
Name: long-wait
StartAt: Prepare
States:
  - Type: Pass
    Name: Prepare
    Next: WaitForApproval
  - Type: Wait
    Name: WaitForApproval
    Seconds: 300
    End: true
`;

suite('Flowdeck execution features (local emulator)', function () {
  this.timeout(120_000);
  teardown(closeAllEditors);

  let deployed: DeployOutcome | undefined;
  let run: Extract<StartOutcome, { mode: 'Standard' }> | undefined;

  test('the Executions view welcomes a new user while nothing is deployed', async function () {
    // the emulator the extension starts keeps its data in this run's fresh user-data folder
    if (process.env['FLOWDECK_EMULATOR_ENDPOINT']) this.skip();
    const f = await features();
    // a new user has deployed nothing: flows other suites deployed to this emulator go first
    const { endpoint, accessKeyId, accessKeySecret } = await f.emulator.connection();
    const client = new FnfClient({ endpoint, credentials: staticCredentials(accessKeyId, accessKeySecret, undefined, 'emulator') });
    try {
      const names: string[] = [];
      for await (const flow of client.listFlows({ Limit: 100 })) names.push(flow.Name);
      for (const name of names) await client.deleteFlow(name);
    } finally {
      await client.close();
    }
    f.tree.refresh();
    assert.deepEqual(await children(f), [], 'an empty tree, so VS Code shows the welcome content');
    await vscode.commands.executeCommand('workbench.view.extension.flowdeck');
    await waitFor(() => f.treeView.visible, { message: 'the Executions view to show' });
    const loaded = nextLoad(f, undefined);
    f.tree.refresh();
    await loaded;
    await shot('executions-welcome');
  });

  test('deploys the order-processing example and remembers its settings in .flowdeck/flows.json', async () => {
    const f = await features();
    assert.equal(f.targets.current().kind, 'emulator', 'the default target is the local emulator');
    const doc = await openFlow('order-processing.flow.yaml');
    assert.deepEqual(errorsOf(doc.uri).map((d) => d.message), [], 'the example flow has no errors');
    deployed = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri: doc.uri, name: 'order-processing', mode: 'Standard', force: false });
    assert.ok(deployed, 'deploy returned its outcome');
    assert.equal(deployed.flowName, 'order-processing');
    assert.equal(deployed.executionMode, 'Standard');
    assert.ok(['created', 'updated'].includes(deployed.action));
    const saved = JSON.parse(await readFile(workspaceUri('.flowdeck', 'flows.json').fsPath, 'utf8')) as { flows: Record<string, { name: string; executionMode: string }> };
    assert.deepEqual(saved.flows['order-processing.flow.yaml'], { name: 'order-processing', executionMode: 'Standard' });
    // a second deploy goes straight through with the saved settings (no arguments, no prompts)
    const again = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri: doc.uri, force: false });
    assert.equal(again?.action, 'updated');
  });

  test('starts it with a saved input and tails every event through ExecutionSucceeded, in order', async () => {
    const f = await features();
    const doc = await openFlow('order-processing.flow.yaml');
    const outcome = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { uri: doc.uri, inputName: 'small-order' });
    assert.ok(outcome && outcome.mode === 'Standard', 'a Standard flow is started and tailed');
    run = outcome;
    const tail: TailSession = outcome.tail;
    // the channel fills while the execution runs (the flow waits 1 s for the warehouse)
    await waitFor(() => tail.events.some((e) => e.Type === 'BranchEntered'), { message: 'the tail to print the Parallel branches' });
    await shot('execution-tail', panelShows('BranchEntered'));
    const end = await tail.done;
    assert.equal(end.kind, 'ended');
    assert.ok(end.kind === 'ended' && end.execution.Status === 'Succeeded', `the execution succeeded (${JSON.stringify(end)})`);

    const ids = tail.events.map((e) => e.EventId);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'events are printed in EventId order');
    assert.equal(new Set(ids).size, ids.length, 'no event is printed twice');
    assert.equal(tail.events[0]?.Type, 'ExecutionStarted');
    assert.equal(tail.events.at(-1)?.Type, 'ExecutionSucceeded');
    for (const type of ['IterationEntered', 'TaskSucceeded', 'BranchExited', 'StepExited']) assert.ok(tail.events.some((e) => e.Type === type), `${type} was printed`);
    // every event is one line of the channel, in the same order
    const eventLines = tail.lines.filter((l) => /^\d\d:\d\d:\d\d\.\d{3} {2}\w+/.test(l));
    assert.equal(eventLines.length, tail.events.length);
    tail.events.forEach((e, i) => assert.ok(eventLines[i]!.includes(e.Type), `line ${i} is ${e.Type}: ${eventLines[i]}`));
    assert.ok(tail.lines.some((l) => l.startsWith('Status: Succeeded')), 'the final status is printed');
    assert.ok(tail.lines.some((l) => l.includes('"paymentId": "pay-c-1001-5700"')), 'the output is printed as pretty JSON');
    assert.ok(tail.lines.some((l) => l.startsWith('Duration: ')), 'the duration is printed');

    // beside each state of the open file: what it did in this run
    await waitFor(() => f.runOverlay.notesFor(doc.uri).get('ChargePayment')?.startsWith('✓') === true, { message: 'the run status beside ChargePayment' });
    const notes = f.runOverlay.notesFor(doc.uri);
    assert.match(notes.get('CheckOrder') ?? '', /^✓ \d/, 'CheckOrder ran once');
    assert.match(notes.get('PriceLine') ?? '', /^✓ 2 runs · /, 'the Map processor ran once per order line');
    assert.equal(notes.get('RejectOrder'), undefined, 'a state that did not run has no note');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    // the top of the flow, where the notes are, whatever an earlier suite left scrolled into view
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    // the notes are drawn with the editor's lines, once the panel has made room for them
    await shot('run-status', '.monaco-editor .view-lines:has-text("PriceLine")');

    // the history the tree reads from the service is exactly what the tail printed
    const flow = await flowNode(f, 'order-processing');
    const execution = (await children(f, flow)).find((n) => n.kind === 'execution' && n.name === outcome.executionName);
    assert.ok(execution, 'the tree lists the execution');
    const events = (await children(f, execution)).filter((n) => n.kind === 'event');
    assert.deepEqual(events.map((n) => (n.kind === 'event' ? n.event.EventId : -1)), ids);
  });

  test('the Executions tree lists the flow and the execution with its status, newest first', async () => {
    const f = await features();
    assert.ok(run, 'the previous test started an execution');
    const flow = await flowNode(f, 'order-processing');
    const executions = (await children(f, flow)).filter((n) => n.kind === 'execution');
    const node = executions.find((n) => n.kind === 'execution' && n.name === run!.executionName);
    assert.ok(node && node.kind === 'execution');
    assert.equal(node.execution.Status, 'Succeeded');
    const item = f.tree.getTreeItem(node);
    assert.equal(item.contextValue, 'execution');
    assert.ok(String(item.description).includes('·'), `start time and duration are shown: ${String(item.description)}`);
    const started = executions.map((n) => (n.kind === 'execution' ? Date.parse(n.execution.StartedTime ?? '') : 0));
    assert.deepEqual(started, [...started].sort((a, b) => b - a), 'newest first');
    await vscode.commands.executeCommand('workbench.view.extension.flowdeck');
    await waitFor(() => f.treeView.visible, { message: 'the Executions view to show' });
    // the provider hands the view and this test the same node objects, so reveal finds them;
    // expanding the execution makes the view load its events
    const eventsLoaded = nextLoad(f, node);
    await f.treeView.reveal(node, { select: true, focus: true, expand: true });
    await eventsLoaded;
    await shot('executions-sidebar');
  });

  test('Stop ends a running execution, and its tail reports it', async () => {
    const uri = await writeWorkspaceFile('long-wait.flow.yaml', LONG_WAIT_FLOW);
    await openFlow('long-wait.flow.yaml');
    const d = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri, name: 'long-wait', mode: 'Standard', force: false });
    assert.equal(d?.flowName, 'long-wait');
    const outcome = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { uri, input: {} });
    assert.ok(outcome && outcome.mode === 'Standard');
    await waitFor(() => outcome.tail.events.some((e) => e.Type === 'StepStarted' && e.StepName === 'WaitForApproval'), { message: 'the execution to reach its Wait state' });
    assert.ok(outcome.tail.running, 'the tail follows the execution while it waits');
    const f = await features();
    const flow = await flowNode(f, 'long-wait');
    const runningNode = (await children(f, flow)).find((n) => n.kind === 'execution' && n.name === outcome.executionName);
    assert.ok(runningNode && f.tree.getTreeItem(runningNode).contextValue === 'execution.running', 'a running execution offers Stop');
    // a running execution refreshes itself; by then the channel shows the events so far
    await nextLoad(f, runningNode);
    await shot('execution-tail-running', panelShows('WaitForApproval'));
    const stopped = await vscode.commands.executeCommand<boolean>('flowdeck.stopExecution', { flowName: 'long-wait', executionName: outcome.executionName, error: 'Manual.Stop', cause: 'stopped from the integration test' });
    assert.equal(stopped, true);
    const end = await outcome.tail.done;
    assert.ok(end.kind === 'ended' && end.execution.Status === 'Stopped', `the execution ended as Stopped (${JSON.stringify(end)})`);
    assert.equal(outcome.tail.events.at(-1)?.Type, 'ExecutionStopped');
    assert.ok(outcome.tail.lines.some((l) => l.startsWith('Status: Stopped')));
  });

  test('Describe, Open definition, Copy name and Start again act on an execution', async () => {
    assert.ok(run, 'an earlier test started an execution');
    const ref = { flowName: run.flowName, executionName: run.executionName };
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('flowdeck.describeExecution', ref);
    assert.equal(doc.uri.scheme, 'flowdeck-execution');
    const described = JSON.parse(doc.getText()) as { Status: string; Input: unknown; Name: string };
    assert.equal(described.Name, run.executionName);
    assert.equal(described.Status, 'Succeeded');
    const savedInput = JSON.parse(await readFile(workspaceUri('.flowdeck', 'inputs', 'order-processing', 'small-order.json').fsPath, 'utf8')) as unknown;
    assert.deepEqual(described.Input, savedInput, 'Describe shows the input as JSON');

    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('flowdeck.openDefinition', ref);
    assert.ok(editor?.document.uri.path.endsWith('/order-processing.flow.yaml'), 'Open definition finds the file deployed as the flow');

    assert.equal(await vscode.commands.executeCommand('flowdeck.copyName', ref), run.executionName);
    assert.equal(await vscode.env.clipboard.readText(), run.executionName);

    const again = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startAgain', ref);
    assert.ok(again && again.mode === 'Standard');
    assert.notEqual(again.executionName, run.executionName);
    const end = await again.tail.done;
    assert.ok(end.kind === 'ended' && end.execution.Status === 'Succeeded');
    assert.deepEqual(end.execution.Input, savedInput, 'started again with the same input');
  });

  test('executions are paged with a "Load more" node', async () => {
    const f = await features();
    const settings = vscode.workspace.getConfiguration('flowdeck');
    await settings.update('executions.pageSize', 1, vscode.ConfigurationTarget.Global);
    try {
      const flow = await flowNode(f, 'order-processing');
      const first = await children(f, flow);
      assert.deepEqual(first.map((n) => n.kind), ['execution', 'loadMore'], 'one execution, then "Load more"');
      const more = first[1]!;
      assert.equal(f.tree.getTreeItem(more).command?.command, 'flowdeck.loadMoreExecutions');
      await vscode.commands.executeCommand('flowdeck.loadMoreExecutions', more);
      const second = (await children(f, flow)).filter((n) => n.kind === 'execution');
      assert.equal(second.length, 2, 'the next page is appended');
      assert.notEqual(second[0]!.kind === 'execution' && second[0]!.name, second[1]!.kind === 'execution' && second[1]!.name);
    } finally {
      await settings.update('executions.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Stop Tailing stops following an execution without stopping it', async () => {
    const outcome = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { flowName: 'long-wait', input: { note: 'tail only' }, reveal: false });
    assert.ok(outcome && outcome.mode === 'Standard');
    await waitFor(() => outcome.tail.events.some((e) => e.StepName === 'WaitForApproval'), { message: 'the execution to reach its Wait state' });
    const ref = { flowName: 'long-wait', executionName: outcome.executionName };
    assert.equal(await vscode.commands.executeCommand('flowdeck.stopTailing', ref), true);
    const end = await outcome.tail.done;
    assert.equal(end.kind, 'stopped');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('flowdeck.describeExecution', ref);
    assert.equal((JSON.parse(doc.getText()) as { Status: string }).Status, 'Running', 'the execution itself still runs');
    assert.equal(await vscode.commands.executeCommand('flowdeck.stopExecution', { ...ref, error: 'Cleanup' }), true);
  });

  test('the Alibaba Cloud target signs with the credentials kept in secret storage', async () => {
    const f = await features();
    const emulator = await f.emulator.connection();
    const settings = vscode.workspace.getConfiguration('flowdeck');
    try {
      // the cloud code path, pointed at the emulator through the endpoint override
      await settings.update('endpoint', emulator.endpoint, vscode.ConfigurationTarget.Global);
      assert.equal(await vscode.commands.executeCommand('flowdeck.setCredentials', { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret }), true);
      await vscode.commands.executeCommand('flowdeck.selectTarget', { kind: 'cloud', region: 'cn-shanghai' });
      await waitFor(() => f.targets.current().kind === 'cloud' && f.targets.current().endpointOverride === emulator.endpoint, { message: 'the cloud target to be selected' });
      assert.equal(f.targets.current().region, 'cn-shanghai');
      const flow = await flowNode(f, 'order-processing');
      assert.equal(flow.kind === 'flow' && flow.parent.target.kind, 'cloud');

      await vscode.commands.executeCommand('flowdeck.setCredentials', { accessKeyId: emulator.accessKeyId, accessKeySecret: 'not-the-secret' });
      f.tree.refresh();
      const shown = await children(f);
      assert.ok(
        shown.some((n) => n.kind === 'message' && /SignatureNotMatch/.test(n.message)),
        `a wrong secret is reported in the view: ${JSON.stringify(shown.map((n) => (n.kind === 'message' ? n.message : n.kind)))}`,
      );
    } finally {
      await vscode.commands.executeCommand('flowdeck.clearCredentials');
      await settings.update('endpoint', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('flowdeck.selectTarget', { kind: 'emulator' });
    }
    await waitFor(() => f.targets.current().kind === 'emulator', { message: 'the emulator target to be restored' });
  });

  test('an Express flow runs synchronously and returns its output', async () => {
    const doc = await openFlow('express-quote.flow.yaml');
    // .flowdeck/flows.json in the examples already says Express: no arguments needed
    const d = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri: doc.uri, force: false });
    assert.equal(d?.executionMode, 'Express');
    const outcome = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { uri: doc.uri, inputName: 'parcel' });
    assert.ok(outcome && outcome.mode === 'Express');
    assert.equal(outcome.execution.Status, 'Succeeded');
    assert.deepEqual(outcome.execution.Output, { service: 'courier', days: 1, destination: 'Shanghai' });
    assert.match(outcome.executionName, /^run-.*:/, 'the service appends a unique suffix to a synchronous execution name');
    assert.ok(outcome.lines.some((l) => l.includes('"service": "courier"')), 'the output is shown');
    // The Executions tree opens the run by the name the service gave it (`run-…:{UUID}`).
    const f = await features();
    const execution = (await children(f, await flowNode(f, 'express-quote'))).find((n) => n.kind === 'execution' && n.name === outcome.executionName);
    assert.ok(execution, 'the tree lists the synchronous execution');
    const types = (await children(f, execution)).flatMap((n) => (n.kind === 'event' ? [n.event.Type] : []));
    assert.equal(types[0], 'ExecutionStarted', `its history opens: ${JSON.stringify(types)}`);
    assert.equal(types.at(-1), 'ExecutionSucceeded');
  });

  test('a flow with errors is refused, and the service\'s rejection becomes diagnostics on the file', async () => {
    const f = await features();
    const uri = await writeWorkspaceFile('broken.flow.yaml', 'Type: StateMachine\nSpecVersion: v1\nName: broken\nStartAt: Missing\nStates:\n  - Type: Pass\n    Name: Only\n    End: true\n');
    await openFlow('broken.flow.yaml');
    await waitFor(() => errorsOf(uri).length > 0, { message: 'the language server to report the dangling StartAt' });
    const refused = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri, name: 'broken', mode: 'Standard', force: false });
    assert.equal(refused, undefined, 'a flow with errors is not deployed unless forced');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('flowdeck.deploy', { uri, name: 'broken', mode: 'Standard', force: true })),
      /definition/i,
    );
    const fromService = f.serviceDiagnostics.collection.get(uri) ?? [];
    assert.ok(fromService.length > 0, 'the rejection is shown on the file');
    assert.ok(fromService.some((d) => d.range.start.line === 3), `a problem is placed on the StartAt line: ${JSON.stringify(fromService.map((d) => [d.range.start.line, d.message]))}`);
  });

  test('deploying as Express tells the language server, which then applies the Express limits', async () => {
    const uri = await writeWorkspaceFile('express-wait.flow.yaml', 'Type: StateMachine\nSpecVersion: v1\nName: express-wait\nStartAt: Pause\nStates:\n  - Type: Wait\n    Name: Pause\n    Seconds: 60\n    End: true\n');
    await openFlow('express-wait.flow.yaml');
    assert.deepEqual(errorsOf(uri).map((d) => d.message), [], 'a 60 s Wait is fine for a Standard flow');
    // the service refuses it too, for the same reason
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('flowdeck.deploy', { uri, name: 'express-wait', mode: 'Express', force: false })), /definition/i);
    const fromServer = await waitFor(
      () => {
        const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'Flowdeck deploy' && d.severity === vscode.DiagnosticSeverity.Error && /Express/.test(d.message));
        return list.length > 0 ? list : undefined;
      },
      { message: 'the language server to report the Express Wait limit' },
    );
    assert.equal(fromServer[0]!.range.start.line, 7, 'the Seconds line is underlined');
  });

  test('an input that is not valid JSON is refused with its line and column', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('flowdeck.startExecution', { flowName: 'order-processing', input: '{\n  "customerId": "c-1",\n  "lines": [,]\n}' })),
      /line 3, column 13/,
    );
  });
});
