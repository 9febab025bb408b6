import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket, RateLimiter } from '../../../cloud/src/rpc/tokenBucket';
import { SimulatedClock, ManualClock } from '../../../cloud/src/rpc/clock';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { FNF_QUOTAS } from '../../../cloud/src/fnf/operations';
import { startFakeFnf, FAKE_ID, FAKE_SECRET, type FakeServer } from './fakeFnf';

describe('TokenBucket', () => {
  test('allows the burst at once, then the refill rate', async () => {
    const clock = new SimulatedClock(0);
    const bucket = new TokenBucket({ burst: 50, perSecond: 5 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      await bucket.take();
      times.push(clock.now());
    }
    assert.ok(times.slice(0, 50).every((t) => t === 0));
    assert.deepEqual(times.slice(50), [200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
  });

  test('serves waiters in order and a cancelled waiter does not block the rest', async () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, clock);
    await bucket.take();
    const order: string[] = [];
    const ac = new AbortController();
    const a = bucket.take().then(() => order.push('a'));
    const b = bucket.take(ac.signal).then(() => order.push('b'), () => order.push('b-cancelled'));
    const c = bucket.take().then(() => order.push('c'));
    ac.abort();
    // Drive time until every waiter settled; poll for sleepers rather than sleeping in real time.
    let guard = 0;
    while (order.length < 3 && guard++ < 100) {
      await new Promise((r) => setImmediate(r));
      if (clock.pending > 0) clock.advance(1000);
    }
    await Promise.all([a, b, c]);
    assert.deepEqual(order, ['a', 'b-cancelled', 'c']);
  });

  test('buckets are per key', async () => {
    const clock = new SimulatedClock(0);
    const limiter = new RateLimiter(clock);
    for (let i = 0; i < 10; i++) await limiter.take('acct1|DescribeFlow', FNF_QUOTAS.other);
    await limiter.take('acct2|DescribeFlow', FNF_QUOTAS.other);
    assert.equal(clock.now(), 0);
    await limiter.take('acct1|DescribeFlow', FNF_QUOTAS.other);
    assert.equal(clock.now(), 500);
  });
});

describe('FnfClient uses the documented per-operation quotas', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await startFakeFnf(() => ({ body: { FlowName: 'f', Name: 'e', Status: 'Running', Flows: [], RequestId: 'r' } }));
  });
  after(async () => {
    await fake.close();
  });

  test('DescribeExecution 50 then 5/s, StartExecution 100 at once, ListFlows 10 then 2/s', async () => {
    const clock = new SimulatedClock(0);
    const c = new FnfClient({ endpoint: fake.endpoint, credentials: staticCredentials(FAKE_ID, FAKE_SECRET), clock });
    for (let i = 0; i < 100; i++) await c.startExecution({ FlowName: 'f' });
    assert.equal(clock.now(), 0);
    for (let i = 0; i < 52; i++) await c.describeExecution({ FlowName: 'f', ExecutionName: 'e' });
    assert.equal(clock.now(), 400);
    const t0 = clock.now();
    for (let i = 0; i < 12; i++) await c.listFlowsPage();
    assert.equal(clock.now() - t0, 1000);
    await c.close();
  });
});
