// WhatsApp Flow authoring in a real VS Code against the emulator's CAMS endpoint: pull a flow,
// see it checked, break it and see the error, have Push refuse, fix it, push it, read it back,
// publish it, and find it in the "WhatsApp Flows" view.
import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CamsClient, httpPutUploader } from '../../cloud/src/cams';
import { staticCredentials } from '../../cloud/src/credentials';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import type { WhatsappFlowsTree, WhatsappTreeNode } from '../../client/src/whatsapp/tree';
import { activateExtension, closeAllEditors, screenshot, waitFor, waitForPublishedDiagnostics } from './harness';

/** The emulator serves CAMS among its built-in products. */
async function startProductEmulator(): Promise<{ emu: RunningEmulator; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-it-'));
  return { emu: await startEmulator({ dataDir, port: 0, onError: () => undefined }), dataDir };
}

const FLOW_JSON = `{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextHeading", "text": "Book a table" },
          { "type": "TextInput", "name": "guests", "label": "Guests", "input-type": "number" },
          {
            "type": "Footer",
            "label": "Continue",
            "on-click-action": { "name": "navigate", "next": { "type": "screen", "name": "DONE" }, "payload": {} }
          }
        ]
      }
    },
    {
      "id": "DONE",
      "title": "Thanks",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "Footer", "label": "Finish", "on-click-action": { "name": "complete", "payload": {} } }
        ]
      }
    }
  ]
}
`;

const errorsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

suite('WhatsApp Flows through CAMS (emulator)', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dataDir: string;
  let cams: CamsClient;
  let target: { endpoint: string; accessKeyId: string; accessKeySecret: string };

  suiteSetup(async () => {
    await activateExtension();
    ({ emu, dataDir } = await startProductEmulator());
    target = { endpoint: emu.endpoint, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
    cams = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret) });
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await emu.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('pull, edit, see diagnostics, push refused, fix, push, read back, publish, view', async () => {
    const api = await activateExtension();
    const { FlowId } = await cams.createFlow({ FlowName: 'Book a table', Categories: ['APPOINTMENT_BOOKING'] });
    await cams.pushFlowJson(FlowId, FLOW_JSON, httpPutUploader(`${emu.endpoint}/cams/uploads`, { credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } }));

    const pulled = await vscode.commands.executeCommand<{ uri: string; flowId: string } | undefined>('flowdeck.whatsapp.pull', { ...target, flowId: FlowId });
    assert.ok(pulled, 'the pull command returned the saved file');
    const uri = vscode.Uri.parse(pulled.uri);
    assert.ok(uri.path.endsWith('Book_a_table.wa-flow.json'), uri.path);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'whatsapp-flow');
    assert.equal(doc.getText(), FLOW_JSON);
    await waitForPublishedDiagnostics(uri, { timeoutMs: 30_000 });
    assert.deepEqual(errorsOf(uri).map((d) => d.message), []);

    // Break it: navigate to a screen that does not exist.
    const editor = await vscode.window.showTextDocument(doc);
    const before = api.diagnosticsPublished(uri)?.count ?? 0;
    const at = doc.getText().indexOf('"name": "DONE"');
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at + 9), doc.positionAt(at + 13)), 'DONEE'));
    await waitForPublishedDiagnostics(uri, { after: before, timeoutMs: 30_000 });
    const broken = await waitFor(() => errorsOf(uri).find((d) => d.code === 'wa-unknown-screen'), { message: 'the unknown-screen error' });
    assert.equal(broken.range.start.line, doc.positionAt(at).line);
    assert.match(broken.message, /Did you mean 'DONE'/);
    await screenshot('whatsapp-flow-diagnostics');

    const refused = await vscode.commands.executeCommand<{ pushed: boolean; errors: number }>('flowdeck.whatsapp.push', { ...target, uri: uri.toString() });
    assert.equal(refused.pushed, false);
    assert.equal(refused.errors, errorsOf(uri).length, 'Push counts the same errors the editor shows');
    assert.equal((await cams.getFlowJson(FlowId)).text, FLOW_JSON, 'nothing was pushed');

    // Fix it and change the label, then push.
    const fixedText = doc.getText().replace('"DONEE"', '"DONE"').replace('"Continue"', '"Next step"');
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), fixedText));
    const pushed = await vscode.commands.executeCommand<{ pushed: boolean; errors: number; filePath?: string }>('flowdeck.whatsapp.push', { uri: uri.toString() });
    assert.equal(pushed.pushed, true, 'the fixed flow is pushed (to the flow it was pulled from)');
    assert.equal((await cams.getFlowJson(FlowId)).text, fixedText, 'reading it back gives what was pushed');

    assert.equal(await vscode.commands.executeCommand<boolean>('flowdeck.whatsapp.publish', { ...target, flowId: FlowId }), true);
    assert.equal((await cams.getFlow(FlowId)).Status, 'PUBLISHED');

    const tree = await vscode.commands.executeCommand<WhatsappFlowsTree>('flowdeck.whatsapp.tree');
    const nodes = (await tree.getChildren()) as WhatsappTreeNode[];
    const node = nodes.find((n) => n.kind === 'flow' && n.flow.FlowId === FlowId);
    assert.ok(node && node.kind === 'flow');
    assert.equal(node.flow.Status, 'PUBLISHED');
    assert.match(String(tree.getTreeItem(node).description), /PUBLISHED · v7\.3/);
    await vscode.commands.executeCommand('workbench.view.extension.flowdeck');
    await screenshot('whatsapp-flows-view');
  });
});

suite('WhatsApp Flows on the local emulator target', function () {
  this.timeout(120_000);

  test('with no endpoint configured, the view lists the flows of the emulator the Executions view uses', async () => {
    const api = await activateExtension();
    assert.ok(api.execution, 'the execution features are set up');
    await vscode.commands.executeCommand('flowdeck.selectTarget', { kind: 'emulator' });
    const { endpoint, accessKeyId, accessKeySecret } = await api.execution.emulator.connection();
    const cams = new CamsClient({ endpoint, credentials: staticCredentials(accessKeyId, accessKeySecret) });
    const { FlowId } = await cams.createFlow({ FlowName: 'Local target flow', Categories: ['OTHER'] });
    const tree = await vscode.commands.executeCommand<WhatsappFlowsTree>('flowdeck.whatsapp.tree');
    tree.args = {}; // what a user has before any command named an endpoint
    const nodes = (await tree.getChildren()) as WhatsappTreeNode[];
    assert.ok(
      nodes.some((n) => n.kind === 'flow' && n.flow.FlowId === FlowId),
      `the view lists ${FlowId}: ${JSON.stringify(nodes.map((n) => (n.kind === 'flow' ? n.flow.FlowName : n.text)))}`,
    );
  });
});
