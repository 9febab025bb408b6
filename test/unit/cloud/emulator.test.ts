// Every fnf operation of FnfClient over real HTTP on loopback against the local emulator,
// including faults it injects (429 ResourceThrottled, 500 InternalServerError), and the tail of
// running executions checked against the full recorded history.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';
import type { TaskEnvironment, TaskRequest } from '../../../emulator/src/engine';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { CloudError } from '../../../cloud/src/errors';
import type { HistoryEvent, TailItem } from '../../../cloud/src/fnf/types';

const WAITS = `Type: StateMachine
SpecVersion: v1
Name: waits
StartAt: Loop
States:
  - Type: Map
    Name: Loop
    ItemsPath: $Input.items
    MaxConcurrency: 1
    Processor:
      StartAt: Nap
      States:
        - Type: Wait
          Name: Nap
          Seconds: 1
          Next: Echo
        - Type: Pass
          Name: Echo
          End: true
    End: true
`;
/** Waits for a callback that never comes, so it runs until stopped. */
const SLEEPY = `Type: StateMachine
SpecVersion: v1
Name: sleepy
StartAt: Hold
States:
  - Type: Task
    Name: Hold
    Action: FC:InvokeFunction
    TaskMode: WaitForCustomCallback
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:123456789012:functions/never/LATEST
    End: true
`;
const QUICK = `Type: StateMachine
SpecVersion: v1
Name: quick
StartAt: Answer
States:
  - Type: Pass
    Name: Answer
    OutputConstructor:
      echoed.$: $Input.n
    End: true
`;
const CALLBACK = `Type: StateMachine
SpecVersion: v1
Name: callback
StartAt: Ask
States:
  - Type: Task
    Name: Ask
    Action: FC:InvokeFunction
    TaskMode: WaitForCustomCallback
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:123456789012:functions/approve/LATEST
      body:
        q.$: $Input.q
    End: true
`;

/** Records the task tokens of WaitForCustomCallback tasks so the test can report on them. */
function recordingTasks(tokens: string[]): TaskEnvironment {
  return {
    invoke: (req: TaskRequest) => {
      if (req.taskToken) tokens.push(req.taskToken);
      return {};
    },
  };
}

async function drain(it: AsyncIterable<TailItem>, onEvent?: (e: HistoryEvent) => Promise<void>): Promise<{ events: HistoryEvent[]; end?: Extract<TailItem, { type: 'end' }> }> {
  const events: HistoryEvent[] = [];
  for await (const item of it) {
    if (item.type === 'end') return { events, end: item };
    events.push(item.event);
    await onEvent?.(item.event);
  }
  return { events };
}

async function fullHistory(c: FnfClient, flow: string, exec: string): Promise<number[]> {
  const ids: number[] = [];
  for await (const e of c.getExecutionHistory({ FlowName: flow, ExecutionName: exec, Limit: 999 })) ids.push(e.EventId);
  return ids;
}

describe('FnfClient against the emulator', () => {
  let dir: string;
  let emu: RunningEmulator;
  let c: FnfClient;
  const tokens: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowdeck-cloud-emu-'));
    emu = await startEmulator({ port: 0, dataDir: join(dir, 'data'), timeScale: 0.01, tasks: recordingTasks(tokens) });
    c = new FnfClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret) });
  });
  after(async () => {
    await c.close();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('flows: create, describe, update, list in pages, deploy, delete, and their error codes', async () => {
    const created = await c.createFlow({ Name: 'waits', Definition: WAITS, Description: 'loops' });
    assert.equal(created.Name, 'waits');
    assert.equal(created.ExecutionMode, 'Standard');
    assert.ok(created.RequestId);
    await c.createFlow({ Name: 'quick', Definition: QUICK, ExecutionMode: 'Express' });
    await c.createFlow({ Name: 'sleepy', Definition: SLEEPY });
    await c.createFlow({ Name: 'callback', Definition: CALLBACK });
    await assert.rejects(c.createFlow({ Name: 'waits', Definition: WAITS }), (e: unknown) => e instanceof CloudError && e.code === 'FlowAlreadyExists' && e.status === 409);

    const described = await c.describeFlow('quick');
    assert.equal(described.ExecutionMode, 'Express');
    assert.equal(described.Definition, QUICK);
    const updated = await c.updateFlow({ Name: 'waits', Description: 'loops, updated' });
    assert.equal(updated.Description, 'loops, updated');

    const names: string[] = [];
    for await (const f of c.listFlows({ Limit: 1 })) names.push(f.Name);
    assert.deepEqual([...names].sort(), ['callback', 'quick', 'sleepy', 'waits']);

    const redeploy = await c.deployFlow({ Name: 'quick', Definition: QUICK, ExecutionMode: 'Standard' });
    assert.equal(redeploy.action, 'updated');
    assert.equal(redeploy.executionModeUnchanged?.deployed, 'Express');
    const fresh = await c.deployFlow({ Name: 'temp', Definition: QUICK.replace('Name: quick', 'Name: temp') });
    assert.equal(fresh.action, 'created');
    await c.deleteFlow('temp');
    await assert.rejects(c.describeFlow('temp'), (e: unknown) => e instanceof CloudError && e.code === 'FlowNotExists' && e.status === 404 && !!e.requestId);
  });

  test('a running execution is tailed with no lost or repeated events, across small pages and polls', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ i }));
    const started = await c.startExecution({ FlowName: 'waits', ExecutionName: 'run-1', Input: { items } });
    assert.equal(started.Name, 'run-1');
    const { events, end } = await drain(c.tailExecution('waits', 'run-1', { pageLimit: 2, pollIntervalMs: 20 }));
    const ids = events.map((e) => e.EventId);
    assert.deepEqual(ids, await fullHistory(c, 'waits', 'run-1'));
    assert.ok(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number)));
    assert.equal(events[0]?.Type, 'ExecutionStarted');
    assert.equal(events[events.length - 1]?.Type, 'ExecutionSucceeded');
    assert.equal(events.filter((e) => e.Type === 'IterationEntered').length, 12);
    assert.equal(end?.execution.Status, 'Succeeded');
    assert.ok(end?.execution.Output !== undefined, JSON.stringify(end?.execution));

    const page = await c.getExecutionHistoryPage({ FlowName: 'waits', ExecutionName: 'run-1', Limit: 5 });
    assert.equal(page.items.length, 5);
    assert.ok(page.NextToken);
    await assert.rejects(c.startExecution({ FlowName: 'waits', ExecutionName: 'run-1', Input: { items } }), (e: unknown) => e instanceof CloudError && e.code === 'ExecutionAlreadyExists');
  });

  test('executions: describe with long poll, list in pages, stop', async () => {
    await c.startExecution({ FlowName: 'waits', ExecutionName: 'run-2', Input: { items: [{}] } });
    const done = await c.describeExecution({ FlowName: 'waits', ExecutionName: 'run-2', WaitTimeSeconds: 30 });
    assert.equal(done.Status, 'Succeeded');
    assert.deepEqual(done.Input, { items: [{}] });

    const listed: string[] = [];
    for await (const x of c.listExecutions({ FlowName: 'waits', Limit: 1 })) listed.push(x.Name);
    assert.deepEqual([...listed].sort(), ['run-1', 'run-2']);

    await c.startExecution({ FlowName: 'sleepy', ExecutionName: 'nap' });
    const stopped = await c.stopExecution({ FlowName: 'sleepy', ExecutionName: 'nap', Error: 'Manual', Cause: 'stopped by the test' });
    assert.equal(stopped.Name, 'nap');
    const after = await c.describeExecution({ FlowName: 'sleepy', ExecutionName: 'nap', WaitTimeSeconds: 30 });
    assert.equal(after.Status, 'Stopped');
    const { events, end } = await drain(c.tailExecution('sleepy', 'nap'));
    assert.equal(events[events.length - 1]?.Type, 'ExecutionStopped');
    assert.equal(end?.execution.Status, 'Stopped');
    await assert.rejects(c.stopExecution({ FlowName: 'sleepy', ExecutionName: 'nap' }), (e: unknown) => e instanceof CloudError && e.code === 'ExecutionAlreadyCompleted');
    await assert.rejects(c.describeExecution({ FlowName: 'sleepy', ExecutionName: 'ghost' }), (e: unknown) => e instanceof CloudError && e.code === 'ExecutionNotExists');
  });

  test('express: StartSyncExecution returns the output', async () => {
    const res = await c.startSyncExecution({ FlowName: 'quick', ExecutionName: 'sync', Input: { n: 21 } });
    assert.equal(res.Status, 'Succeeded');
    assert.deepEqual(res.Output, { echoed: 21 });
    assert.match(res.Name, /^sync:/);
    // The name the service gave the run (`sync:{UUID}`) names it in the calls that read it back.
    const described = await c.describeExecution({ FlowName: 'quick', ExecutionName: res.Name });
    assert.equal(described.Status, 'Succeeded');
    const types: string[] = [];
    for await (const e of c.getExecutionHistory({ FlowName: 'quick', ExecutionName: res.Name })) types.push(e.Type);
    assert.equal(types[0], 'ExecutionStarted');
    assert.equal(types.at(-1), 'ExecutionSucceeded');
    const unnamed = await c.startSyncExecution({ FlowName: 'quick', Input: { n: 1 } });
    assert.equal((await c.describeExecution({ FlowName: 'quick', ExecutionName: unnamed.Name })).Name, unnamed.Name);
    // Only that form: anything else that breaks the name rule is still refused before it is sent.
    for (const name of ['sync:not-a-uuid', 'a b:0f1e2d3c-1111-2222-3333-444455556666', 'sync:0f1e2d3c-1111-2222-3333-444455556666:x']) {
      await assert.rejects(c.describeExecution({ FlowName: 'quick', ExecutionName: name }), (e: unknown) => e instanceof CloudError && e.code === 'InvalidInput', name);
    }
  });

  test('callbacks: ReportTaskSucceeded and ReportTaskFailed reach the waiting task', async () => {
    for (const outcome of ['succeeded', 'failed'] as const) {
      const name = `cb-${outcome}`;
      const before = tokens.length;
      await c.startExecution({ FlowName: 'callback', ExecutionName: name, Input: { q: outcome } });
      const { end } = await drain(c.tailExecution('callback', name, { pollIntervalMs: 20 }), async (e) => {
        if (e.Type !== 'TaskSubmitted') return;
        const token = tokens[before];
        assert.ok(token, 'the task received a token');
        const r =
          outcome === 'succeeded'
            ? await c.reportTaskSucceeded({ TaskToken: token, Output: { approved: true } })
            : await c.reportTaskFailed({ TaskToken: token, Error: 'Rejected', Cause: 'no' });
        assert.ok(r.RequestId);
      });
      assert.equal(end?.execution.Status, outcome === 'succeeded' ? 'Succeeded' : 'Failed');
    }
    const used = tokens[tokens.length - 1] as string;
    await assert.rejects(c.reportTaskSucceeded({ TaskToken: used, Output: {} }), (e: unknown) => e instanceof CloudError && e.status >= 400 && e.status < 500);
  });

  test('ACS3-signed requests are accepted too', async () => {
    const acs3 = new FnfClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), signatureAlgorithm: 'acs3' });
    try {
      assert.equal((await acs3.describeFlow('waits')).Name, 'waits');
      const r = await acs3.startSyncExecution({ FlowName: 'quick', Input: { n: 1 } });
      assert.deepEqual(r.Output, { echoed: 1 });
    } finally {
      await acs3.close();
    }
  });

  test('schedules: create, describe, update, list in pages, delete', async () => {
    const s = await c.createSchedule({ FlowName: 'waits', ScheduleName: 'every-min', CronExpression: '0 * * * * *', Payload: { items: [] }, Enable: true, Description: 'd' });
    assert.equal(s.ScheduleName, 'every-min');
    assert.deepEqual(s.Payload, { items: [] });
    await c.createSchedule({ FlowName: 'waits', ScheduleName: 'hourly', CronExpression: '0 0 * * * *' });
    assert.equal((await c.describeSchedule({ FlowName: 'waits', ScheduleName: 'every-min' })).Enable, true);
    const u = await c.updateSchedule({ FlowName: 'waits', ScheduleName: 'every-min', Enable: false, CronExpression: '@every 5m' });
    assert.equal(u.Enable, false);
    const names: string[] = [];
    for await (const x of c.listSchedules({ FlowName: 'waits', Limit: 1 })) names.push(x.ScheduleName);
    assert.deepEqual([...names].sort(), ['every-min', 'hourly']);
    await c.deleteSchedule({ FlowName: 'waits', ScheduleName: 'hourly' });
    await assert.rejects(c.describeSchedule({ FlowName: 'waits', ScheduleName: 'hourly' }), (e: unknown) => e instanceof CloudError && e.code === 'ScheduleNotExists');
  });
});

describe('FnfClient against the emulator injecting throttling and server errors', () => {
  test('every call succeeds through retries and the tail still loses and repeats nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-cloud-faults-'));
    const emu = await startEmulator({ port: 0, dataDir: join(dir, 'data'), timeScale: 0.01, faults: { throttleRate: 0.2, errorRate: 0.15, seed: 11 } });
    const lines: string[] = [];
    // Virtual time for backoff and buckets: retries do not wait in real time.
    const c = new FnfClient({
      endpoint: emu.endpoint,
      credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret),
      clock: new SimulatedClock(Date.now()),
      retry: { maxAttempts: 12 },
      log: (l) => lines.push(l),
    });
    try {
      await c.deployFlow({ Name: 'waits', Definition: WAITS });
      await c.deployFlow({ Name: 'waits', Definition: WAITS, Description: 'again' });
      for (let run = 0; run < 3; run++) {
        const name = `f-${run}`;
        await c.startExecution({ FlowName: 'waits', ExecutionName: name, Input: { items: [1, 2, 3, 4, 5, 6] } });
        const { events, end } = await drain(c.tailExecution('waits', name, { pageLimit: 3, pollIntervalMs: 10 }));
        assert.deepEqual(events.map((e) => e.EventId), await fullHistory(c, 'waits', name));
        assert.equal(end?.execution.Status, 'Succeeded');
      }
      assert.ok(lines.some((l) => l.includes('ResourceThrottled [HTTP 429]') && l.includes('retry')), 'saw injected throttling');
      assert.ok(lines.some((l) => l.includes('InternalServerError [HTTP 500]') && l.includes('retry')), 'saw injected server errors');
    } finally {
      await c.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
