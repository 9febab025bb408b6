// "Watch CynosDB Task Flow" in a real VS Code against the emulator's CynosDB endpoint: a restart's
// task flow is shown processing, then succeeded; an unknown FlowId ends in an error that says
// what to check.
import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { staticCredentials } from '../../cloud/src/credentials';
import { TencentTc3Caller } from '../../cloud/src/rpc/tencentTc3Caller';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import type { TaskFlowsTree } from '../../client/src/cynosdb/tree';
import type { WatchedFlow } from '../../client/src/cynosdb/watcher';
import { activateExtension, screenshot } from './harness';

/** The emulator serves CynosDB among its built-in products. */
async function startCynosdbEmulator(timeScale: number): Promise<{ emu: RunningEmulator; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-it-'));
  return { emu: await startEmulator({ dataDir, port: 0, timeScale, onError: () => undefined }), dataDir };
}

suite('CynosDB task flows (emulator)', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dataDir: string;

  suiteSetup(async () => {
    await activateExtension();
    // A restart takes 3 s of service time, as the service's own: long enough that the watch's
    // first poll sees it processing even on a loaded machine.
    ({ emu, dataDir } = await startCynosdbEmulator(1));
  });
  suiteTeardown(async () => {
    await emu.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a restart task flow is watched to its end', async () => {
    const caller = new TencentTc3Caller({
      service: 'cynosdb', version: '2019-01-07', endpoint: emu.endpoint, region: 'ap-guangzhou',
      credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret),
      operations: { RestartInstance: {} }, defaultQuota: { burst: 20, perSecond: 20 },
    });
    const { FlowId } = await caller.call<{ FlowId: number }>('RestartInstance', { InstanceId: 'cynosdbmysql-ins-4f2a9c1d' });
    const tree = await vscode.commands.executeCommand<TaskFlowsTree>('flowdeck.cynosdb.tree');
    const watching = vscode.commands.executeCommand<WatchedFlow | undefined>('flowdeck.cynosdb.watch', { flowId: FlowId, region: 'ap-guangzhou', endpoint: emu.endpoint, intervalMs: 50 });
    const seenProcessing = tree.getChildren().some((f) => f.flowId === FlowId && f.state === 'processing');
    const done = await watching;
    assert.ok(done, 'the watch returned its final state');
    assert.equal(done.state, 'succeeded');
    assert.ok(seenProcessing || done.polls > 1, 'the flow was processing before it succeeded');
    const node = tree.getChildren().find((f) => f.flowId === FlowId);
    assert.ok(node);
    assert.match(String(tree.getTreeItem(node).description), /succeeded · ap-guangzhou/);
    await vscode.commands.executeCommand('workbench.view.extension.flowdeck');
    await screenshot('cynosdb-task-flows-view');
  });

  test('an unknown FlowId ends with an error naming what to check', async () => {
    const done = await vscode.commands.executeCommand<WatchedFlow | undefined>('flowdeck.cynosdb.watch', { flowId: 424242, endpoint: emu.endpoint, intervalMs: 50 });
    assert.ok(done);
    assert.equal(done.state, 'error');
    assert.match(done.detail, /InvalidParameterValue\.FlowNotFound: .*check the FlowId and region/);
  });
});
