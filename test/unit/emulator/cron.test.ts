import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CronError, nextFireTime, parseCron } from '../../../emulator/src/executions/cron';

const at = (iso: string) => Date.parse(iso);
const next = (expr: string, after: string, anchor?: string) => {
  const t = nextFireTime(parseCron(expr), at(after), anchor ? at(anchor) : undefined);
  return t === undefined ? undefined : new Date(t).toISOString();
};

describe('schedule expressions', () => {
  test('six UTC fields: the first firing strictly after a moment', () => {
    assert.equal(next('0 30 2 * * *', '2024-01-01T00:00:00Z'), '2024-01-01T02:30:00.000Z');
    assert.equal(next('0 30 2 * * *', '2024-01-01T02:30:00Z'), '2024-01-02T02:30:00.000Z');
    assert.equal(next('15 */10 * * * *', '2024-01-01T00:00:00Z'), '2024-01-01T00:00:15.000Z');
    assert.equal(next('15 */10 * * * *', '2024-01-01T00:00:15Z'), '2024-01-01T00:10:15.000Z');
    assert.equal(next('0 0 12 1,15 * ?', '2024-01-02T00:00:00Z'), '2024-01-15T12:00:00.000Z');
    assert.equal(next('0 0 0 1 JAN-MAR/2 *', '2024-02-01T00:00:00Z'), '2024-03-01T00:00:00.000Z');
  });

  test('day of week: 1 (MON) to 7 (SUN)', () => {
    // 2024-01-06 is a Saturday.
    assert.equal(next('0 0 9 ? * MON-FRI', '2024-01-06T00:00:00Z'), '2024-01-08T09:00:00.000Z');
    assert.equal(next('0 0 9 ? * 7', '2024-01-06T00:00:00Z'), '2024-01-07T09:00:00.000Z');
    assert.equal(next('0 0 9 ? * 1', '2024-01-06T00:00:00Z'), '2024-01-08T09:00:00.000Z');
  });

  test('rare and impossible dates', () => {
    assert.equal(next('0 0 0 29 2 ?', '2024-03-01T00:00:00Z'), '2028-02-29T00:00:00.000Z');
    assert.equal(next('0 0 0 31 2 *', '2024-01-01T00:00:00Z'), undefined);
  });

  test('@every <N>m counts from its anchor', () => {
    assert.equal(next('@every 5m', '2024-01-01T00:07:00Z', '2024-01-01T00:00:30Z'), '2024-01-01T00:10:30.000Z');
    assert.equal(next('@every 5m', '2024-01-01T00:00:30Z', '2024-01-01T00:00:30Z'), '2024-01-01T00:05:30.000Z');
  });

  test('bad expressions say which field is wrong', () => {
    assert.throws(() => parseCron('* * * *'), CronError);
    assert.throws(() => parseCron('0 0 25 * * *'), /Hours field '25' has '25' outside 0-23/);
    assert.throws(() => parseCron('0 5-1 * * * *'), /runs backwards/);
    assert.throws(() => parseCron('0 */0 * * * *'), /step '0'/);
    assert.throws(() => parseCron('@every 0m'), /at least 1m/);
  });
});
