import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clockTime,
  failureOf,
  formatDuration,
  formatEventLine,
  formatSummary,
  shortDetail,
  withFinalStatus,
} from '../../../cloud/src/fnf/eventFormat';

const labels = { status: 'Status', output: 'Output', error: 'Error', cause: 'Cause', duration: 'Duration' };

describe('tail lines', () => {
  test('an event line has the UTC time, the padded type, the state and the short detail', () => {
    const line = formatEventLine({ EventId: 4, Type: 'StepSucceeded', StepName: 'CheckOrder', Time: '2026-11-23T09:01:02.345Z', EventDetail: '{"output":{"ok":true}}' });
    assert.equal(line, '09:01:02.345  StepSucceeded        CheckOrder  output {"ok":true}');
  });

  test('execution-level events have no state name, and empty details print nothing', () => {
    assert.equal(formatEventLine({ EventId: 1, Type: 'ExecutionStarted', StepName: '', Time: '2026-11-23T09:01:02.000Z', EventDetail: {} }), '09:01:02.000  ExecutionStarted');
  });

  test('failures show error and cause; parsed and string details read the same', () => {
    assert.equal(shortDetail({ error: 'FC.CardDeclined', cause: 'card ****9999 was declined' }), 'FC.CardDeclined: card ****9999 was declined');
    assert.equal(shortDetail('{"error":"Manual","cause":"stopped"}'), 'Manual: stopped');
    assert.equal(shortDetail('not json'), 'not json');
  });

  test('long details are cut to one readable line', () => {
    const detail = shortDetail({ input: { text: 'x'.repeat(500) } });
    assert.ok(detail.length <= 'input '.length + 120, `${detail.length} characters`);
    assert.ok(detail.endsWith('…'));
  });

  test('clock time keeps unparseable timestamps as they are', () => {
    assert.equal(clockTime('yesterday'), 'yesterday');
  });

  test('durations read naturally at every scale', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(3210), '3.2 s');
    assert.equal(formatDuration(125_000), '2 min 05 s');
    assert.equal(formatDuration(3_720_000), '1 h 02 min');
    assert.equal(formatDuration(-1), '?');
  });
});

describe('tail summary', () => {
  test('a success prints the status, the output as pretty JSON and the duration', () => {
    const lines = formatSummary({ Status: 'Succeeded', Output: { paymentId: 'p-1' }, StartedTime: '2026-11-23T09:00:00.000Z', StoppedTime: '2026-11-23T09:00:01.500Z' }, labels);
    assert.deepEqual(lines, ['Status: Succeeded', 'Output:', '{', '  "paymentId": "p-1"', '}', 'Duration: 1.5 s']);
  });

  test('a failure prints the error and cause from the terminal event when the record has none', () => {
    const terminal = { EventId: 9, Type: 'ExecutionFailed', StepName: '', Time: '2026-11-23T09:00:01.000Z', EventDetail: '{"error":"PaymentDeclined","cause":"declined"}' };
    const lines = formatSummary({ Status: 'Failed', StartedTime: '2026-11-23T09:00:00.000Z', StoppedTime: '2026-11-23T09:00:00.031Z' }, labels, failureOf(terminal));
    assert.deepEqual(lines, ['Status: Failed', 'Error: PaymentDeclined', 'Cause: declined', 'Duration: 31 ms']);
  });

  test("StartSyncExecution's ErrorCode and ErrorMessage are printed for a failed Express run", () => {
    const lines = formatSummary({ Status: 'Failed', ErrorCode: 'InvalidOrder', ErrorMessage: 'no customer' }, labels);
    assert.deepEqual(lines, ['Status: Failed', 'Error: InvalidOrder', 'Cause: no customer']);
  });

  test('only terminal execution events carry a failure', () => {
    assert.equal(failureOf({ EventId: 3, Type: 'StepFailed', StepName: 'A', Time: '', EventDetail: { error: 'x' } }), undefined);
    assert.equal(failureOf({ EventId: 3, Type: 'ExecutionSucceeded', StepName: '', Time: '', EventDetail: { output: {} } }), undefined);
  });

  test('the terminal event decides the final status when the execution record still says Running', () => {
    assert.equal(withFinalStatus({ Status: 'Running' }, 'ExecutionFailed').Status, 'Failed');
    assert.equal(withFinalStatus({ Status: 'Running' }, 'ExecutionTimedOut').Status, 'TimedOut');
    assert.equal(withFinalStatus({ Status: 'Succeeded' }, 'ExecutionFailed').Status, 'Succeeded');
    assert.equal(withFinalStatus({ Status: 'Running' }, undefined).Status, 'Running');
  });
});
