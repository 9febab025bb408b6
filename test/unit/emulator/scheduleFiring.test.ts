// Enabled schedules start executions on the emulator's clock; a test clock moves time instead
// of waiting for it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock } from '../../../emulator/src/engine';
import { eventually, PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

/** A clock that only moves when told to; due timers run in time order. */
class TestClock implements Clock {
  private timers: { at: number; callback: () => void; live: boolean }[] = [];
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  setTimer(ms: number, callback: () => void): () => void {
    const timer = { at: this.t + Math.max(0, ms), callback, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }
  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.live && x.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      this.t = Math.max(this.t, due.at);
      due.callback();
    }
    this.t = until;
  }
}

describe('schedule firing', () => {
  let f: EmulatorFixture;
  // Start at a whole minute near the real time (signatures must stay within the allowed skew).
  const clock = new TestClock(Math.floor(Date.now() / 60_000) * 60_000);
  const executions = async (prefix: string) =>
    ((await f.client.ok('ListExecutions', { FlowName: 'sched', ExecutionNamePrefix: prefix }))['Executions'] as { Name: string; Input: string }[]);

  before(async () => {
    f = await startTestEmulator({ clock });
    await f.client.ok('CreateFlow', { Name: 'sched', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
  });
  after(() => f.close());

  test('an enabled schedule starts an execution with its Payload at each firing', async () => {
    await f.client.ok('CreateSchedule', {
      FlowName: 'sched', ScheduleName: 'minutely', CronExpression: '30 * * * * *', Payload: '{"fail":false,"from":"schedule"}', Enable: 'true',
    });
    assert.deepEqual(await executions('minutely'), []);
    clock.advance(30_000);
    const first = await eventually(async () => {
      const list = await executions('minutely');
      return list.length === 1 ? list : undefined;
    }, 'the first scheduled execution');
    const stamp = new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    assert.equal(first[0]?.Name, `minutely-${stamp}`);
    assert.deepEqual(JSON.parse(String(first[0]?.Input)), { fail: false, from: 'schedule' });
    clock.advance(60_000);
    await eventually(async () => ((await executions('minutely')).length === 2 ? true : undefined), 'the second scheduled execution');
  });

  test('a disabled or deleted schedule no longer fires', async () => {
    await f.client.ok('CreateSchedule', { FlowName: 'sched', ScheduleName: 'off', CronExpression: '@every 1m', Enable: 'true' });
    await f.client.ok('UpdateSchedule', { FlowName: 'sched', ScheduleName: 'off', Enable: 'false' });
    await f.client.ok('CreateSchedule', { FlowName: 'sched', ScheduleName: 'gone', CronExpression: '@every 1m', Enable: 'true' });
    await f.client.ok('DeleteSchedule', { FlowName: 'sched', ScheduleName: 'gone' });
    clock.advance(5 * 60_000);
    // A schedule that does fire in the same span proves time really moved.
    await f.client.ok('CreateSchedule', { FlowName: 'sched', ScheduleName: 'on', CronExpression: '@every 1m', Enable: 'true' });
    clock.advance(60_000);
    await eventually(async () => ((await executions('on')).length === 1 ? true : undefined), 'the enabled schedule');
    assert.deepEqual(await executions('off'), []);
    assert.deepEqual(await executions('gone'), []);
  });
});
