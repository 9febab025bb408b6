// The flow debugger in a real VS Code: F5 on order-processing.flow.yaml (no launch.json: the
// saved-input pick comes up), a breakpoint on ChargePayment, stopped inside the Parallel's
// branch with the Variables view showing $Input, and the Debug Console evaluating an expression.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { activateExtension, clearNotifications, closeAllEditors, openDocument, screenshot, waitFor, waitForPublishedDiagnostics, workspaceUri } from './harness';

/** Every DAP message the flowdeck adapter sends, as VS Code receives it. */
const fromAdapter: DebugProtocol.ProtocolMessage[] = [];

function responses(command: string): DebugProtocol.Response[] {
  return fromAdapter.filter((m): m is DebugProtocol.Response => m.type === 'response' && (m as DebugProtocol.Response).command === command);
}

function stoppedEvents(): DebugProtocol.StoppedEvent[] {
  return fromAdapter.filter((m): m is DebugProtocol.StoppedEvent => m.type === 'event' && (m as DebugProtocol.Event).event === 'stopped');
}

/** A picture after the UI has had a moment to paint what the last command opened. */
async function shot(name: string): Promise<void> {
  await clearNotifications();
  await new Promise((resolve) => setTimeout(resolve, 800));
  await screenshot(name);
}

suite('Flowdeck flow debugger', function () {
  this.timeout(120_000);
  let tracker: vscode.Disposable | undefined;

  suiteSetup(async () => {
    await activateExtension();
    tracker = vscode.debug.registerDebugAdapterTrackerFactory('flowdeck', {
      createDebugAdapterTracker: () => ({ onDidSendMessage: (m: DebugProtocol.ProtocolMessage) => void fromAdapter.push(m) }),
    });
  });

  suiteTeardown(async () => {
    tracker?.dispose();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    await closeAllEditors();
  });

  test('F5 on a flow stops at a breakpoint on ChargePayment inside the Parallel, with $Input in the Variables view', async () => {
    const uri = workspaceUri('order-processing.flow.yaml');
    const doc = await openDocument(uri);
    await waitForPublishedDiagnostics(uri, { timeoutMs: 30_000 });
    // The Debug CodeLens sits beside Start.
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found.some((l) => l.command?.command === 'flowdeck.debugFlow') ? found : undefined;
      },
      { message: 'the Debug CodeLens' },
    );
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.indexOf(titles.find((t) => t.endsWith('Debug'))!) === titles.indexOf(titles.find((t) => t.endsWith('Start'))!) + 1, titles.join(', '));
    const nameLine = doc.getText().split('\n').findIndex((l) => l.includes('Name: ChargePayment'));
    assert.ok(nameLine > 0);
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(nameLine, 4)))]);

    // F5: no launch.json, so the flow's saved inputs are offered; the first (busy-gateway) reaches
    // ChargePayment through a Retry.
    // (the start command settles only once the session runs, after the pick: not awaited here)
    const started = vscode.commands.executeCommand('workbench.action.debug.start');
    await waitFor(
      async () => {
        if (vscode.debug.activeDebugSession?.type === 'flowdeck') return true;
        await vscode.commands.executeCommand('quickInput.accept').then(undefined, () =>
          vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'),
        );
        return false;
      },
      { timeoutMs: 30_000, intervalMs: 300, message: 'a flowdeck debug session after F5 and the input pick' },
    );
    await started;
    const session = vscode.debug.activeDebugSession!;
    assert.equal(session.configuration['program'], uri.fsPath);
    assert.match(String(session.configuration['inputFile']), /busy-gateway\.json$/);

    const stop = await waitFor(() => stoppedEvents()[0], { timeoutMs: 30_000, message: 'the stop at ChargePayment' });
    assert.equal(stop.body.reason, 'breakpoint');
    // Verified and moved to the state's first line (one above its Name; DAP lines are 1-based).
    const verified = responses('setBreakpoints').at(-1)?.body?.breakpoints as DebugProtocol.Breakpoint[] | undefined;
    assert.deepEqual(verified?.map((b) => [b.verified, b.line]), [[true, nameLine]]);

    const trace = (await session.customRequest('stackTrace', { threadId: stop.body.threadId })) as DebugProtocol.StackTraceResponse['body'];
    assert.deepEqual(
      trace.stackFrames.map((f) => f.name),
      ['ChargePayment (Task)', 'Fulfil › Branch 1', 'Execution order-processing'],
    );

    // The Run and Debug view asks for the top frame's variables by itself: $Input is among them.
    await vscode.commands.executeCommand('workbench.view.debug');
    const shown = await waitFor(
      () => responses('variables').find((r) => r.body?.variables?.some((v: DebugProtocol.Variable) => v.name === '$Input')),
      { timeoutMs: 20_000, message: 'the Variables view to load $Input' },
    );
    const input = (shown.body.variables as DebugProtocol.Variable[]).find((v) => v.name === '$Input')!;
    assert.match(input.value, /"customerId":"c-1002"/);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath, { message: 'the flow editor in front' });
    await shot('debug-stopped-editor');

    await vscode.commands.executeCommand('workbench.debug.action.focusCallStackView');
    await shot('debug-call-stack-parallel-branch');

    // The Debug Console evaluates with the engine's evaluator.
    await vscode.commands.executeCommand('workbench.debug.action.focusRepl');
    await vscode.commands.executeCommand('type', { text: 'length($Input.lines)' });
    await vscode.commands.executeCommand('repl.action.acceptInput');
    const evaluated = await waitFor(
      () => responses('evaluate').find((r) => r.success && r.body?.result === '1'),
      { timeoutMs: 20_000, message: 'the Debug Console to evaluate length($Input.lines)' },
    );
    assert.ok(evaluated);
    const card = (await session.customRequest('evaluate', { expression: '$Input.card', context: 'repl', frameId: trace.stackFrames[0]!.id })) as DebugProtocol.EvaluateResponse['body'];
    assert.equal(card.result, '"4000000000000000"');
    await shot('debug-console-evaluate');

    const ended = new Promise<void>((resolve) => {
      const sub = vscode.debug.onDidTerminateDebugSession((s) => {
        if (s.id === session.id) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    // The gateway is busy at first: the breakpoint stops again before ChargePayment's retry.
    const retry = await waitFor(() => stoppedEvents()[1], { timeoutMs: 30_000, message: 'the stop before the retry of ChargePayment' });
    assert.equal(retry.body.reason, 'breakpoint');
    assert.match(retry.body.description ?? '', /^ChargePayment: retry 1 after /);
    await shot('debug-stopped-before-retry');
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    await ended;
    const exited = fromAdapter.find((m): m is DebugProtocol.ExitedEvent => m.type === 'event' && (m as DebugProtocol.Event).event === 'exited');
    assert.equal(exited?.body.exitCode, 0);
  });
});
