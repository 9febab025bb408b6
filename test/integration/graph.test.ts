// The graph view in a real VS Code: the example flow drawn in the light and dark themes, kept in
// step with the text and the cursor, a broken flow's badge, each shaping action applied as an
// undoable edit, exports, and a run on the local emulator drawn on the graph mid-run and at the end.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { StartOutcome } from '../../client/src/execution';
import type { GraphFeatures } from '../../client/src/graph';
import type { GraphPanel } from '../../client/src/graph/graphPanel';
import { generateFdl } from '../../bench/lib/generate';
import { activateExtension, closeAllEditors, openDocument, screenshot, waitFor, waitForPublishedDiagnostics, workspaceUri, writeWorkspaceFile } from './harness';

async function features(): Promise<GraphFeatures> {
  await activateExtension();
  const f = await vscode.commands.executeCommand<GraphFeatures | undefined>('flowdeck.graphFeatures');
  assert.ok(f, 'the graph features are registered');
  return f;
}

async function openGraph(uri: vscode.Uri, nodes: number): Promise<{ doc: vscode.TextDocument; panel: GraphPanel }> {
  const doc = await openDocument(uri);
  await waitForPublishedDiagnostics(doc.uri, { timeoutMs: 30_000 });
  const panel = await vscode.commands.executeCommand<GraphPanel | undefined>('flowdeck.showGraph', doc.uri);
  assert.ok(panel, 'Show Graph returns its view');
  await waitFor(() => panel.rendered?.nodes === nodes, { timeoutMs: 30_000, message: `the graph to draw ${nodes} nodes (drew ${panel.rendered?.nodes})` });
  return { doc, panel };
}

/** A picture without notifications over it. */
async function shot(name: string): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
  await screenshot(name);
}

async function setTheme(name: string, kind: vscode.ColorThemeKind): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
  await waitFor(() => vscode.window.activeColorTheme.kind === kind, { message: `the ${name} theme` });
}

const SMALL = `Type: StateMachine
SpecVersion: v1
Name: shaped
StartAt: Receive
States:
  # the order arrives
  - Type: Pass
    Name: Receive
    Next: Charge
  - Type: Task
    Name: Charge
    Action: FC:InvokeFunction
    TaskMode: RequestComplete
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:123:functions/charge/LATEST
      invocationType: Sync
    Next: Done
  - Type: Succeed
    Name: Done
`;

suite('Flowdeck graph view', function () {
  this.timeout(180_000);
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('draws the order-processing example beside its text, in the light, dark and high contrast themes', async () => {
    await setTheme('Default Light Modern', vscode.ColorThemeKind.Light);
    const { panel } = await openGraph(workspaceUri('order-processing.flow.yaml'), 10);
    assert.equal(panel.rendered?.badges, 0, 'the example has no problems');
    await shot('graph-order-processing');
    await setTheme('Default Dark Modern', vscode.ColorThemeKind.Dark);
    await shot('graph-order-processing-dark');
    await setTheme('Default High Contrast', vscode.ColorThemeKind.HighContrast);
    await shot('graph-order-processing-high-contrast');
    await setTheme('Default Light Modern', vscode.ColorThemeKind.Light);
  });

  test('follows the cursor, reveals a clicked state and redraws as the user types, keeping the viewport', async () => {
    const { doc, panel } = await openGraph(workspaceUri('order-processing.flow.yaml'), 10);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Name: ChargePayment'));
    editor.selection = new vscode.Selection(line, 8, line, 8);
    await waitFor(() => panel.highlighted === 'Fulfil/1/ChargePayment', { message: 'the node under the cursor to be highlighted' });
    const revealed = await panel.reveal('Confirm');
    assert.ok(revealed);
    assert.match(doc.lineAt(revealed.selection.active.line).text, /Type: Succeed/, 'the cursor is on the Confirm state');
    const scale = panel.rendered!.scale;
    const end = doc.lineCount;
    await editor.edit((b) => b.insert(new vscode.Position(end, 0), '\n  - Type: Pass\n    Name: Extra\n    End: true\n'));
    await waitFor(() => panel.rendered?.nodes === 11, { message: 'the typed state to appear' });
    assert.equal(panel.rendered?.scale, scale, 'the viewport stays where it was');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => panel.rendered?.nodes === 10, { message: 'the undone state to go' });
    await doc.save();
  });

  test('a broken flow shows a badge on the node that holds the problem', async () => {
    const uri = await writeWorkspaceFile('broken-graph.flow.yaml', 'Type: StateMachine\nSpecVersion: v1\nName: broken-graph\nStartAt: Start\nStates:\n  - Type: Pass\n    Name: Start\n    Next: Nowhere\n  - Type: Succeed\n    Name: Done\n');
    const { panel } = await openGraph(uri, 3); // Start, Done and the missing Nowhere
    await waitFor(() => (panel.rendered?.badges ?? 0) >= 1, { message: 'a badge for the unknown state' });
    await shot('graph-broken-badge');
  });

  test('shapes the flow from the graph: add, rename, reconnect and delete, each undoable', async () => {
    const uri = await writeWorkspaceFile('shaped.flow.yaml', SMALL);
    const { doc, panel } = await openGraph(uri, 3);
    assert.ok(await panel.addAfter('Receive', 'Wait'));
    await waitFor(() => panel.rendered?.nodes === 4 && panel.rendered.version === doc.version, { message: 'the added state' });
    assert.match(doc.getText(), / {4}Name: Receive\n {4}Next: NewWait\n {2}- Type: Wait\n {4}Name: NewWait\n {4}Seconds: 10\n {4}Next: Charge\n/);
    assert.ok(doc.getText().includes('  # the order arrives\n'), 'comments stay');
    await shot('graph-shape-add');

    assert.ok(await panel.rename('NewWait', 'Settle'));
    await waitFor(() => !doc.getText().includes('NewWait') && panel.rendered?.version === doc.version, { message: 'the rename' });
    assert.equal((doc.getText().match(/Settle/g) ?? []).length, 2, 'the name and the Next that points at it');
    await shot('graph-shape-rename');

    const graph = await waitFor(() => panel.lastGraph?.version === doc.version && panel.lastGraph);
    const edge = graph.graph.edges.findIndex((e) => e.from === 'Charge' && e.kind === 'next');
    assert.ok(await panel.shape({ kind: 'reconnect', edge, to: 'Receive' }));
    await waitFor(() => / {4}Name: Charge\n[\s\S]*? {4}Next: Receive\n/.test(doc.getText()) && panel.rendered?.version === doc.version && (panel.rendered?.badges ?? 0) >= 1, { message: 'the reconnected edge, and the badge of Done, now unreachable' });
    await shot('graph-shape-reconnect');

    assert.ok(await panel.shape({ kind: 'delete', id: 'Settle' }));
    await waitFor(() => !doc.getText().includes('Name: Settle') && panel.rendered?.version === doc.version && (panel.rendered?.badges ?? 0) >= 1, { message: 'the deleted state, its Next now a problem' });
    assert.equal(panel.rendered?.nodes, 4, 'Receive, Charge, Done and the missing Settle');
    await shot('graph-shape-delete');

    // every action was one edit of the document: undo takes them back one by one
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === SMALL, { message: 'undo to restore the original text' });
  });

  test('a large flow gets a minimap and stays responsive', async () => {
    const uri = await writeWorkspaceFile('large.flow.yaml', generateFdl(300));
    const started = Date.now();
    const { panel } = await openGraph(uri, 300);
    assert.ok(Date.now() - started < 60_000);
    assert.ok((panel.rendered?.scale ?? 0) >= 0.5, 'opened at a readable size (the minimap shows the rest)');
    await shot('graph-large-minimap');
  });

  test('a WhatsApp Flow JSON shows its screens and where each navigates', async () => {
    const { panel } = await openGraph(workspaceUri('whatsapp', 'book-a-table.wa-flow.json'), 2);
    const graph = panel.lastGraph!;
    assert.deepEqual(graph.graph.edges.map((e) => [e.from, e.to, e.kind, e.label]), [['BOOKING', 'CONFIRM', 'navigate', 'Continue']]);
    assert.deepEqual(graph.stateTypes, [], 'screens are not shaped from the graph');
    await shot('graph-whatsapp');
  });

  test('exports the drawing as SVG and PNG', async () => {
    const { panel } = await openGraph(workspaceUri('order-processing.flow.yaml'), 10);
    const svgUri = workspaceUri('order-processing.graph.svg');
    const svgDone = new Promise<vscode.Uri>((resolve) => panel.onDidExport(resolve));
    panel.requestExport('svg', svgUri);
    await svgDone;
    const svg = await readFile(svgUri.fsPath, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const name of ['CheckOrder', 'PriceLine', 'ChargePayment', 'Confirm']) assert.ok(svg.includes(`>${name}<`), name);
    const pngUri = workspaceUri('order-processing.graph.png');
    const pngDone = new Promise<vscode.Uri>((resolve) => panel.onDidExport(resolve));
    panel.requestExport('png', pngUri);
    await pngDone;
    const png = await readFile(pngUri.fsPath);
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(png.length > 5000, `a real picture (${png.length} bytes)`);
  });

  test('draws a run on the graph while it runs and after it ends; Show Run on Graph opens one', async () => {
    const { doc, panel } = await openGraph(workspaceUri('order-processing.flow.yaml'), 10);
    const deployed = await vscode.commands.executeCommand('flowdeck.deploy', { uri: doc.uri, name: 'order-processing', mode: 'Standard', force: false });
    assert.ok(deployed, 'deployed to the local emulator');
    const outcome = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { uri: doc.uri, inputName: 'small-order', reveal: false });
    assert.ok(outcome && outcome.mode === 'Standard');
    // the flow waits a second for the warehouse: the graph shows it running meanwhile
    await waitFor(() => panel.run?.nodes['Fulfil/0/AwaitWarehouse']?.status === 'running', { message: 'AwaitWarehouse running on the graph' });
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await shot('graph-run-mid');
    await outcome.tail.done;
    await waitFor(() => panel.run?.nodes['Confirm']?.status === 'succeeded', { message: 'the end of the run on the graph' });
    const run = panel.run!;
    assert.equal(run.nodes['RejectOrder']?.status, 'notReached');
    assert.match(run.nodes['PriceLines']?.note ?? '', /2 iterations/, 'the Map counts its items');
    assert.match(run.nodes['Fulfil']?.note ?? '', /2 of 2 branches/);
    assert.ok(run.nodes['Fulfil/1/ChargePayment']?.input?.includes('customerId') || run.nodes['Fulfil/1/ChargePayment']?.input !== undefined, 'the state\'s input is there');
    assert.ok(run.taken.length >= 4, 'the path taken is marked');
    await waitFor(() => (panel.rendered?.runNodes ?? 0) >= 8, { message: 'the view to draw the run' });
    panel.select('Fulfil/1/ChargePayment');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await shot('graph-run-end');

    panel.panel.dispose();
    const fromSidebar = await vscode.commands.executeCommand<GraphPanel | undefined>('flowdeck.showRunOnGraph', { flowName: 'order-processing', executionName: outcome.executionName });
    assert.ok(fromSidebar, 'Show Run on Graph opens the flow\'s graph');
    await waitFor(() => fromSidebar.run?.executionName === outcome.executionName && fromSidebar.run.nodes['Confirm']?.status === 'succeeded', { message: 'the chosen run on the graph' });
    const f = await features();
    assert.ok(f.panels.size >= 1);
  });
});
