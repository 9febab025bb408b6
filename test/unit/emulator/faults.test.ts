// Opt-in fault mode: throttling (429 ResourceThrottled), server errors (500) and delays, drawn
// from a seeded generator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultInjector, parseFaultSpec } from '../../../emulator/src/faults';
import { startTestEmulator } from './support';

describe('emulator fault mode', () => {
  test('throttleRate 1 answers every call with 429 ResourceThrottled', async () => {
    const f = await startTestEmulator({ faults: { throttleRate: 1 } });
    try {
      const r = await f.client.call('ListFlows');
      assert.equal(r.status, 429);
      assert.equal(r.body['Code'], 'ResourceThrottled');
      assert.equal(r.body['Message'], 'The request is throttled. Please try again later.');
      assert.ok(r.body['RequestId']);
    } finally {
      await f.close();
    }
  });

  test('errorRate 1 answers every call with 500 InternalServerError', async () => {
    const f = await startTestEmulator({ faults: { errorRate: 1 } });
    try {
      const r = await f.client.call('ListFlows');
      assert.equal(r.status, 500);
      assert.equal(r.body['Code'], 'InternalServerError');
    } finally {
      await f.close();
    }
  });

  test('faults come after authentication: a bad signature is still SignatureNotMatch', async () => {
    const f = await startTestEmulator({ faults: { throttleRate: 1 } });
    try {
      const r = await f.client.call('ListFlows', {}, { accessKeySecret: 'bad' });
      assert.equal(r.body['Code'], 'SignatureNotMatch');
    } finally {
      await f.close();
    }
  });

  test('rates are honoured over many draws and the same seed gives the same sequence', () => {
    const a = new FaultInjector({ throttleRate: 0.2, errorRate: 0.1, seed: 42 });
    const b = new FaultInjector({ throttleRate: 0.2, errorRate: 0.1, seed: 42 });
    const counts = { none: 0, throttle: 0, error: 0 };
    const seqA: string[] = [];
    const seqB: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const k = a.nextFault().kind;
      counts[k]++;
      seqA.push(k);
      seqB.push(b.nextFault().kind);
    }
    assert.deepEqual(seqA, seqB);
    assert.ok(Math.abs(counts.throttle / 10_000 - 0.2) < 0.02, `throttle share ${counts.throttle}`);
    assert.ok(Math.abs(counts.error / 10_000 - 0.1) < 0.02, `error share ${counts.error}`);
    const c = new FaultInjector({ delayRate: 0.5, delayMs: 250, seed: 3 });
    const delays = Array.from({ length: 1000 }, () => c.nextDelay());
    assert.ok(delays.every((d) => d === 0 || d === 250));
    assert.ok(delays.filter((d) => d === 250).length > 400);
  });

  test('the CLI fault spec is parsed and checked with messages that say what to write', () => {
    assert.deepEqual(parseFaultSpec('throttle=0.1,error=0.05,delay=0.2,delayMs=500,seed=7'), {
      throttleRate: 0.1, errorRate: 0.05, delayRate: 0.2, delayMs: 500, seed: 7,
    });
    assert.throws(() => parseFaultSpec('throttle=2'), /throttleRate must be a number from 0 to 1/);
    assert.throws(() => parseFaultSpec('jitter=1'), /Use key=number pairs/);
    assert.throws(() => parseFaultSpec('throttle=0.7,error=0.7'), /must not exceed 1/);
  });
});
