// Debugging a flow test case: the run takes the case's input and mocks (as the runner does), stops
// at breakpoints like any debug run, and ends with the case's verdict: exit code 0 only when its
// expectations hold, the runner's diff in the Debug Console when they do not.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { EXAMPLES, exitCode, FIXTURES, launch, lineOf, ORDER_FLOW } from './support';

const ORDER_TESTS = join(EXAMPLES, 'order-processing.flowtest.yaml');
const BUSY_GATEWAY = 'a busy gateway is retried, then the charge goes through';
const WRONG_OUTPUT = join(FIXTURES, 'wrong-output.flowtest.yaml');

describe('debug adapter: a flow test case', () => {
  test('the busy-gateway case stops at ChargePayment, again before its retry, and passes with its mocks', async () => {
    const { dap } = await launch({
      args: { program: ORDER_FLOW, testFile: ORDER_TESTS, testCase: BUSY_GATEWAY },
      breakpoints: [{ line: lineOf(ORDER_FLOW, 'Name: ChargePayment') }],
    });
    const first = await dap.stopped();
    assert.equal(first.body.reason, 'breakpoint');
    const firstFrame = await dap.topFrame(first.body.threadId!);
    assert.equal(firstFrame.name, 'ChargePayment (Task)');
    // the case's input, not a file from .flowdeck/inputs
    assert.equal(await dap.evaluate('$Input.customerId', firstFrame.id), '"c-1002"');
    await dap.ok('continue', { threadId: first.body.threadId });

    const second = await dap.stopped();
    assert.equal(second.body.reason, 'breakpoint');
    assert.equal(second.body.description, 'ChargePayment: retry 1 after PaymentGatewayBusy');
    const secondFrame = await dap.topFrame(second.body.threadId!);
    assert.equal(secondFrame.name, 'ChargePayment (Task) (failed: PaymentGatewayBusy)');
    // the first answer of the mock failed the call; the thread shows the failure being retried
    const info = await dap.ok<DebugProtocol.ExceptionInfoResponse['body']>('exceptionInfo', { threadId: second.body.threadId });
    assert.equal(info.exceptionId, 'PaymentGatewayBusy');
    assert.equal(info.description, 'try again');
    await dap.ok('continue', { threadId: second.body.threadId });

    assert.equal(await exitCode(dap), 0, dap.output.join(''));
    const output = dap.output.join('');
    assert.match(output, /Status: Succeeded/);
    assert.match(output, /"p-1"/, 'the mocked payment, not the local handler');
    assert.match(output, new RegExp(`Test case "${BUSY_GATEWAY}" passed`));
    assert.equal(dap.events.filter((e) => e.event === 'stopped').length, 2);
  });

  test('a case whose expected output is wrong ends with exit code 1 and the diff', async () => {
    const { dap } = await launch({
      args: { program: ORDER_FLOW, testFile: WRONG_OUTPUT, testCase: 'a busy gateway expected to charge the wrong amount' },
    });
    assert.equal(await exitCode(dap), 1);
    const output = dap.output.join('');
    assert.match(output, /Status: Succeeded/, 'the flow itself succeeded');
    assert.match(output, /Test case "a busy gateway expected to charge the wrong amount" failed/);
    assert.match(output, /the output does not contain what was expected/);
    assert.match(output, /- +"charged": 12\.5/);
    assert.match(output, /\+ +"charged": 39\.9/);
  });

  test('the case runs on its virtual clock: the Retry interval takes no real time, as under the runner', async () => {
    const { dap } = await launch({ args: { program: ORDER_FLOW, testFile: ORDER_TESTS, testCase: BUSY_GATEWAY } });
    assert.equal(await exitCode(dap), 0);
    // The second attempt is scheduled exactly IntervalSeconds (1 s) of flow time after the first:
    // the clock jumped to the timer. On the real clock it would be a little later, never exact.
    const scheduled = dap.output.filter((l) => /TaskScheduled\s+ChargePayment/.test(l));
    assert.equal(scheduled.length, 2, dap.output.join(''));
    assert.match(scheduled[0]!, /^00:00:00\.000 /);
    assert.match(scheduled[1]!, /^00:00:01\.000 /);
  });

  test('a missing case, a broken test file or a test file of another flow is a launch error that says so', async () => {
    const session = await import('../../../debug/src');
    const dapOf = async (args: Record<string, unknown>): Promise<DebugProtocol.Response> => {
      const { DapClient } = await import('./dapClient');
      const dap = DapClient.inProcess(new session.FlowDebugSession({ cwd: FIXTURES }));
      await dap.ok('initialize', { adapterID: 'flowdeck', pathFormat: 'path' });
      return dap.request('launch', args);
    };
    const missing = await dapOf({ program: ORDER_FLOW, testFile: ORDER_TESTS, testCase: 'no such case' });
    assert.equal(missing.success, false);
    assert.match(missing.message ?? '', /has no case named "no such case"; its cases: "a small order/);
    const other = await dapOf({ program: join(FIXTURES, 'fanout.flow.yaml'), testFile: ORDER_TESTS, testCase: BUSY_GATEWAY });
    assert.equal(other.success, false);
    assert.match(other.message ?? '', /tests .*order-processing\.flow\.yaml, not .*fanout\.flow\.yaml/);
    const onlyName = await dapOf({ program: ORDER_FLOW, testCase: BUSY_GATEWAY });
    assert.equal(onlyName.success, false);
    assert.match(onlyName.message ?? '', /needs both "testFile"/);
  });
});
