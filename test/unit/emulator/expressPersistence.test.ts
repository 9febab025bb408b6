// What an Express sync run leaves on disk: its result only, as one record once it has ended. A
// restart keeps that result (status, output, error, times, qualifier) and needs nothing else: no
// start record, no history events; a run that had not ended, whose caller got no answer, is gone.
// In memory, only the latest runs keep their history, and only the latest runs of each flow their
// result, so a steady load grows neither the emulator nor its log without bound.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startEmulator } from '../../../emulator/src/server';
import { AppendLog, type LogFile } from '../../../emulator/src/store/appendLog';
import { FnfStore } from '../../../emulator/src/store/fnfStore';
import type { LogRecord, StoredExecution } from '../../../emulator/src/store/records';
import { distributedMapFlow, eventually, FnfTestClient, PASS_CHOICE_FLOW, tempDir, WAIT_FLOW } from './support';

const flowParams = (name: string, definition: string, mode: 'Standard' | 'Express') => ({
  Name: name, Definition: definition, Description: '', Type: 'FDL', ExecutionMode: mode,
});

async function logRecords(dataDir: string): Promise<LogRecord[]> {
  const { log, records } = await AppendLog.open<LogRecord>(`${dataDir}/fnf.jsonl`, { noSync: true });
  await log.close();
  return records;
}

/** Records that name the execution `name` (its start, events or end). */
function recordsOf(records: readonly LogRecord[], name: string): LogRecord[] {
  return records.filter((r) => ((r.k === 'execStarted' || r.k === 'syncResult') && r.exec.Name === name) || ((r.k === 'event' || r.k === 'execEnded') && r.exec === name));
}

const quiet = { onWarning: () => undefined, onError: () => undefined };

/** A running Express sync run of flow `flowId`, as StartSyncExecution records it. */
function expressRun(flowId: string, name: string): StoredExecution {
  return {
    FlowName: 'ex', FlowId: flowId, Name: name, Status: 'Running', Input: '{}', Output: '', FlowDefinition: 'x', StartedTime: 't',
    StoppedTime: '', ErrorCode: '', ErrorMessage: '', Mode: 'Express', Environment: '',
  };
}

/** Runs each of `names` as an Express sync run of flow `flowId` in `store`, to its end. */
async function syncRuns(store: FnfStore, flowId: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const entry = store.startResultOnlyExecution(expressRun(flowId, name));
    await store.endExecution(entry, { status: 'Succeeded', output: '{}', stoppedTime: 't2', errorCode: '', errorMessage: '' });
  }
}

describe('Express sync runs on disk', () => {
  test('after a restart, the result of each run is kept, from one record per run and nothing else', async () => {
    const dir = await tempDir();
    try {
      const first = await startEmulator({ port: 0, dataDir: dir.path });
      const c1 = new FnfTestClient(first.endpoint);
      await c1.ok('CreateFlow', flowParams('ex', PASS_CHOICE_FLOW, 'Express'));
      await c1.ok('PublishFlowVersion', { FlowName: 'ex' });
      const ok = await c1.ok('StartSyncExecution', { FlowName: 'ex', ExecutionName: 'good', Input: '{"fail":false,"x":1}', Qualifier: '1' });
      const bad = await c1.ok('StartSyncExecution', { FlowName: 'ex', ExecutionName: 'bad', Input: '{"fail":true}' });
      const okName = String(ok['Name']);
      const badName = String(bad['Name']);
      // While the emulator runs, the history is there to read (kept in memory only).
      const events = (await c1.ok('GetExecutionHistory', { FlowName: 'ex', ExecutionName: okName }))['Events'] as { Type: string }[];
      assert.equal(events[0]?.Type, 'ExecutionStarted');
      assert.equal(events.at(-1)?.Type, 'ExecutionSucceeded');
      const before = await c1.ok('DescribeExecution', { FlowName: 'ex', ExecutionName: okName });
      await first.close();

      const records = await logRecords(dir.path);
      for (const name of [okName, badName]) {
        const mine = recordsOf(records, name);
        assert.equal(mine.length, 1, `one record for ${name}, got ${JSON.stringify(mine.map((r) => r.k))}`);
        assert.equal(mine[0]?.k, 'syncResult');
      }

      const second = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const c2 = new FnfTestClient(second.endpoint);
        const after = await c2.ok('DescribeExecution', { FlowName: 'ex', ExecutionName: okName });
        for (const field of ['Name', 'Status', 'Input', 'Output', 'StartedTime', 'StoppedTime', 'FlowDefinition']) {
          assert.deepEqual(after[field], before[field], field);
        }
        assert.equal(after['Status'], 'Succeeded');
        assert.deepEqual(JSON.parse(String(after['Output'])), { fail: false, x: 1 });
        const failed = await c2.ok('DescribeExecution', { FlowName: 'ex', ExecutionName: badName });
        assert.equal(failed['Status'], 'Failed');
        const listed = (await c2.ok('ListExecutions', { FlowName: 'ex' }))['Executions'] as { Name: string }[];
        assert.deepEqual(listed.map((e) => e.Name).sort(), [okName, badName].sort());
        const byQualifier = (await c2.ok('ListExecutions', { FlowName: 'ex', Qualifier: '1' }))['Executions'] as { Name: string }[];
        assert.deepEqual(byQualifier.map((e) => e.Name), [okName]);
        // The history was never required on disk: after a restart there is none.
        const history = await c2.ok('GetExecutionHistory', { FlowName: 'ex', ExecutionName: okName });
        assert.deepEqual(history['Events'], []);
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test("a distributed Map's Express children keep their result only, as sync runs do; Standard children their history", async () => {
    const mapFlow = (mode: 'Express' | 'Standard') => distributedMapFlow(mode, '        - Type: Pass\n          Name: Child\n          OutputConstructor:\n            seen.$: $Input.n\n          End: true');
    const dir = await tempDir();
    try {
      const first = await startEmulator({ port: 0, dataDir: dir.path });
      const c1 = new FnfTestClient(first.endpoint);
      const children: Record<string, string[]> = {};
      try {
      for (const mode of ['Express', 'Standard'] as const) {
        const flow = `map-${mode.toLowerCase()}`;
        await c1.ok('CreateFlow', flowParams(flow, mapFlow(mode), 'Standard'));
        await c1.ok('StartExecution', { FlowName: flow, ExecutionName: 'run', Input: '{"xs":[{"n":1},{"n":2},{"n":3}]}' });
        const done = await c1.ok('DescribeExecution', { FlowName: flow, ExecutionName: 'run', WaitTimeSeconds: '20' });
        assert.equal(done['Status'], 'Succeeded', JSON.stringify(done));
        const history = (await c1.ok('GetExecutionHistory', { FlowName: flow, ExecutionName: 'run' }))['Events'] as { Type: string; EventDetail: string }[];
        const mapRunName = (JSON.parse(history.find((e) => e.Type === 'IterationEntered')!.EventDetail) as { mapRunName: string }).mapRunName;
        const listed = (await c1.ok('ListExecutions', { FlowName: flow, MapRunName: mapRunName }))['Executions'] as { Name: string }[];
        children[mode] = listed.map((e) => e.Name).sort();
        assert.equal(children[mode].length, 3);
      }
      } finally {
        await first.close();
      }

      const records = await logRecords(dir.path);
      for (const name of children['Express']!) assert.deepEqual(recordsOf(records, name).map((r) => r.k), ['syncResult'], name);
      for (const name of children['Standard']!) assert.deepEqual([...new Set(recordsOf(records, name).map((r) => r.k))], ['execStarted', 'event', 'execEnded'], name);

      const second = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const c2 = new FnfTestClient(second.endpoint);
        const child = await c2.ok('DescribeExecution', { FlowName: 'map-express', ExecutionName: children['Express']![1]! });
        assert.equal(child['Status'], 'Succeeded');
        assert.deepEqual(JSON.parse(String(child['Output'])), { seen: 2 });
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a run still going when the emulator stops leaves nothing; a Standard one is still marked interrupted', async () => {
    const dir = await tempDir();
    try {
      const first = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 1 });
      const c1 = new FnfTestClient(first.endpoint);
      await c1.ok('CreateFlow', flowParams('slowex', WAIT_FLOW, 'Express'));
      await c1.ok('CreateFlow', flowParams('slowstd', WAIT_FLOW, 'Standard'));
      await c1.ok('StartExecution', { FlowName: 'slowstd', ExecutionName: 'std', Input: '{"seconds":20}' });
      const sync = c1.call('StartSyncExecution', { FlowName: 'slowex', ExecutionName: 'held', Input: '{"seconds":20}' }).then(
        () => 'answered',
        () => 'cut off',
      );
      const running = await eventually(async () => {
        const list = (await c1.ok('ListExecutions', { FlowName: 'slowex' }))['Executions'] as { Name: string; Status: string }[];
        return list.length > 0 ? list : undefined;
      }, 'the Express run to be listed');
      assert.equal(running[0]?.Status, 'Running');
      await first.close();
      assert.equal(await sync, 'cut off');
      assert.deepEqual(recordsOf(await logRecords(dir.path), String(running[0]?.Name)), []);

      const second = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const c2 = new FnfTestClient(second.endpoint);
        assert.deepEqual((await c2.ok('ListExecutions', { FlowName: 'slowex' }))['Executions'], []);
        assert.equal((await c2.ok('DescribeExecution', { FlowName: 'slowstd', ExecutionName: 'std' }))['Status'], 'Failed');
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a result storage refuses is answered 503 and leaves no execution behind', async () => {
    const dir = await tempDir();
    let full = false;
    const wrap = (file: LogFile): LogFile => ({
      async write(data, position) {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return file.write(data, position);
      },
      datasync: () => file.datasync(),
      truncate: (length) => file.truncate(length),
    });
    const emulator = await startEmulator({ port: 0, dataDir: dir.path, wrapLogFile: (_p, f) => wrap(f), ...quiet });
    try {
      const client = new FnfTestClient(emulator.endpoint);
      await client.ok('CreateFlow', flowParams('ex', PASS_CHOICE_FLOW, 'Express'));
      full = true;
      const refused = await client.call('StartSyncExecution', { FlowName: 'ex', Input: '{"fail":false}' });
      assert.equal(refused.status, 503);
      assert.equal(refused.body['Code'], 'ServiceUnavailable');
      assert.deepEqual((await client.ok('ListExecutions', { FlowName: 'ex' }))['Executions'], []);
      full = false;
      const later = await client.ok('StartSyncExecution', { FlowName: 'ex', Input: '{"fail":false}' });
      assert.equal(later['Status'], 'Succeeded');
      assert.equal(((await client.ok('ListExecutions', { FlowName: 'ex' }))['Executions'] as unknown[]).length, 1);
    } finally {
      await emulator.close();
      await dir.remove();
    }
  });

  test('only the latest ended runs keep their history in memory; older ones keep their result, a running one its events', async () => {
    const dir = await tempDir();
    try {
      const store = await FnfStore.open(dir.path, { now: () => 0, noSync: true, keptExpressHistories: 2 });
      const start = async (name: string) => {
        const entry = store.startResultOnlyExecution(expressRun('f1', name));
        for (let id = 1; id <= 2; id++) await store.appendEvent(entry, { EventId: id, ScheduleEventId: id - 1, Type: 'StepEntered', StepName: 'A', Time: 't', EventDetail: '{}' });
        return entry;
      };
      const end = (entry: Awaited<ReturnType<typeof start>>) =>
        store.endExecution(entry, { status: 'Succeeded', output: `{"run":"${entry.exec.Name}"}`, stoppedTime: 't2', errorCode: '', errorMessage: '' });
      for (const name of ['r1', 'r2', 'r3']) await end(await start(name));
      const running = await start('r4');
      const events = (name: string) => store.execution('f1', name)?.events.length;
      assert.deepEqual(['r1', 'r2', 'r3', 'r4'].map(events), [0, 2, 2, 2]);
      const oldest = store.execution('f1', 'r1')?.exec;
      assert.equal(oldest?.Status, 'Succeeded');
      assert.equal(oldest?.Output, '{"run":"r1"}');
      await end(running);
      assert.deepEqual(['r1', 'r2', 'r3', 'r4'].map(events), [0, 0, 2, 2]);
      await store.close();
    } finally {
      await dir.remove();
    }
  });

  test('only the latest ended runs of each flow keep their result; the others are forgotten, in memory, after a restart and in the log', async () => {
    const dir = await tempDir();
    try {
      const options = { now: () => 0, noSync: true, keptExpressHistories: 1, keptExpressResults: 3 };
      const store = await FnfStore.open(dir.path, options);
      const names = (target: FnfStore, flowId: string) => target.executions(flowId).map((e) => e.exec.Name);
      await syncRuns(store, 'f1', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
      await syncRuns(store, 'f2', ['b1', 'b2']);
      // A running one is not counted until it ends.
      const running = store.startResultOnlyExecution(expressRun('f1', 'a9'));
      assert.deepEqual(names(store, 'f1'), ['a6', 'a7', 'a8', 'a9']);
      assert.deepEqual(names(store, 'f2'), ['b1', 'b2']);
      assert.equal(store.execution('f1', 'a1'), undefined);
      await store.endExecution(running, { status: 'Failed', output: '', stoppedTime: 't2', errorCode: 'E', errorMessage: 'm' });
      assert.deepEqual(names(store, 'f1'), ['a7', 'a8', 'a9']);
      await store.close();

      // The log still holds every result written; reading it back keeps the same ones.
      assert.equal((await logRecords(dir.path)).filter((r) => r.k === 'syncResult').length, 11);
      const reopened = await FnfStore.open(dir.path, { ...options, compactMinGarbage: 1 });
      try {
        assert.deepEqual(names(reopened, 'f1'), ['a7', 'a8', 'a9']);
        assert.equal(reopened.execution('f1', 'a9')?.exec.Status, 'Failed');
        assert.deepEqual(names(reopened, 'f2'), ['b1', 'b2']);
        // Compacted on opening (the log holds more than twice the live records): the forgotten results are gone from disk too.
        assert.equal(reopened.logRecords, 5);
        await syncRuns(reopened, 'f1', ['a10']);
        assert.deepEqual(names(reopened, 'f1'), ['a8', 'a9', 'a10']);
      } finally {
        await reopened.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a re-created flow starts with none of the deleted one\'s results; results in a log written before syncResult records existed are kept', async () => {
    const dir = await tempDir();
    try {
      const flow = { Name: 'ex', Id: 'f1', Type: 'FDL', Definition: 'x', Description: '', RoleArn: '', ExternalStorageLocation: '', ExecutionMode: 'Express', Environment: '', CreatedTime: 't', LastModifiedTime: 't' };
      const older = { ...expressRun('f0', 'old'), Status: 'Succeeded' as const, Output: '{"old":true}', StoppedTime: 't2' };
      await writeFile(join(dir.path, 'fnf.jsonl'), [{ k: 'flow', flow: { ...flow, Id: 'f0' } }, { k: 'execStarted', exec: older }].map((r) => JSON.stringify(r)).join('\n') + '\n');
      const store = await FnfStore.open(dir.path, { now: () => 0, noSync: true, keptExpressResults: 2 });
      try {
        assert.equal(store.execution('f0', 'old')?.exec.Output, '{"old":true}');
        await store.putFlow(flow);
        await syncRuns(store, 'f1', ['r1', 'r2']);
        await store.deleteFlow(flow);
        await store.putFlow({ ...flow, Id: 'f2' });
        await syncRuns(store, 'f2', ['n1']);
        assert.deepEqual(store.executions('f2').map((e) => e.exec.Name), ['n1']);
        assert.deepEqual(store.executions('f1'), []);
      } finally {
        await store.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test("a run of its flow's latest definition is written without it and read back with it, after a restart and a compaction", async () => {
    const dir = await tempDir();
    try {
      const flow = { Name: 'ex', Id: 'f1', Type: 'FDL', Definition: 'D1', Description: '', RoleArn: '', ExternalStorageLocation: '', ExecutionMode: 'Express', Environment: '', CreatedTime: 't', LastModifiedTime: 't' };
      const options = { now: () => 0, noSync: true };
      const store = await FnfStore.open(dir.path, options);
      const run = async (target: FnfStore, name: string, definition: string, version?: string) => {
        const entry = target.startResultOnlyExecution({ ...expressRun('f1', name), FlowDefinition: definition, ...(version ? { FlowVersion: version } : {}) });
        await target.endExecution(entry, { status: 'Succeeded', output: '{}', stoppedTime: 't2', errorCode: '', errorMessage: '' });
      };
      await store.putFlow(flow);
      await run(store, 'latest1', 'D1');
      await run(store, 'version1', 'D1', '1');
      // Started before the update, ended after it: its record is written when D2 is the flow's.
      const straddling = store.startResultOnlyExecution({ ...expressRun('f1', 'straddling'), FlowDefinition: 'D1' });
      await store.putFlow({ ...flow, Definition: 'D2' });
      await store.endExecution(straddling, { status: 'Succeeded', output: '{}', stoppedTime: 't2', errorCode: '', errorMessage: '' });
      await run(store, 'latest2', 'D2');
      // Written while an update of its flow is on its way to disk: the log will hold D3 before it.
      const update = store.putFlow({ ...flow, Definition: 'D3' });
      await run(store, 'racing', 'D2');
      await update;
      // A Standard run's start record follows the same rule.
      await store.startExecution({ ...expressRun('f1', 'standard'), Mode: 'Standard', FlowDefinition: 'D3' });
      await store.close();

      const written = new Map((await logRecords(dir.path)).flatMap((r) => (r.k === 'syncResult' || r.k === 'execStarted' ? [[r.exec.Name, r.exec.FlowDefinition]] : [])));
      assert.deepEqual(Object.fromEntries(written), {
        latest1: undefined, version1: 'D1', straddling: 'D1', latest2: undefined, racing: 'D2', standard: undefined,
      });
      const expected = { latest1: 'D1', version1: 'D1', straddling: 'D1', latest2: 'D2', racing: 'D2', standard: 'D3' };
      const definitions = (target: FnfStore) => Object.fromEntries(target.executions('f1').map((e) => [e.exec.Name, e.exec.FlowDefinition]));
      const reopened = await FnfStore.open(dir.path, options);
      try {
        assert.deepEqual(definitions(reopened), expected);
        await reopened.compact();
      } finally {
        await reopened.close();
      }
      const compacted = await FnfStore.open(dir.path, options);
      try {
        assert.deepEqual(definitions(compacted), expected);
      } finally {
        await compacted.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a record without a definition and no flow before it is refused clearly, the log left as it was', async () => {
    const dir = await tempDir();
    try {
      const { FlowDefinition: _, ...orphan } = { ...expressRun('f9', 'orphan'), Status: 'Succeeded' as const };
      const text = JSON.stringify({ k: 'syncResult', exec: orphan }) + '\n';
      await writeFile(join(dir.path, 'fnf.jsonl'), text);
      await assert.rejects(FnfStore.open(dir.path, { now: () => 0, noSync: true }), /record 1 is not one this emulator writes \(execution orphan has no FlowDefinition/);
      assert.equal(await readFile(join(dir.path, 'fnf.jsonl'), 'utf8'), text);
    } finally {
      await dir.remove();
    }
  });

  test('after a restart, the runs of one definition share one copy of it, as while the emulator ran', async () => {
    const dir = await tempDir();
    try {
      // 400 runs of a 20 KB definition: 8 MB if each held its own copy.
      const definition = `Type: StateMachine\nSpecVersion: v1\n# ${'x'.repeat(20_000)}\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n`;
      const first = await FnfStore.open(dir.path, { now: () => 0, noSync: true });
      for (let i = 0; i < 400; i++) {
        const entry = first.startResultOnlyExecution({ ...expressRun('f1', `r${i}`), FlowDefinition: definition });
        await first.endExecution(entry, { status: 'Succeeded', output: '{}', stoppedTime: 't2', errorCode: '', errorMessage: '' });
      }
      await first.close();

      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const before = process.memoryUsage().heapUsed;
      const second = await FnfStore.open(dir.path, { now: () => 0, noSync: true });
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      try {
        assert.equal(second.executions('f1').length, 400);
        for (const e of second.executions('f1')) assert.equal(e.exec.FlowDefinition, definition);
        assert.ok(grown < 3_000_000, `the reopened store holds ${(grown / 1e6).toFixed(1)} MB more`);
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });
});
