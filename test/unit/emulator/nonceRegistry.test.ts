// The nonce registry's memory bound: a full registry refuses new nonces instead of forgetting
// one still inside its window (which would let it be replayed), and frees room as nonces expire.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeRpcParams, signRpcV1Request } from '../../../cloud/src/signing/rpcV1';
import { NonceRegistry } from '../../../emulator/src/api/transport/nonces';
import { FNF_VERSION, startTestEmulator } from './support';

const WINDOW = 15 * 60 * 1000;

describe('nonce registry bound', () => {
  test('a full registry refuses a new nonce and still refuses every remembered one', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const r = new NonceRegistry(WINDOW, 3);
    for (const n of ['a', 'b', 'c']) assert.deepEqual(r.use('k', n, t0, t0), { accepted: true });
    const full = r.use('k', 'd', t0 + 1000, t0 + 1000);
    assert.equal(full.accepted, false);
    assert.equal(!full.accepted && full.reason, 'full');
    // The earliest remembered nonce leaves the window 14:59 later.
    assert.equal(!full.accepted && full.reason === 'full' && full.retryAfterSeconds, 899);
    // Nothing was forgotten to make room: each remembered nonce is still a replay.
    for (const n of ['a', 'b', 'c']) assert.deepEqual(r.use('k', n, t0 + 2000, t0 + 2000), { accepted: false, reason: 'replayed' });
    assert.equal(r.size, 3);
  });

  test('room comes back as nonces leave their window, the oldest first', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const r = new NonceRegistry(WINDOW, 2);
    r.use('k', 'old', t0 - 60_000, t0);
    r.use('k', 'new', t0, t0);
    assert.equal(r.use('k', 'x', t0, t0 + WINDOW - 60_001).accepted, false);
    // One millisecond later 'old' has expired (its timestamp alone now refuses it): 'x' takes its place.
    assert.deepEqual(r.use('k', 'x', t0, t0 + WINDOW - 60_000), { accepted: true });
    assert.deepEqual(r.use('k', 'new', t0, t0 + WINDOW - 60_000), { accepted: false, reason: 'replayed' });
    assert.equal(r.size, 2);
  });

  test('a registry never holds more than its cap', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const r = new NonceRegistry(WINDOW, 100);
    let accepted = 0;
    for (let i = 0; i < 1000; i++) if (r.use('k', String(i), t0 + i * 10_000, t0 + i * 10_000).accepted) accepted++;
    assert.ok(r.size <= 100, `size ${r.size}`);
    // Every 10 s a new nonce and each lives 15 min: 90 live at once, so none was refused.
    assert.equal(accepted, 1000);
  });

  test('over the wire a full registry answers 503 ServiceUnavailable and changes nothing', async () => {
    const f = await startTestEmulator({ maxNonces: 1 });
    try {
      const send = async (action: string, body: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> => {
        const signed = signRpcV1Request({
          method: 'POST', action, version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
          query: {}, body, now: new Date(), nonce: randomUUID(),
        });
        const res = await fetch(`${f.emulator.endpoint}/?${encodeRpcParams(signed.query)}`, {
          method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeRpcParams(signed.body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      assert.equal((await send('ListFlows', {})).status, 200);
      const refused = await send('CreateFlow', { Name: 'not-made', Definition: 'Type: StateMachine\nSpecVersion: v1\nName: x\nStartAt: p\nStates:\n  - Type: Pass\n    Name: p\n    End: true\n', Type: 'FDL', Description: '' });
      assert.equal(refused.status, 503);
      assert.equal(refused.body['Code'], 'ServiceUnavailable');
      assert.match(String(refused.body['Message']), /rather than forget one that could then be replayed\. Retry in \d+ s/);
      // Refused before the product saw it: the flow is not in the log.
      assert.doesNotMatch(await readFile(join(f.dataDir, 'fnf.jsonl'), 'utf8').catch(() => ''), /not-made/);
    } finally {
      await f.close();
    }
  });
});

describe('nonce registry storage', () => {
  const t0 = Date.UTC(2026, 0, 1);

  test('every nonce still in its window is a replay, across many time slices', () => {
    const r = new NonceRegistry(WINDOW, 1_000_000);
    const n = 50_000;
    // One request every 18 ms over the 15 minutes: nonces spread over every slice.
    for (let i = 0; i < n; i++) assert.equal(r.use('local', `nonce-${i}`, t0 + i * 18, t0 + i * 18).accepted, true);
    const now = t0 + (n - 1) * 18;
    let replayed = 0;
    for (let i = 0; i < n; i++) if (!r.use('local', `nonce-${i}`, now, now).accepted) replayed++;
    assert.equal(replayed, n);
    assert.equal(r.size, n);
  });

  test('a nonce is one per AccessKey ID, and the ID and nonce cannot be shifted into each other', () => {
    const r = new NonceRegistry(WINDOW);
    assert.equal(r.use('a', 'bc', t0, t0).accepted, true);
    assert.equal(r.use('ab', 'c', t0, t0).accepted, true);
    assert.equal(r.use('other', 'bc', t0, t0).accepted, true);
    assert.deepEqual(r.use('a', 'bc', t0, t0 + 1), { accepted: false, reason: 'replayed' });
  });

  test('a nonce whose timestamp left the window may be used again with a new timestamp', () => {
    const r = new NonceRegistry(WINDOW);
    r.use('k', 'n', t0, t0);
    assert.deepEqual(r.use('k', 'n', t0, t0 + WINDOW - 1), { accepted: false, reason: 'replayed' });
    assert.deepEqual(r.use('k', 'n', t0 + WINDOW, t0 + WINDOW), { accepted: true });
    assert.deepEqual(r.use('k', 'n', t0 + WINDOW, t0 + WINDOW + 1), { accepted: false, reason: 'replayed' });
  });

  test('memory follows the request rate of one window: passed slices are dropped whole', () => {
    const r = new NonceRegistry(WINDOW);
    for (let i = 0; i < 20_000; i++) r.use('k', `burst-${i}`, t0, t0);
    const full = r.bytes;
    // Two windows later a single request finds every earlier slice passed.
    r.use('k', 'later', t0 + 2 * WINDOW, t0 + 2 * WINDOW);
    assert.equal(r.size, 1);
    assert.ok(r.bytes < full / 100, `${r.bytes} bytes left of ${full}`);
  });

  test('about 20 bytes a nonce', () => {
    const r = new NonceRegistry(WINDOW);
    const n = 200_000;
    for (let i = 0; i < n; i++) r.use('local', `${i}-4e1f-4b2a-9c3d`, t0 + i * 4, t0 + i * 4);
    assert.ok(r.bytes / n < 30, `${(r.bytes / n).toFixed(1)} bytes a nonce`);
  });
});
