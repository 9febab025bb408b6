// Push goes the documented way in a real VS Code: the example WhatsApp Flow is uploaded through
// GetChatappUploadAuthorization and the emulator's OSS-compatible object store (no upload URL
// configured), and Pull brings back the same JSON from a signed object URL.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CamsClient } from '../../cloud/src/cams';
import { staticCredentials } from '../../cloud/src/credentials';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { activateExtension, closeAllEditors, waitForPublishedDiagnostics } from './harness';
import { repoRoot } from './harness/env';

suite('WhatsApp Flow Push through the upload authorization and OSS (emulator)', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dataDir: string;
  let pullDir: string;

  suiteSetup(async () => {
    await activateExtension();
    dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-oss-it-'));
    pullDir = await mkdtemp(join(tmpdir(), 'flowdeck-oss-pull-'));
    emu = await startEmulator({ dataDir, port: 0, onError: () => undefined });
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await emu.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(pullDir, { recursive: true, force: true });
  });

  test('Push of examples/whatsapp/book-a-table uploads to the object store; Pull returns the same JSON', async () => {
    assert.equal(vscode.workspace.getConfiguration('flowdeck').get<string>('cams.uploadUrl', ''), '', 'no upload URL override is configured');
    const target = { endpoint: emu.endpoint, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
    const cams = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret) });
    const { FlowId } = await cams.createFlow({ FlowName: 'Book a table (OSS)', Categories: ['APPOINTMENT_BOOKING'] });

    const example = vscode.Uri.file(join(repoRoot(), 'examples', 'whatsapp', 'book-a-table.wa-flow.json'));
    const text = (await readFile(example.fsPath, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(example);
    await vscode.window.showTextDocument(doc);
    await waitForPublishedDiagnostics(example, { timeoutMs: 30_000 });

    const pushed = await vscode.commands.executeCommand<{ pushed: boolean; errors: number; filePath?: string }>(
      'flowdeck.whatsapp.push', { ...target, uri: example.toString(), flowId: FlowId },
    );
    assert.equal(pushed.pushed, true);
    // The FilePath is the object's URL in the bucket and folder the upload authorization named.
    const m = new RegExp(`^${emu.endpoint}/(flowdeck-cams)/(default/\\d+)/${FlowId}\\.json$`).exec(pushed.filePath ?? '');
    assert.ok(m, `FilePath ${pushed.filePath} is an object URL in the authorized folder`);
    const stored = join(dataDir, 'objects', m[1] as string, ...(m[2] as string).split('/'), `${FlowId}.json`);
    assert.ok(existsSync(stored), 'the object store holds the uploaded file');
    assert.equal(await readFile(stored, 'utf8'), text);

    const pulled = await vscode.commands.executeCommand<{ uri: string; flowId: string } | undefined>(
      'flowdeck.whatsapp.pull', { ...target, flowId: FlowId, folder: pullDir, fileName: 'pulled.wa-flow.json' },
    );
    assert.ok(pulled, 'Pull saved a file');
    assert.equal(await readFile(vscode.Uri.parse(pulled.uri).fsPath, 'utf8'), text, 'Pull brings back the JSON that was pushed');
    const asset = await cams.getFlowJsonAsset(FlowId);
    assert.match(asset.FilePath, /^http:\/\/127\.0\.0\.1:\d+\/flowdeck-cams\/assets\/.+\?OSSAccessKeyId=.+&Signature=/, 'pulled from a signed object URL');
  });
});
