// Executions over real HTTP: Standard and Express modes, name rules, long polls, history paging,
// stop, task callbacks and listing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TaskEnvironment, TaskRequest } from '../../../emulator/src/engine';
import { eventually, PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

const CALLBACK_FLOW = `Type: StateMachine
SpecVersion: v1
Name: approval
StartAt: Approve
States:
  - Type: Task
    Name: Approve
    Action: FC:InvokeFunction
    TaskMode: WaitForCustomCallback
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:123:services/s/functions/f
    End: true
`;

/** Tasks that wait for a callback: remember each token so the test can report it. */
class CallbackTasks implements TaskEnvironment {
  readonly waiting: TaskRequest[] = [];
  invoke(request: TaskRequest) {
    this.waiting.push(request);
    return {};
  }
  tokenFor(executionName: string): string | undefined {
    return this.waiting.find((r) => r.executionName === executionName)?.taskToken;
  }
}

const flowParams = (name: string, definition: string, mode?: 'Standard' | 'Express') => ({
  Name: name, Definition: definition, Description: '', Type: 'FDL', ...(mode ? { ExecutionMode: mode } : {}),
});

describe('emulator executions', () => {
  let f: EmulatorFixture;
  const tasks = new CallbackTasks();
  before(async () => {
    f = await startTestEmulator({ tasks });
    await f.client.ok('CreateFlow', flowParams('std', PASS_CHOICE_FLOW));
    await f.client.ok('CreateFlow', flowParams('express', PASS_CHOICE_FLOW, 'Express'));
    await f.client.ok('CreateFlow', flowParams('callback', CALLBACK_FLOW));
  });
  after(() => f.close());

  const startCallback = async (name: string) => {
    const started = await f.client.ok('StartExecution', { FlowName: 'callback', ExecutionName: name, Input: '{"n":1}' });
    const token = await eventually(async () => tasks.tokenFor(name), `the task token of ${name}`);
    return { started, token };
  };

  test('StartExecution returns at once; DescribeExecution with WaitTimeSeconds waits for the end', async () => {
    const started = await f.client.ok('StartExecution', { FlowName: 'std', ExecutionName: 'e_ok', Input: '{"fail":false,"v":7}' });
    assert.equal(started['Name'], 'e_ok');
    assert.equal(started['FlowName'], 'std');
    assert.equal(started['Input'], '{"fail":false,"v":7}');
    assert.equal(started['FlowDefinition'], PASS_CHOICE_FLOW);
    const done = await f.client.ok('DescribeExecution', { FlowName: 'std', ExecutionName: 'e_ok', WaitTimeSeconds: '10' });
    assert.equal(done['Status'], 'Succeeded');
    assert.deepEqual(JSON.parse(String(done['Output'])), { fail: false, v: 7 });
    assert.ok(done['StoppedTime']);
  });

  test('a failing execution reads Failed, and its history ends with ExecutionFailed carrying the Fail state code', async () => {
    await f.client.ok('StartExecution', { FlowName: 'std', ExecutionName: 'e_fail', Input: '{"fail":true}' });
    const done = await f.client.ok('DescribeExecution', { FlowName: 'std', ExecutionName: 'e_fail', WaitTimeSeconds: '10' });
    assert.equal(done['Status'], 'Failed');
    const history = await f.client.ok('GetExecutionHistory', { FlowName: 'std', ExecutionName: 'e_fail', Limit: '999' });
    const events = history['Events'] as { Type: string; EventDetail: string }[];
    assert.equal(events[0]?.Type, 'ExecutionStarted');
    const last = events.at(-1);
    assert.equal(last?.Type, 'ExecutionFailed');
    assert.match(String(last?.EventDetail), /Demo\.Failed/);
  });

  test('GetExecutionHistory pages with NextToken and Limit; EventIds run 1..N without gaps', async () => {
    await f.client.ok('StartExecution', { FlowName: 'std', ExecutionName: 'e_hist', Input: '{}' });
    await f.client.ok('DescribeExecution', { FlowName: 'std', ExecutionName: 'e_hist', WaitTimeSeconds: '10' });
    const all = (await f.client.ok('GetExecutionHistory', { FlowName: 'std', ExecutionName: 'e_hist', Limit: '999' }))['Events'] as {
      EventId: number; ScheduleEventId: number; Type: string; StepName: string; Time: string; EventDetail: string;
    }[];
    assert.ok(all.length >= 6);
    assert.deepEqual(all.map((e) => e.EventId), all.map((_, i) => i + 1));
    for (const e of all) {
      assert.equal(typeof e.ScheduleEventId, 'number');
      assert.equal(typeof e.StepName, 'string');
      assert.match(e.Time, /Z$/);
      assert.equal(typeof JSON.parse(e.EventDetail), 'object');
    }
    const paged: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await f.client.ok('GetExecutionHistory', { FlowName: 'std', ExecutionName: 'e_hist', Limit: '2', NextToken: token });
      const events = r['Events'] as { EventId: number }[];
      assert.ok(events.length <= 2);
      paged.push(...events.map((e) => e.EventId));
      token = r['NextToken'] as string | undefined;
      pages++;
    } while (token);
    assert.deepEqual(paged, all.map((e) => e.EventId));
    assert.equal(pages, Math.ceil(all.length / 2));
    for (const bad of ['0', '1000', 'x']) {
      const r = await f.client.call('GetExecutionHistory', { FlowName: 'std', ExecutionName: 'e_hist', Limit: bad });
      assert.equal(r.body['Code'], 'InvalidArgument', `Limit ${bad}`);
    }
  });

  test('GetExecutionHistory returns 60 events by default, then the rest after NextToken', async () => {
    const states = Array.from({ length: 20 }, (_, i) => `  - Type: Pass\n    Name: P${i}\n    ${i < 19 ? `Next: P${i + 1}` : 'End: true'}`);
    const chain = `Type: StateMachine\nSpecVersion: v1\nName: chain\nStartAt: P0\nStates:\n${states.join('\n')}\n`;
    await f.client.ok('CreateFlow', flowParams('chain', chain));
    await f.client.ok('StartExecution', { FlowName: 'chain', ExecutionName: 'long' });
    await f.client.ok('DescribeExecution', { FlowName: 'chain', ExecutionName: 'long', WaitTimeSeconds: '10' });
    const first = await f.client.ok('GetExecutionHistory', { FlowName: 'chain', ExecutionName: 'long' });
    const events = first['Events'] as { EventId: number }[];
    assert.equal(events.length, 60);
    assert.equal(first['NextToken'], '60');
    const rest = await f.client.ok('GetExecutionHistory', { FlowName: 'chain', ExecutionName: 'long', NextToken: '60' });
    assert.equal((rest['Events'] as { EventId: number }[])[0]?.EventId, 61);
  });

  test('the same name while running returns that execution; after it finished it is ExecutionAlreadyExists', async () => {
    const { started, token } = await startCallback('e_same');
    assert.equal(started['Status'], 'Running');
    const again = await f.client.ok('StartExecution', { FlowName: 'callback', ExecutionName: 'e_same', Input: '{"other":true}' });
    assert.equal(again['Name'], 'e_same');
    assert.equal(again['Input'], '{"n":1}', 'the running execution, not a new one');
    await f.client.ok('ReportTaskSucceeded', { Output: '{"approved":true}' }, { queryParams: { TaskToken: token } });
    await f.client.ok('DescribeExecution', { FlowName: 'callback', ExecutionName: 'e_same', WaitTimeSeconds: '10' });
    const r = await f.client.call('StartExecution', { FlowName: 'callback', ExecutionName: 'e_same' });
    assert.equal(r.status, 400);
    assert.equal(r.body['Code'], 'ExecutionAlreadyExists');
    assert.equal(r.body['Message'], 'Execution e_same for flow callback already exists.');
  });

  test('ReportTaskSucceeded resumes the execution with the output and answers the EventId', async () => {
    const { token } = await startCallback('e_cb_ok');
    const report = await f.client.ok('ReportTaskSucceeded', { Output: '{"approved":true}' }, { queryParams: { TaskToken: token } });
    assert.equal(typeof report['EventId'], 'number');
    const done = await f.client.ok('DescribeExecution', { FlowName: 'callback', ExecutionName: 'e_cb_ok', WaitTimeSeconds: '10' });
    assert.equal(done['Status'], 'Succeeded');
    assert.deepEqual(JSON.parse(String(done['Output'])), { approved: true });
    const history = await f.client.ok('GetExecutionHistory', { FlowName: 'callback', ExecutionName: 'e_cb_ok' });
    const reported = (history['Events'] as { EventId: number; Type: string }[]).find((e) => e.EventId === report['EventId']);
    assert.equal(reported?.Type, 'TaskSucceeded');
    const twice = await f.client.call('ReportTaskSucceeded', { Output: '{}' }, { queryParams: { TaskToken: token } });
    assert.equal(twice.status, 400);
    assert.equal(twice.body['Code'], 'TaskAlreadyCompleted');
    assert.equal(twice.body['Message'], `Task ${token} has already completed.`);
  });

  test('ReportTaskFailed fails the execution with the given error', async () => {
    const { token } = await startCallback('e_cb_fail');
    await f.client.ok('ReportTaskFailed', { Error: 'Rejected', Cause: 'the reviewer said no' }, { queryParams: { TaskToken: token } });
    const done = await f.client.ok('DescribeExecution', { FlowName: 'callback', ExecutionName: 'e_cb_fail', WaitTimeSeconds: '10' });
    assert.equal(done['Status'], 'Failed');
    const history = await f.client.ok('GetExecutionHistory', { FlowName: 'callback', ExecutionName: 'e_cb_fail' });
    assert.match(JSON.stringify(history['Events']), /Rejected/);
    const unknown = await f.client.call('ReportTaskFailed', { Error: 'x' }, { queryParams: { TaskToken: 'no-such-token' } });
    assert.equal(unknown.body['Code'], 'InvalidArgument');
    const missing = await f.client.call('ReportTaskFailed', { Error: 'x' });
    assert.equal(missing.body['Code'], 'MissingRequiredParams');
  });

  test('a child started with CallbackFnFTaskToken reports its output to the parent task', async () => {
    const { token } = await startCallback('e_parent');
    await f.client.ok('StartExecution', { FlowName: 'std', ExecutionName: 'e_child', Input: '{"fail":false,"from":"child"}', CallbackFnFTaskToken: token });
    const parent = await f.client.ok('DescribeExecution', { FlowName: 'callback', ExecutionName: 'e_parent', WaitTimeSeconds: '10' });
    assert.equal(parent['Status'], 'Succeeded');
    assert.deepEqual(JSON.parse(String(parent['Output'])), { fail: false, from: 'child' });
  });

  test('StopExecution stops a running execution; stopping it again is ExecutionAlreadyCompleted', async () => {
    await startCallback('e_stop');
    const stopped = await f.client.ok('StopExecution', { FlowName: 'callback', ExecutionName: 'e_stop', Error: 'Manual', Cause: 'test stop' });
    assert.equal(stopped['Status'], 'Stopped');
    const history = await f.client.ok('GetExecutionHistory', { FlowName: 'callback', ExecutionName: 'e_stop' });
    assert.equal((history['Events'] as { Type: string }[]).at(-1)?.Type, 'ExecutionStopped');
    const again = await f.client.call('StopExecution', { FlowName: 'callback', ExecutionName: 'e_stop' });
    assert.equal(again.status, 400);
    assert.equal(again.body['Code'], 'ExecutionAlreadyCompleted');
    assert.equal(again.body['Message'], "Execution 'e_stop' for flow 'callback' has already completed.");
    const tooLong = await f.client.call('StopExecution', { FlowName: 'callback', ExecutionName: 'e_stop', Error: 'x'.repeat(129) });
    assert.equal(tooLong.body['Code'], 'InvalidArgument');
  });

  test('DescribeExecution WaitTimeSeconds returns the running state when the wait runs out', async () => {
    await startCallback('e_poll');
    const r = await f.client.ok('DescribeExecution', { FlowName: 'callback', ExecutionName: 'e_poll', WaitTimeSeconds: '1' });
    assert.equal(r['Status'], 'Running');
    const bad = await f.client.call('DescribeExecution', { FlowName: 'callback', ExecutionName: 'e_poll', WaitTimeSeconds: '61' });
    assert.equal(bad.body['Code'], 'InvalidArgument');
    await f.client.ok('StopExecution', { FlowName: 'callback', ExecutionName: 'e_poll' });
  });

  test('unknown executions are ExecutionNotExists (404) with the service template', async () => {
    const r = await f.client.call('DescribeExecution', { FlowName: 'std', ExecutionName: 'ghost' });
    assert.equal(r.status, 404);
    assert.equal(r.body['Code'], 'ExecutionNotExists');
    assert.equal(r.body['Message'], 'Execution ghost for flow std does not exist.');
    const noFlow = await f.client.call('GetExecutionHistory', { FlowName: 'ghost', ExecutionName: 'x' });
    assert.equal(noFlow.body['Code'], 'FlowNotExists');
  });

  test('Express flows run through StartSyncExecution, which returns the output and a name:uuid', async () => {
    const r = await f.client.ok('StartSyncExecution', { FlowName: 'express', ExecutionName: 'sync', Input: '{"fail":false,"x":1}' });
    assert.equal(r['Status'], 'Succeeded');
    assert.match(String(r['Name']), /^sync:[0-9a-f-]{36}$/);
    assert.deepEqual(JSON.parse(String(r['Output'])), { fail: false, x: 1 });
    assert.ok(r['StartedTime'] && r['StoppedTime']);
    const failed = await f.client.ok('StartSyncExecution', { FlowName: 'express', Input: '{"fail":true}' });
    assert.equal(failed['Status'], 'Failed');
    assert.equal(failed['ErrorCode'], 'Demo.Failed');
    assert.equal(failed['ErrorMessage'], 'asked to fail');
  });

  test('a sync run\'s history, written out only when read, says what a Standard run of the same flow says', async () => {
    const history = async (flow: string, name: string) => {
      const events = (await f.client.ok('GetExecutionHistory', { FlowName: flow, ExecutionName: name, Limit: '999' }))['Events'] as Record<string, unknown>[];
      return events.map(({ Time, ...rest }) => (assert.match(String(Time), /^\d{4}-\d\d-\d\dT/), rest));
    };
    for (const input of ['{"fail":false,"x":{"deep":[1,"two"]}}', '{"fail":true}']) {
      const sync = await f.client.ok('StartSyncExecution', { FlowName: 'express', Input: input });
      await f.client.ok('StartExecution', { FlowName: 'std', ExecutionName: `same_${sync['Status']}`, Input: input });
      await f.client.ok('DescribeExecution', { FlowName: 'std', ExecutionName: `same_${sync['Status']}`, WaitTimeSeconds: '10' });
      const expected = await history('std', `same_${sync['Status']}`);
      assert.ok(expected.length > 3);
      assert.deepEqual(await history('express', String(sync['Name'])), expected);
    }
  });

  test('each start API refuses the other mode', async () => {
    const sync = await f.client.call('StartSyncExecution', { FlowName: 'std' });
    assert.equal(sync.status, 400);
    assert.equal(sync.body['Code'], 'ActionNotSupported');
    assert.equal(sync.body['Message'], 'Standard execution is not supported');
    const async_ = await f.client.call('StartExecution', { FlowName: 'express' });
    assert.equal(async_.status, 400);
    assert.equal(async_.body['Code'], 'ActionNotSupported');
  });

  test('bad inputs are InvalidArgument with a message that says what to pass', async () => {
    const notJson = await f.client.call('StartExecution', { FlowName: 'std', Input: '{oops' });
    assert.equal(notJson.body['Code'], 'InvalidArgument');
    assert.match(String(notJson.body['Message']), /Input is not valid JSON/);
    const notObject = await f.client.call('StartExecution', { FlowName: 'std', Input: '[1]' });
    assert.match(String(notObject.body['Message']), /Input must be a JSON object/);
    const badName = await f.client.call('StartExecution', { FlowName: 'std', ExecutionName: '9lives' });
    assert.equal(badName.body['Code'], 'InvalidArgument');
  });

  test('ListExecutions filters by status and prefix, pages, and can leave out the payloads', async () => {
    for (const n of ['l_1', 'l_2', 'l_3']) await f.client.ok('StartExecution', { FlowName: 'std', ExecutionName: n, Input: '{}' });
    for (const n of ['l_1', 'l_2', 'l_3']) await f.client.ok('DescribeExecution', { FlowName: 'std', ExecutionName: n, WaitTimeSeconds: '10' });
    const names: string[] = [];
    let token: string | undefined;
    do {
      const r = await f.client.ok('ListExecutions', { FlowName: 'std', ExecutionNamePrefix: 'l_', Limit: '2', NextToken: token });
      names.push(...(r['Executions'] as { Name: string }[]).map((e) => e.Name));
      token = r['NextToken'] as string | undefined;
    } while (token);
    assert.deepEqual(names, ['l_1', 'l_2', 'l_3']);
    const failed = await f.client.ok('ListExecutions', { FlowName: 'std', Status: 'Failed' });
    assert.ok((failed['Executions'] as { Status: string }[]).every((e) => e.Status === 'Failed'));
    assert.ok((failed['Executions'] as unknown[]).length >= 1);
    const meta = await f.client.ok('ListExecutions', { FlowName: 'std', ExecutionNamePrefix: 'l_1', MetadataOnly: 'true' });
    const only = (meta['Executions'] as Record<string, unknown>[])[0];
    assert.equal(only?.['Name'], 'l_1');
    assert.equal(only?.['Input'], undefined);
    const badStatus = await f.client.call('ListExecutions', { FlowName: 'std', Status: 'Done' });
    assert.equal(badStatus.body['Code'], 'InvalidArgument');
  });
});
