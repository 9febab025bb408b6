import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import type { TailCursor, TailItem } from '../../../cloud/src/fnf/types';
import { startFakeFnf, FAKE_ID, FAKE_SECRET, type FakeRequest, type FakeReply } from './fakeFnf';

/**
 * An execution whose history grows while it is read: every request appends the next number of
 * events from `growth`; pages overlap by one event or not, as `overlap` says (a page boundary is a
 * ScheduleEventId, so a real service may repeat the boundary event).
 */
function growingExecution(total: number, growth: number[], overlap: boolean[]) {
  const events: { EventId: number; ScheduleEventId: number; Type: string; StepName: string; Time: string; EventDetail: string }[] = [];
  let step = 0;
  const grow = (): void => {
    const n = growth[step % growth.length] ?? 1;
    step++;
    for (let i = 0; i < n && events.length < total; i++) {
      const id = events.length + 1;
      const type = id === 1 ? 'ExecutionStarted' : id === total ? 'ExecutionSucceeded' : id % 2 ? 'StepEntered' : 'StepExited';
      events.push({ EventId: id, ScheduleEventId: id - 1, Type: type, StepName: id === 1 || id === total ? '' : `s${id}`, Time: new Date(id * 1000).toISOString(), EventDetail: JSON.stringify({ n: id }) });
    }
  };
  let page = 0;
  const handler = (r: FakeRequest): FakeReply => {
    grow();
    const ended = events.length === total;
    if (r.action === 'DescribeExecution') {
      return { body: { FlowName: 'f', Name: 'e', Status: ended ? 'Succeeded' : 'Running', Output: ended ? '{"done":true}' : '', RequestId: 'd' } };
    }
    const start = r.query['NextToken'] ? Number(r.query['NextToken']) : 1;
    const limit = Number(r.query['Limit'] ?? 60);
    const slice = events.filter((e) => e.EventId >= start).slice(0, limit);
    const last = slice[slice.length - 1];
    const more = last !== undefined && events.some((e) => e.EventId > last.EventId);
    const repeatBoundary = (overlap[page++ % overlap.length] ?? false) && slice.length > 1;
    const next = more && last ? String(repeatBoundary ? last.EventId : last.EventId + 1) : undefined;
    return { body: { Events: slice, ...(next ? { NextToken: next } : {}), RequestId: 'h' } };
  };
  return { handler, events };
}

async function collect(it: AsyncIterable<TailItem>, stopAfter = Infinity): Promise<{ ids: number[]; end?: TailItem; cursor?: TailCursor }> {
  const ids: number[] = [];
  let cursor: TailCursor | undefined;
  for await (const item of it) {
    cursor = item.cursor;
    if (item.type === 'end') return { ids, end: item, cursor };
    ids.push(item.event.EventId);
    if (ids.length >= stopAfter) return { ids, cursor };
  }
  return { ids, ...(cursor ? { cursor } : {}) };
}

function newClient(endpoint: string): FnfClient {
  return new FnfClient({ endpoint, credentials: staticCredentials(FAKE_ID, FAKE_SECRET), clock: new SimulatedClock(), random: () => 0.5 });
}

describe('tailExecution', () => {
  test('yields every event exactly once and in order while pages and polls interleave with new events', { timeout: 60_000 }, async () => {
    const fake = await startFakeFnf(() => ({}));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 60 }),
          fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 1, max: 6 }),
          async (total, growth, overlap, pageLimit) => {
            const exec = growingExecution(total, growth.some((g) => g > 0) ? growth : [1], overlap);
            fake.handler = exec.handler;
            const c = newClient(fake.endpoint);
            const { ids, end } = await collect(c.tailExecution('f', 'e', { pageLimit }));
            assert.deepEqual(ids, Array.from({ length: total }, (_, i) => i + 1));
            assert.equal(end?.type, 'end');
            if (end?.type === 'end') {
              assert.equal(end.execution.Status, 'Succeeded');
              assert.deepEqual(end.execution.Output, { done: true });
            }
            await c.close();
          },
        ),
        { numRuns: 30 },
      );
    } finally {
      await fake.close();
    }
  });

  test('resumes from a cursor without losing or repeating events', { timeout: 60_000 }, async () => {
    const fake = await startFakeFnf(() => ({}));
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 39 }), fc.integer({ min: 1, max: 5 }), async (total, cut, pageLimit) => {
          const stopAfter = Math.min(cut, total - 1);
          fake.handler = growingExecution(total, [3, 0, 2], [true, false]).handler;
          const c = newClient(fake.endpoint);
          const first = await collect(c.tailExecution('f', 'e', { pageLimit }), stopAfter);
          assert.ok(first.cursor);
          const cursor = JSON.parse(JSON.stringify(first.cursor)) as TailCursor; // survives persistence
          const second = await collect(c.tailExecution('f', 'e', { pageLimit, cursor }));
          assert.deepEqual([...first.ids, ...second.ids], Array.from({ length: total }, (_, i) => i + 1));
          await c.close();
        }),
        { numRuns: 20 },
      );
    } finally {
      await fake.close();
    }
  });

  test('waits in DescribeExecution long polls, never in a busy loop, and parses EventDetail', { timeout: 60_000 }, async () => {
    const exec = growingExecution(6, [0, 0, 2], [false]);
    const fake = await startFakeFnf(exec.handler);
    try {
      const c = newClient(fake.endpoint);
      const details: unknown[] = [];
      for await (const item of c.tailExecution('f', 'e', { pollIntervalMs: 2000 })) if (item.type === 'event') details.push(item.event.EventDetail);
      assert.deepEqual(details, [1, 2, 3, 4, 5, 6].map((n) => ({ n })));
      const polls = fake.requests.filter((r) => r.action === 'DescribeExecution' && r.query['WaitTimeSeconds'] !== undefined);
      assert.ok(polls.length > 0);
      assert.ok(polls.every((r) => r.query['WaitTimeSeconds'] === '2'));
      // between two history reads there is always a long poll
      const actions = fake.requests.map((r) => r.action);
      for (let i = 1; i < actions.length; i++) {
        if (actions[i] === 'GetExecutionHistory' && actions[i - 1] === 'GetExecutionHistory') {
          assert.ok(fake.requests[i]?.query['NextToken'], 'back-to-back history reads only while paging');
        }
      }
      await c.close();
    } finally {
      await fake.close();
    }
  });

  test('stops when the execution ends even if no terminal event is recorded', { timeout: 60_000 }, async () => {
    let calls = 0;
    const fake = await startFakeFnf((r) => {
      calls++;
      if (r.action === 'DescribeExecution') return { body: { FlowName: 'f', Name: 'e', Status: calls > 3 ? 'Stopped' : 'Running', RequestId: 'd' } };
      return { body: { Events: [{ EventId: 1, ScheduleEventId: 0, Type: 'ExecutionStarted', StepName: '', Time: 't', EventDetail: '{}' }], RequestId: 'h' } };
    });
    try {
      const c = newClient(fake.endpoint);
      const { ids, end } = await collect(c.tailExecution('f', 'e'));
      assert.deepEqual(ids, [1]);
      assert.ok(end?.type === 'end' && end.execution.Status === 'Stopped');
      await c.close();
    } finally {
      await fake.close();
    }
  });
});
