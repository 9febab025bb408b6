// The distributed Map example in a real VS Code on the local emulator: deploy and start
// examples/price-lines-csv (its CSV sits in the workspace's .flowdeck/objects), and find the
// MapRun under the execution in the Executions view, with one child execution per CSV row.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeployOutcome, ExecutionFeatures, StartOutcome } from '../../client/src/execution';
import type { ExecutionsTreeNode } from '../../client/src/execution/views/tree/nodes';
import { activateExtension, closeAllEditors, openDocument, screenshot, waitFor, waitForPublishedDiagnostics, workspaceUri } from './harness';

async function features(): Promise<ExecutionFeatures> {
  await activateExtension();
  const f = await vscode.commands.executeCommand<ExecutionFeatures | undefined>('flowdeck.executionFeatures');
  assert.ok(f, 'the execution features are registered');
  return f;
}

const children = async (f: ExecutionFeatures, node?: ExecutionsTreeNode): Promise<ExecutionsTreeNode[]> => (await f.tree.getChildren(node)) ?? [];

/** Resolves when the tree has next loaded `node`. */
function nextLoad(f: ExecutionFeatures, node: ExecutionsTreeNode): Promise<void> {
  return new Promise((resolve) => {
    const sub = f.tree.onDidLoad((loaded) => {
      if (loaded === node) {
        sub.dispose();
        resolve();
      }
    });
  });
}

suite('Distributed Map example (local emulator)', function () {
  this.timeout(120_000);
  suiteTeardown(() => closeAllEditors());

  test('price-lines-csv runs each CSV row as a child execution; the Executions view shows the MapRun and its children', async () => {
    const f = await features();
    const doc = await openDocument(workspaceUri('price-lines-csv.flow.yaml'));
    await waitForPublishedDiagnostics(doc.uri, { timeoutMs: 30_000 });
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), [], 'the example has no errors');

    const deployed = await vscode.commands.executeCommand<DeployOutcome | undefined>('flowdeck.deploy', { uri: doc.uri, name: 'price-lines-csv', mode: 'Standard', force: false });
    assert.equal(deployed?.flowName, 'price-lines-csv');
    const outcome = await vscode.commands.executeCommand<StartOutcome | undefined>('flowdeck.startExecution', { uri: doc.uri, input: {} });
    assert.ok(outcome && outcome.mode === 'Standard', 'the Standard execution started and is tailed');
    const end = await outcome.tail.done;
    assert.ok(end.kind === 'ended' && end.execution.Status === 'Succeeded', `the execution succeeded (${JSON.stringify(end)})`);
    assert.ok(outcome.tail.events.some((e) => e.Type === 'IterationEntered' && e.StepName === 'PriceEveryLine'), 'the tail shows the MapRun starting');

    f.tree.refresh();
    const [target] = await children(f);
    assert.ok(target);
    const flow = (await children(f, target)).find((n) => n.kind === 'flow' && n.name === 'price-lines-csv');
    assert.ok(flow, 'the tree lists the flow');
    const execution = (await children(f, flow)).find((n) => n.kind === 'execution' && n.name === outcome.executionName);
    assert.ok(execution && execution.kind === 'execution', 'the tree lists the parent execution (and not its children)');
    assert.equal((await children(f, flow)).filter((n) => n.kind === 'execution').length, 1, 'child executions are not listed beside their parent');
    const mapRun = (await children(f, execution)).find((n) => n.kind === 'mapRun');
    assert.ok(mapRun && mapRun.kind === 'mapRun', 'the execution shows its MapRun');
    assert.equal(mapRun.stateName, 'PriceEveryLine');
    const kids = (await children(f, mapRun)).filter((n) => n.kind === 'execution');
    assert.deepEqual(
      kids.map((n) => (n.kind === 'execution' ? n.execution.Status : '')),
      ['Succeeded', 'Succeeded', 'Succeeded', 'Failed', 'Succeeded'],
      'one child execution per CSV row, in row order; the unknown sku failed (tolerated)',
    );

    await vscode.commands.executeCommand('workbench.view.extension.flowdeck');
    await waitFor(() => f.treeView.visible, { message: 'the Executions view to show' });
    const loaded = nextLoad(f, mapRun);
    await f.treeView.reveal(mapRun, { select: true, focus: true, expand: true });
    await loaded;
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await waitFor(async () => (await children(f, mapRun)).length === 5, { message: 'the MapRun children to load' });
    await screenshot('distributed-map-sidebar');
  });
});
