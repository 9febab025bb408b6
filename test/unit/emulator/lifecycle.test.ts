// Closing the emulator while calls are in flight: a long poll is cut off, close() resolves, and
// the next start finds the interrupted execution marked failed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../../emulator/src/server';
import { ExecutionManager } from '../../../emulator/src/executions/manager';
import { FnfStore } from '../../../emulator/src/store/fnfStore';
import { createWorkspaceTasks } from '../../../emulator/src/tasks';
import { parseText, toJsonValue } from '../../../server/src/parse';
import type { JsonValue } from '../../../emulator/src/engine';
import { FnfTestClient, startTestEmulator, tempDir, WAIT_FLOW } from './support';

describe('emulator lifecycle', () => {
  test('close() ends pending long polls and a restart marks the running execution Failed', async () => {
    const dir = await tempDir();
    try {
      const f = await startTestEmulator({ dataDir: dir.path, timeScale: 1 });
      await f.client.ok('CreateFlow', { Name: 'slow', Definition: WAIT_FLOW, Description: '', Type: 'FDL' });
      await f.client.ok('StartExecution', { FlowName: 'slow', ExecutionName: 'w', Input: '{"seconds":300}' });
      const poll = f.client.call('DescribeExecution', { FlowName: 'slow', ExecutionName: 'w', WaitTimeSeconds: '60' }).then(
        () => 'answered',
        () => 'cut off',
      );
      await f.emulator.close();
      assert.equal(await poll, 'cut off');
      const again = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const exec = await new FnfTestClient(again.endpoint).ok('DescribeExecution', { FlowName: 'slow', ExecutionName: 'w' });
        assert.equal(exec['Status'], 'Failed');
      } finally {
        await again.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a start still being written when the emulator closes does not run: nothing is left to keep the process alive', async () => {
    const dir = await tempDir();
    try {
      const store = await FnfStore.open(dir.path, { now: Date.now, noSync: true });
      try {
        const manager = new ExecutionManager({ store, tasks: createWorkspaceTasks(), now: Date.now, onError: () => undefined });
        const flow = {
          Name: 'slow', Id: 'f1', Type: 'FDL', Definition: WAIT_FLOW, Description: '', RoleArn: '', ExternalStorageLocation: '',
          ExecutionMode: '', Environment: '', CreatedTime: 't', LastModifiedTime: 't',
        };
        await store.putFlow(flow);
        const definition = toJsonValue(parseText(WAIT_FLOW, 'yaml').root) as JsonValue;
        // The start record is being written when close() comes (a distributed Map's child starts this way).
        const starting = manager.start({ flow, definition, name: 'late', inputText: '{"seconds":300}', input: { seconds: 300 }, mode: 'Standard' });
        manager.close();
        const entry = await starting;
        assert.equal(manager.isRunning(entry), false, 'no run (and no 300 s timer) after close');
        assert.equal(entry.exec.Status, 'Running', 'left as the log has it: the next start marks it interrupted');
      } finally {
        await store.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('startEmulator refuses bad options with messages that say what to pass', async () => {
    await assert.rejects(startEmulator({ dataDir: '' }), /dataDir is required/);
    await assert.rejects(startEmulator({ dataDir: '/tmp/x', timeScale: 0 }), /timeScale must be a positive number/);
    await assert.rejects(startEmulator({ dataDir: '/tmp/x', faults: { errorRate: 3 } }), /errorRate must be a number from 0 to 1/);
  });
});
