// A distributed Map's MapRun outlives the emulator: DescribeMapRun answers the same after a
// restart (UpdateMapRun's changes included), and a MapRun that was running when the emulator
// stopped is then aborted, as its execution is marked interrupted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../../emulator/src/server';
import { FnfStore } from '../../../emulator/src/store/fnfStore';
import type { StoredExecution, StoredMapRun } from '../../../emulator/src/store/records';
import { distributedMapFlow, eventually, FnfTestClient, tempDir } from './support';

/** A Standard flow whose distributed Map runs one Standard child per item of `xs`, each waiting `seconds`, two at a time. */
const MAP_FLOW = distributedMapFlow('Standard', '        - Type: Wait\n          Name: Child\n          Seconds.$: $Input.seconds\n          End: true', '    MaxConcurrency: 2\n');

const createFlow = { Name: 'maps', Definition: MAP_FLOW, Description: '', Type: 'FDL', ExecutionMode: 'Standard' };

/** The MapRun named by the execution's IterationEntered event, once there is one. */
async function mapRunOf(c: FnfTestClient, execution: string): Promise<string> {
  return eventually(async () => {
    const events = (await c.ok('GetExecutionHistory', { FlowName: 'maps', ExecutionName: execution }))['Events'] as { Type: string; EventDetail: string }[];
    const entered = events.find((e) => e.Type === 'IterationEntered');
    return entered ? (JSON.parse(entered.EventDetail) as { mapRunName: string }).mapRunName : undefined;
  }, 'the MapRun to start');
}

const describeMapRun = (c: FnfTestClient, execution: string, mapRun: string) =>
  c.ok('DescribeMapRun', { FlowName: 'maps', ExecutionName: execution, MapRunName: mapRun });

describe('MapRuns across a restart', () => {
  test('a finished MapRun is described the same after a restart, with the concurrency UpdateMapRun set', async () => {
    const dir = await tempDir();
    try {
      // Waits of 1 s take 10 ms.
      const first = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 0.01 });
      let before: Record<string, unknown>;
      let mapRun: string;
      try {
        const c1 = new FnfTestClient(first.endpoint);
        await c1.ok('CreateFlow', createFlow);
        await c1.ok('StartExecution', { FlowName: 'maps', ExecutionName: 'done', Input: JSON.stringify({ xs: [{ seconds: 1 }, { seconds: 1 }, { seconds: 1 }] }) });
        mapRun = await mapRunOf(c1, 'done');
        await c1.ok('UpdateMapRun', { FlowName: 'maps', ExecutionName: 'done', MapRunName: mapRun, Concurrency: '3' });
        const ended = await c1.ok('DescribeExecution', { FlowName: 'maps', ExecutionName: 'done', WaitTimeSeconds: '20' });
        assert.equal(ended['Status'], 'Succeeded');
        before = await describeMapRun(c1, 'done', mapRun);
        assert.equal(before['Status'], 'Succeeded');
        assert.equal(before['Concurrency'], 3);
        assert.deepEqual(before['ItemCounts'], { Total: 3, Pending: 0, Running: 0, Succeed: 3, Failed: 0, Aborted: 0 });
      } finally {
        await first.close();
      }
      const second = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const after = await describeMapRun(new FnfTestClient(second.endpoint), 'done', mapRun);
        const { RequestId: _a, ...was } = before;
        const { RequestId: _b, ...is } = after;
        assert.deepEqual(is, was);
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a MapRun running when the emulator stops is aborted after the restart: its children not ended count as aborted', async () => {
    const dir = await tempDir();
    try {
      const first = await startEmulator({ port: 0, dataDir: dir.path });
      let mapRun: string;
      try {
        const c1 = new FnfTestClient(first.endpoint);
        await c1.ok('CreateFlow', createFlow);
        await c1.ok('StartExecution', { FlowName: 'maps', ExecutionName: 'cut', Input: JSON.stringify({ xs: [{ seconds: 300 }, { seconds: 300 }, { seconds: 300 }] }) });
        mapRun = await mapRunOf(c1, 'cut');
        await eventually(async () => {
          const run = await describeMapRun(c1, 'cut', mapRun);
          return (run['ItemCounts'] as { Running: number }).Running === 2 ? run : undefined;
        }, 'two children to run');
      } finally {
        await first.close();
      }
      const second = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const c2 = new FnfTestClient(second.endpoint);
        const run = await describeMapRun(c2, 'cut', mapRun);
        assert.equal(run['Status'], 'Aborted');
        assert.ok(run['StoppedTime'], 'a stop time');
        assert.deepEqual(run['ItemCounts'], { Total: 3, Pending: 0, Running: 0, Succeed: 0, Failed: 0, Aborted: 3 });
        const parent = await c2.ok('DescribeExecution', { FlowName: 'maps', ExecutionName: 'cut' });
        assert.equal(parent['Status'], 'Failed');
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a MapRun is kept as long as its execution: compaction drops it once the execution is gone, deleting the flow at once', async () => {
    const dir = await tempDir();
    try {
      const store = await FnfStore.open(dir.path, { now: () => 0, noSync: true });
      try {
        const flow = { Name: 'maps', Id: 'f1', Type: 'FDL', Definition: 'x', Description: '', RoleArn: '', ExternalStorageLocation: '', ExecutionMode: '', Environment: '', CreatedTime: 't', LastModifiedTime: 't' };
        await store.putFlow(flow);
        const exec: StoredExecution = {
          FlowName: 'maps', FlowId: 'f1', Name: 'run', Status: 'Succeeded', Input: '{}', Output: '{}', FlowDefinition: 'x', StartedTime: 't',
          StoppedTime: 't2', ErrorCode: '', ErrorMessage: '', Mode: 'Standard', Environment: '',
        };
        await store.startExecution(exec);
        const run = (name: string, execution: string): StoredMapRun => ({
          FlowId: 'f1', MapRunName: name, FlowName: 'maps', ExecutionName: execution, StateName: 'Each', StartedTime: 't', StoppedTime: 't2',
          Status: 'Succeeded', Concurrency: 2, ToleratedFailedCount: 0, ToleratedFailedPercentage: 0,
          ItemCounts: { Total: 1, Pending: 0, Running: 0, Succeed: 1, Failed: 0, Aborted: 0 },
        });
        await store.saveMapRun(run('kept', 'run'));
        await store.saveMapRun(run('orphan', 'gone'));
        const live = store.liveRecords().filter((r) => r.k === 'mapRun').map((r) => (r.k === 'mapRun' ? r.run.MapRunName : ''));
        assert.deepEqual(live, ['kept']);
        await store.deleteFlow(flow);
        assert.equal(store.mapRun('kept'), undefined);
      } finally {
        await store.close();
      }
    } finally {
      await dir.remove();
    }
  });
});
