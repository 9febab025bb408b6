// CreateSchedule, UpdateSchedule, DescribeSchedule, ListSchedules and DeleteSchedule.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

describe('emulator schedules', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
    await f.client.ok('CreateFlow', { Name: 'sched_flow', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
  });
  after(() => f.close());

  test('a schedule is created, described, updated, listed and deleted', async () => {
    const created = await f.client.ok('CreateSchedule', {
      FlowName: 'sched_flow', ScheduleName: 'nightly', CronExpression: '0 30 2 * * *', Payload: '{"k":1}', Enable: 'true', Description: 'd',
    });
    assert.equal(created['ScheduleName'], 'nightly');
    assert.equal(created['Enable'], true);
    assert.equal(created['Payload'], '{"k":1}');
    assert.ok(created['ScheduleId']);
    const described = await f.client.ok('DescribeSchedule', { FlowName: 'sched_flow', ScheduleName: 'nightly' });
    assert.equal(described['CronExpression'], '0 30 2 * * *');
    const updated = await f.client.ok('UpdateSchedule', { FlowName: 'sched_flow', ScheduleName: 'nightly', Enable: 'false', CronExpression: '@every 5m' });
    assert.equal(updated['Enable'], false);
    assert.equal(updated['CronExpression'], '@every 5m');
    assert.equal(updated['ScheduleId'], created['ScheduleId']);
    const dup = await f.client.call('CreateSchedule', { FlowName: 'sched_flow', ScheduleName: 'nightly', CronExpression: '0 * * * * *' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body['Code'], 'ScheduleAlreadyExists');
    assert.equal(dup.body['Message'], 'The schedule nightly already exists in flow sched_flow.');
    await f.client.ok('CreateSchedule', { FlowName: 'sched_flow', ScheduleName: 'hourly', CronExpression: '0 0 * * * *' });
    const page1 = await f.client.ok('ListSchedules', { FlowName: 'sched_flow', Limit: '1' });
    assert.deepEqual((page1['Schedules'] as { ScheduleName: string }[]).map((s) => s.ScheduleName), ['hourly']);
    const page2 = await f.client.ok('ListSchedules', { FlowName: 'sched_flow', Limit: '1', NextToken: String(page1['NextToken']) });
    assert.deepEqual((page2['Schedules'] as { ScheduleName: string }[]).map((s) => s.ScheduleName), ['nightly']);
    assert.equal(page2['NextToken'], undefined);
    await f.client.ok('DeleteSchedule', { FlowName: 'sched_flow', ScheduleName: 'nightly' });
    const gone = await f.client.call('DescribeSchedule', { FlowName: 'sched_flow', ScheduleName: 'nightly' });
    assert.equal(gone.status, 404);
    assert.equal(gone.body['Code'], 'ScheduleNotExists');
    assert.equal(gone.body['Message'], 'The schedule nightly for flow sched_flow does not exist.');
  });

  test('cron expressions are checked field by field', async () => {
    const cases: [string, RegExp][] = [
      ['* * * * *', /must have 6 fields/],
      ['*/5 * * * * *', /Seconds field '\*\/5' may not use/],
      ['0 61 * * * *', /Minutes field '61' has '61' outside 0-59/],
      ['0 0 0 * FOO *', /Month field 'FOO'/],
    ];
    for (const [cron, message] of cases) {
      const r = await f.client.call('CreateSchedule', { FlowName: 'sched_flow', ScheduleName: 'bad', CronExpression: cron });
      assert.equal(r.body['Code'], 'InvalidArgument', cron);
      assert.match(String(r.body['Message']), message);
    }
    await f.client.ok('CreateSchedule', { FlowName: 'sched_flow', ScheduleName: 'weekdays', CronExpression: '0 0 9 ? JAN-DEC MON-FRI' });
    const payload = await f.client.call('CreateSchedule', { FlowName: 'sched_flow', ScheduleName: 'p', CronExpression: '0 * * * * *', Payload: '{x' });
    assert.match(String(payload.body['Message']), /Payload must be JSON/);
    const noFlow = await f.client.call('ListSchedules', { FlowName: 'ghost' });
    assert.equal(noFlow.body['Code'], 'FlowNotExists');
  });
});
