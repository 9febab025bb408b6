// Compaction: the fnf log is rewritten with its live records once garbage (updated and deleted
// flows, execution ends folded into their starts) dominates, so storage and start-up time follow
// live data. The state read back after a compaction is exactly the state before it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FnfStore } from '../../../emulator/src/store/fnfStore';
import type { StoredExecution, StoredFlow } from '../../../emulator/src/store/records';
import { startEmulator } from '../../../emulator/src/server';
import { FnfTestClient, PASS_CHOICE_FLOW, tempDir } from './support';

const now = () => Date.parse('2026-01-01T00:00:00Z');

function flow(name: string, id: string, description = ''): StoredFlow {
  return {
    Name: name, Id: id, Type: 'FDL', Definition: 'x', Description: description, RoleArn: '', ExternalStorageLocation: '',
    ExecutionMode: '', Environment: '', CreatedTime: 't', LastModifiedTime: 't',
  };
}

function exec(flowId: string, name: string): StoredExecution {
  return {
    FlowName: 'kept', FlowId: flowId, Name: name, Status: 'Running', Input: '{}', Output: '', FlowDefinition: 'x', StartedTime: 't',
    StoppedTime: '', ErrorCode: '', ErrorMessage: '', Mode: 'Standard', Environment: '',
  };
}

/** Everything a store can be asked, as one comparable value. */
function stateOf(store: FnfStore): unknown {
  return store.flows().map((f) => ({
    f,
    executions: store.executions(f.Id).map((e) => ({ exec: e.exec, events: e.events })),
    versions: store.versions(f.Id),
    aliases: store.aliases(f.Id),
    schedules: store.schedules(f.Id),
    nextVersion: store.reserveVersionNumber(f.Id),
  }));
}

describe('fnf log compaction', () => {
  test('garbage past the threshold is compacted away in the background and on open; state is unchanged', async () => {
    const dir = await tempDir();
    try {
      const store = await FnfStore.open(dir.path, { now, noSync: true, compactMinGarbage: 100 });
      await store.putFlow(flow('kept', 'k1'));
      const entry = await store.startExecution(exec('k1', 'e1'));
      for (let i = 1; i <= 3; i++) await store.appendEvent(entry, { EventId: i, ScheduleEventId: i - 1, Type: 'StepEntered', StepName: 'A', Time: 't', EventDetail: '{}' });
      await store.endExecution(entry, { status: 'Succeeded', output: '{}', stoppedTime: 't', errorCode: '', errorMessage: '' });
      await store.putVersion({ FlowName: 'kept', FlowId: 'k1', Version: String(store.reserveVersionNumber('k1')), Description: '', Definition: 'x', CreatedTime: 't' });
      const v2 = store.reserveVersionNumber('k1');
      await store.putVersion({ FlowName: 'kept', FlowId: 'k1', Version: String(v2), Description: '', Definition: 'x', CreatedTime: 't' });
      await store.deleteVersion({ FlowName: 'kept', FlowId: 'k1', Version: String(v2), Description: '', Definition: 'x', CreatedTime: 't' });
      // 300 updates of one flow and 100 flows created and deleted: garbage.
      for (let i = 0; i < 300; i++) await store.putFlow(flow('churn', 'c1', `rev ${i}`));
      for (let i = 0; i < 100; i++) {
        const f = flow(`temp${i}`, `t${i}`);
        await store.putFlow(f);
        await store.deleteFlow(f);
      }
      const before = stateOf(store);
      // A background compaction ran along the way: far fewer records than were written.
      assert.ok(store.logRecords < 200, `compacted in the background: ${store.logRecords} records`);
      await store.close();

      const again = await FnfStore.open(dir.path, { now, noSync: true, compactMinGarbage: 100 });
      assert.deepEqual(stateOf(again), before, 'the state read back is the same');
      assert.ok(again.logRecords <= 20, `${again.logRecords} records`);
      await again.close();
      // The version number deleted above is never handed out again, even though no record of it is left.
      const third = await FnfStore.open(dir.path, { now, noSync: true });
      assert.equal(third.reserveVersionNumber('k1'), v2 + 1);
      await third.close();
    } finally {
      await dir.remove();
    }
  });

  test('an execution running during a compaction keeps every event, in order, across a restart', async () => {
    const dir = await tempDir();
    try {
      const store = await FnfStore.open(dir.path, { now, noSync: true, compactMinGarbage: 50 });
      await store.putFlow(flow('kept', 'k1'));
      const entry = await store.startExecution(exec('k1', 'live'));
      const writes: Promise<void>[] = [];
      for (let i = 1; i <= 400; i++) {
        writes.push(store.appendEvent(entry, { EventId: i, ScheduleEventId: i - 1, Type: 'StepEntered', StepName: 'A', Time: 't', EventDetail: '{}' }));
        if (i % 4 === 0) writes.push(store.putFlow(flow('churn', 'c1', `rev ${i}`)));
      }
      await Promise.all(writes);
      await store.close();
      const again = await FnfStore.open(dir.path, { now, noSync: true });
      const events = again.execution('k1', 'live')?.events ?? [];
      // 400 events, then the ExecutionFailed that marks it interrupted on open.
      assert.deepEqual(events.map((e) => e.EventId), Array.from({ length: 401 }, (_, i) => i + 1));
      await again.close();
    } finally {
      await dir.remove();
    }
  });

  test('an event repeating the previous event\'s detail is stored once and read back whole', async () => {
    const dir = await tempDir();
    try {
      const emu = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 0.001, onWarning: () => undefined });
      const client = new FnfTestClient(emu.endpoint);
      await client.ok('CreateFlow', { Name: 'p', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      const marker = `marker-${'x'.repeat(2000)}`;
      await client.ok('StartExecution', { FlowName: 'p', ExecutionName: 'e', Input: JSON.stringify({ marker }) });
      await client.ok('DescribeExecution', { FlowName: 'p', ExecutionName: 'e', WaitTimeSeconds: '10' });
      const live = (await client.ok('GetExecutionHistory', { FlowName: 'p', ExecutionName: 'e', Limit: '999' }))['Events'] as { EventDetail: string }[];
      await emu.close();
      const copiesInHistory = live.filter((e) => e.EventDetail.includes(marker)).length;
      const copiesOnDisk = (await readFile(join(dir.path, 'fnf.jsonl'), 'utf8')).split(marker).length - 1;
      assert.ok(copiesOnDisk < copiesInHistory / 2, `${copiesOnDisk} copies on disk for ${copiesInHistory} in the history`);
      const again = await startEmulator({ port: 0, dataDir: dir.path, onWarning: () => undefined });
      try {
        const replayed = (await new FnfTestClient(again.endpoint).ok('GetExecutionHistory', { FlowName: 'p', ExecutionName: 'e', Limit: '999' }))['Events'];
        assert.deepEqual(replayed, live);
      } finally {
        await again.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('through the wire: 200 CreateFlow/DeleteFlow cycles leave a log the size of its live data', async () => {
    const dir = await tempDir();
    try {
      const emu = await startEmulator({ port: 0, dataDir: dir.path, compactMinGarbage: 100, onWarning: () => undefined });
      const client = new FnfTestClient(emu.endpoint);
      await client.ok('CreateFlow', { Name: 'kept', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      for (let i = 0; i < 200; i++) {
        await client.ok('CreateFlow', { Name: 'temp', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
        await client.ok('DeleteFlow', { Name: 'temp' });
      }
      await emu.close();
      const size = (await stat(join(dir.path, 'fnf.jsonl'))).size;
      assert.ok(size < 20 * PASS_CHOICE_FLOW.length, `log is ${size} bytes`);
      const again = await startEmulator({ port: 0, dataDir: dir.path, onWarning: () => undefined });
      try {
        const flows = await new FnfTestClient(again.endpoint).ok('ListFlows');
        assert.deepEqual((flows['Flows'] as { Name: string }[]).map((f) => f.Name), ['kept']);
      } finally {
        await again.close();
      }
    } finally {
      await dir.remove();
    }
  });
});
