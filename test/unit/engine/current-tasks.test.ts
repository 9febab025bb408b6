// Task states with local FC handlers: Retry, Catch, Timeout, callbacks, stop, execution timeout, limits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonValue } from '../../../emulator/src/engine';
import { detail, flow, run, start, until, VirtualClock } from './helpers';

const fc = (
  name: string,
  body: Record<string, JsonValue>,
  extra: Record<string, JsonValue> = {},
): Record<string, JsonValue> => ({
  Type: 'Task',
  Name: name,
  Action: 'FC:InvokeFunction',
  Parameters: {
    resourceArn: `acs:fc:cn-hangzhou:123:functions/${name === 'Flaky' ? 'flaky' : name}/LATEST`,
    invocationType: 'Sync',
    body,
  },
  End: true,
  ...extra,
});

describe('Task: FC:InvokeFunction', () => {
  test('invokes the mapped local module; $Output.Body holds its result; Task* events in order', async () => {
    const { result, trace, events } = await run(
      flow([fc('Flaky', { key: 'ok-once', failTimes: 0 }, { OutputConstructor: { 'calls.$': '$Output.Body.calls' } })]),
    );
    assert.deepEqual(result, { status: 'Succeeded', output: { calls: 1 } });
    assert.deepEqual(trace, [
      'ExecutionStarted',
      'StepEntered Flaky',
      'StepStarted Flaky',
      'TaskScheduled Flaky',
      'TaskStarted Flaky',
      'TaskSucceeded Flaky',
      'StepSucceeded Flaky',
      'StepExited Flaky',
      'ExecutionSucceeded',
    ]);
    assert.deepEqual(detail(events[5]), { output: { Body: { key: 'ok-once', calls: 1 } } });
    assert.equal(detail(events[3])['action'], 'FC:InvokeFunction');
  });

  test('Retry waits IntervalSeconds x BackoffRate^n capped at MaxBackoffSeconds, then succeeds', async () => {
    const clock = new VirtualClock();
    const { result, trace } = await run(
      flow([
        fc(
          'Flaky',
          { key: 'retry-3', failTimes: 3 },
          {
            Retry: [
              { Errors: ['SomethingElse'], MaxAttempts: 9, IntervalSeconds: 1 },
              { Errors: ['TransientError'], MaxAttempts: 3, IntervalSeconds: 2, BackoffRate: 3, MaxBackoffSeconds: 10 },
            ],
            OutputConstructor: { 'calls.$': '$Output.Body.calls', 'retries.$': '$Context.Current.RetryCount' },
          },
        ),
      ]),
      { clock },
    );
    assert.deepEqual(result.output, { calls: 4, retries: 3 });
    assert.deepEqual(clock.delays, [2000, 6000, 10000]);
    assert.equal(trace.filter((t) => t === 'TaskFailed Flaky').length, 3);
    assert.equal(trace.filter((t) => t === 'StepFailed Flaky').length, 0);
  });

  test('when retries run out, the first matching Catch rule routes with the error', async () => {
    const { result, trace } = await run(
      flow([
        fc(
          'Flaky',
          { key: 'exhaust', failTimes: 5 },
          {
            Retry: [{ Errors: ['TransientError'], MaxAttempts: 1, IntervalSeconds: 1 }],
            Catch: [
              { Errors: ['Unrelated'], Next: 'Wrong' },
              {
                Errors: ['FnF.ALL'],
                Next: 'Recover',
                OutputConstructor: {
                  'code.$': '$Context.Current.Error.Code',
                  'detail.$': '$Context.Current.Error.Detail',
                },
              },
              { Errors: ['TransientError'], Next: 'Wrong' },
            ],
          },
        ),
        { Type: 'Pass', Name: 'Wrong', End: true },
        { Type: 'Pass', Name: 'Recover', End: true },
      ]),
    );
    assert.deepEqual(result.output, { code: 'TransientError', detail: 'call 2 of exhaust failed' });
    assert.deepEqual(trace.slice(-8), [
      'TaskFailed Flaky',
      'StepFailed Flaky',
      'StepExited Flaky',
      'StepEntered Recover',
      'StepStarted Recover',
      'StepSucceeded Recover',
      'StepExited Recover',
      'ExecutionSucceeded',
    ]);
  });

  test('an uncaught task error fails the execution; a plain Error is FC.Unknown', async () => {
    const { result } = await run(
      flow([
        {
          Type: 'Task',
          Name: 'Boom',
          Action: 'FC:InvokeFunction',
          Parameters: {
            resourceArn: 'acs:fc:cn-hangzhou:123:services/s.LATEST/functions/plain-error',
            invocationType: 'Sync',
            body: {},
          },
          End: true,
        },
      ]),
    );
    assert.deepEqual(result, { status: 'Failed', error: 'FC.Unknown', cause: 'something broke' });
  });

  test('an unmapped function fails with a message that says how to configure it', async () => {
    const { result } = await run(
      flow([
        {
          Type: 'Task',
          Name: 'Missing',
          Action: 'FC:InvokeFunction',
          Parameters: { resourceArn: 'acs:fc:cn-hangzhou:123:functions/nowhere', invocationType: 'Sync' },
          End: true,
        },
      ]),
    );
    assert.equal(result.error, 'FnF.TaskNotConfigured');
    assert.match(
      result.cause!,
      /add "functions": \{ "acs:fc:cn-hangzhou:123:functions\/nowhere": "\.\/path\/to\/handler\.js" \}/,
    );
    assert.match(result.cause!, /\.flowdeck\/emulator\.json/);
  });

  test('other actions use the configured mock output or error', async () => {
    const ok = await run(
      flow([
        {
          Type: 'Task',
          Name: 'Ecs',
          Action: 'ECS:DescribeInstances',
          Parameters: { RegionId: 'cn-hangzhou' },
          End: true,
        },
      ]),
    );
    assert.deepEqual(ok.result.output, { Instances: { Instance: [{ InstanceId: 'i-local' }] } });
    const bad = await run(flow([{ Type: 'Task', Name: 'Mns', Action: 'MNS:SendMessage', End: true }]));
    assert.deepEqual(bad.result, { status: 'Failed', error: 'MNS.QueueNotExist', cause: 'queue q1 does not exist' });
    const none = await run(flow([{ Type: 'Task', Name: 'Oss', Action: 'OSS:GetObject', End: true }]));
    assert.equal(none.result.error, 'FnF.TaskNotConfigured');
    assert.match(none.result.cause!, /"mocks": \{ "OSS:GetObject": \{ "output": \{ \.\.\. \} \} \}/);
  });
});

describe('Task: Timeout, callbacks, stop', () => {
  const never = { invoke: (): Promise<JsonValue> => new Promise(() => undefined) };

  test('Timeout fails the task with FnF.Timeout (TaskTimedOut), which Catch can handle', async () => {
    const clock = new VirtualClock();
    const { result, trace } = await run(
      flow([
        {
          Type: 'Task',
          Name: 'Slow',
          Action: 'Local:Never',
          Timeout: '5',
          Catch: [{ Errors: ['FnF.Timeout'], Next: 'Late' }],
          End: true,
        },
        { Type: 'Pass', Name: 'Late', End: true },
      ]),
      { clock, tasks: never },
    );
    assert.deepEqual(result.output, {
      Code: 'FnF.Timeout',
      Detail: 'state "Slow": the task did not finish within its Timeout of 5 s',
    });
    assert.ok(trace.includes('TaskTimedOut Slow'));
    assert.deepEqual(clock.delays, [5000]);
  });

  test('WaitForCustomCallback waits for reportTaskSucceeded with the token from $Context.Current.TaskToken', async () => {
    const seen: JsonValue[] = [];
    const tasks = { invoke: (r: { parameters: JsonValue }): null => (seen.push(r.parameters), null) };
    const { handle, finished, events } = start(
      flow([
        {
          Type: 'Task',
          Name: 'Approve',
          Action: 'Local:Notify',
          TaskMode: 'WaitForCustomCallback',
          Parameters: { 'token.$': '$Context.Current.TaskToken' },
          OutputConstructor: { 'approved.$': '$Output.approved' },
          End: true,
        },
      ]),
      { tasks, newTaskToken: () => 'token-1' },
    );
    await until(() => handle.pendingTaskTokens().length === 1, 'the callback wait');
    assert.deepEqual(seen, [{ token: 'token-1' }]);
    assert.equal(handle.reportTaskSucceeded('other-token', {}), false);
    assert.equal(handle.reportTaskSucceeded('token-1', { approved: true }), true);
    const { result, trace } = await finished;
    assert.deepEqual(result.output, { approved: true });
    assert.ok(trace.indexOf('TaskSubmitted Approve') < trace.indexOf('TaskSucceeded Approve'));
    assert.deepEqual(detail(events.find((e) => e.Type === 'TaskSubmitted')), { taskToken: 'token-1' });
    assert.equal(handle.reportTaskSucceeded('token-1', {}), false);
  });

  test('reportTaskFailed fails the task with the reported error', async () => {
    const { handle, finished } = start(
      flow([{ Type: 'Task', Name: 'Approve', Action: 'Local:Notify', TaskMode: 'WaitForCustomCallback', End: true }]),
      { tasks: { invoke: () => null } },
    );
    await until(() => handle.pendingTaskTokens().length === 1, 'the callback wait');
    assert.equal(handle.reportTaskFailed(handle.pendingTaskTokens()[0]!, 'Rejected', 'the reviewer said no'), true);
    assert.deepEqual((await finished).result, { status: 'Failed', error: 'Rejected', cause: 'the reviewer said no' });
  });

  test('Express flows refuse callback task modes', async () => {
    const { result } = await run(
      flow([{ Type: 'Task', Name: 'Cb', Action: 'Local:Notify', TaskMode: 'WaitForCustomCallback', End: true }]),
      { executionMode: 'Express', tasks: never },
    );
    assert.equal(result.error, 'FnF.InvalidArgument');
    assert.match(result.cause!, /Express flows support only TaskMode RequestComplete/);
  });

  test('stop() ends a waiting execution with ExecutionStopped, not caught by Catch', async () => {
    const { handle, finished } = start(
      flow([
        {
          Type: 'Task',
          Name: 'Wait',
          Action: 'Local:Notify',
          TaskMode: 'WaitForCustomCallback',
          Catch: [{ Errors: ['FnF.ALL'], Next: 'C' }],
          End: true,
        },
        { Type: 'Pass', Name: 'C', End: true },
      ]),
      { tasks: { invoke: () => null } },
    );
    await until(() => handle.pendingTaskTokens().length === 1, 'the callback wait');
    handle.stop('UserStop', 'no longer needed');
    const { result, trace } = await finished;
    assert.deepEqual(result, { status: 'Stopped', error: 'UserStop', cause: 'no longer needed' });
    assert.equal(trace.at(-1), 'ExecutionStopped');
    assert.ok(!trace.includes('StepEntered C'));
    assert.deepEqual(handle.pendingTaskTokens(), []);
  });

  test('the flow Timeout ends the execution with ExecutionTimedOut', async () => {
    const { result, trace } = await run(flow([{ Type: 'Wait', Name: 'W', Seconds: 100, End: true }], { Timeout: 10 }));
    assert.equal(result.status, 'TimedOut');
    assert.equal(result.error, 'FnF.ExecutionTimeout');
    assert.equal(trace.at(-1), 'ExecutionTimedOut');
  });
});

describe('limits and invalid input', () => {
  test('a state output over 64 KiB fails the execution', async () => {
    const { result } = await run(
      flow([{ Type: 'Pass', Name: 'Big', OutputConstructor: { 'x.$': 'format("{}", $Input.s)' }, End: true }]),
      {
        input: { s: 'x'.repeat(70 * 1024) },
      },
    );
    assert.equal(result.error, 'FnF.LimitExceeded');
    assert.match(result.cause!, /the input of state "Big" is \d+ bytes, more than the 65536 bytes/);
  });

  test('more than 5,000 events fails the execution', async () => {
    const { result, events } = await run(flow([{ Type: 'Pass', Name: 'Loop', Next: 'Loop' }]));
    assert.equal(result.error, 'FnF.LimitExceeded');
    assert.match(result.cause!, /5000 history events/);
    assert.equal(events.length, 5001);
    assert.equal(events.at(-1)!.Type, 'ExecutionFailed');
  });

  test('the input must be a JSON object', async () => {
    const { result, trace } = await run(flow([{ Type: 'Pass', Name: 'P', End: true }]), { input: [1, 2] });
    assert.equal(result.error, 'FnF.InvalidArgument');
    assert.deepEqual(trace, ['ExecutionStarted', 'ExecutionFailed']);
  });

  test('definition problems name the state and the fix', async () => {
    const cases: [JsonValue, RegExp][] = [
      [
        flow([{ Type: 'Pass', Name: 'A', Next: 'Nowhere' }]),
        /state "A": Next: "Nowhere" is not a state of this scope \(A\)/,
      ],
      [flow([{ Type: 'Pass', Name: 'A' }]), /state "A": needs either Next: <state name> or End: true/],
      [flow([{ Type: 'Loop', Name: 'A', End: true }]), /unknown Type "Loop"/],
      [
        flow([{ Type: 'Pass', Name: 'A', InputConstructor: { 'x.$': 'hello world' }, End: true }]),
        /InputConstructor.x.\$: cannot parse "hello world"/,
      ],
      [{ Type: 'Other' }, /neither a current-spec flow .* nor a legacy flow/],
    ];
    for (const [definition, message] of cases) {
      const { result } = await run(definition);
      assert.equal(result.error, 'FnF.InvalidDefinition');
      assert.match(result.cause!, message);
    }
  });
});
