// CamsClient against the emulator's CAMS product over real HTTP on loopback: every flow
// operation, the FilePath round trip, documented errors, throttling retries and the 5/s bucket.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CamsClient, httpPutUploader, CAMS_FLOW_QUOTA } from '../../../cloud/src/cams';
import { staticCredentials } from '../../../cloud/src/credentials';
import { CloudError } from '../../../cloud/src/errors';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { RateLimiter } from '../../../cloud/src/rpc/tokenBucket';
import { startEmulator } from '../../../emulator/src/server';
import { startTestEmulator, type TestEmulator } from './emulator';

const FLOW_JSON = JSON.stringify({
  version: '7.3',
  screens: [{ id: 'ONLY', title: 'Hi', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }],
}, null, 2);

describe('CamsClient against the emulator', () => {
  let emu: TestEmulator;
  let cams: CamsClient;
  before(async () => {
    emu = await startTestEmulator();
    cams = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), rateLimiter: new RateLimiter(new SimulatedClock()) });
  });
  after(async () => emu.close());

  test('create, list, get, push, pull, publish, deprecate', async () => {
    const created = await cams.createFlow({ FlowName: 'signup', Categories: ['SIGN_UP'] });
    assert.match(created.FlowId, /^\d+$/);
    assert.ok(created.RequestId);
    const listed = [];
    for await (const f of cams.listFlows({ FlowName: 'signup' })) listed.push(f);
    assert.deepEqual(listed.map((f) => f.FlowId), [created.FlowId]);
    await assert.rejects(cams.getFlowJson(created.FlowId), /no Flow JSON yet/);

    const pushed = await cams.pushFlowJson(created.FlowId, FLOW_JSON, httpPutUploader(`${emu.endpoint}/cams/uploads`, { credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } }));
    assert.equal(pushed.FlowId, created.FlowId);
    const pulled = await cams.getFlowJson(created.FlowId);
    assert.equal(pulled.text, FLOW_JSON);
    assert.ok(pulled.filePath.startsWith(emu.endpoint));

    const got = await cams.getFlow(created.FlowId);
    assert.equal(got.Status, 'DRAFT');
    assert.equal(got.JSONVersion, '7.3');
    await cams.publishFlow(created.FlowId);
    assert.equal((await cams.getFlow(created.FlowId)).Status, 'PUBLISHED');
    await assert.rejects(cams.deleteFlow(created.FlowId), /DRAFT/);
    await cams.deprecateFlow(created.FlowId);
    assert.equal((await cams.getFlow(created.FlowId)).Status, 'DEPRECATED');
    const preview = await cams.getFlowPreviewUrl(created.FlowId);
    assert.ok(preview.PreviewUrl.includes(created.FlowId));
  });

  test('modify and delete a draft', async () => {
    const f = await cams.createFlow({ FlowName: 'old', Categories: ['OTHER'] });
    const m = await cams.modifyFlow({ FlowId: f.FlowId, FlowName: 'new', Categories: ['SURVEY', 'OTHER'] });
    assert.deepEqual([m.FlowName, m.Categories], ['new', ['SURVEY', 'OTHER']]);
    await cams.deleteFlow(f.FlowId);
    await assert.rejects(cams.getFlow(f.FlowId), (e: unknown) => e instanceof CloudError && e.code === 'Unknown.ResourceOwnerId' && e.status === 400 && /another account/.test(e.hint));
  });

  test('publishing a Flow JSON with errors is refused with its first errors', async () => {
    const f = await cams.createFlow({ FlowName: 'broken', Categories: ['OTHER'] });
    await cams.pushFlowJson(f.FlowId, FLOW_JSON.replace('"Footer"', '"Fotter"'), httpPutUploader(`${emu.endpoint}/cams/uploads`, { credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } }));
    await assert.rejects(cams.publishFlow(f.FlowId), /line \d+: .*Fotter|Did you mean 'Footer'/);
  });

  test('ListFlow pages by Index and Size', async () => {
    for (let i = 0; i < 5; i++) await cams.createFlow({ FlowName: `paged-${i}`, Categories: ['OTHER'] });
    const names: string[] = [];
    for await (const f of cams.listFlows({ FlowName: 'paged-', PageSize: 2 })) names.push(f.FlowName);
    assert.deepEqual(names, ['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4']);
  });

  test('inputs are checked before sending', async () => {
    await assert.rejects(cams.createFlow({ FlowName: 'x', Categories: [] }), /Categories needs/);
    await assert.rejects(cams.getFlow('../etc'), /not a flow id/);
    await assert.rejects(cams.pushFlowJson('123', '{not json', httpPutUploader(`${emu.endpoint}/cams/uploads`, { credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } })), /does not parse/);
  });

  test('11 calls at 5 per second take at least 1.2 s of client time', async () => {
    const clock = new SimulatedClock(Date.now());
    const start = clock.now();
    const limited = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), clock });
    for (let i = 0; i < 11; i++) await limited.listFlowPage({ PageIndex: 1, PageSize: 1 });
    assert.ok(clock.now() - start >= ((11 - CAMS_FLOW_QUOTA.burst) / CAMS_FLOW_QUOTA.perSecond) * 1000 - 1, `only ${clock.now() - start} ms`);
  });
});

describe('CamsClient retries System.LimitControl', () => {
  test('throttled calls are retried until they pass', async () => {
    const emu = await startTestEmulator({ faults: { throttleRate: 0.5, seed: 7 } });
    try {
      const clock = new SimulatedClock(Date.now());
      const lines: string[] = [];
      const cams = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), clock, retry: { maxAttempts: 20 }, log: (l) => lines.push(l) });
      for (let i = 0; i < 6; i++) await cams.createFlow({ FlowName: `t${i}`, Categories: ['OTHER'] });
      assert.ok(lines.some((l) => /System\.LimitControl \[HTTP 400\]; retry/.test(l)), lines.join('\n'));
      assert.equal(lines.filter((l) => / ok in /.test(l)).length, 6);
    } finally {
      await emu.close();
    }
  });
});

describe('the emulated CAMS account survives a restart', () => {
  test('flows, status and Flow JSON are read back from the data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-cams-'));
    try {
      const first = await startEmulator({ dataDir, port: 0, onError: () => undefined });
      const cams1 = new CamsClient({ endpoint: first.endpoint, credentials: staticCredentials(first.accessKeyId, first.accessKeySecret) });
      const { FlowId } = await cams1.createFlow({ FlowName: 'kept', Categories: ['OTHER'] });
      await cams1.pushFlowJson(FlowId, FLOW_JSON, httpPutUploader(`${first.endpoint}/cams/uploads`, { credentials: { accessKeyId: first.accessKeyId, accessKeySecret: first.accessKeySecret } }));
      await cams1.publishFlow(FlowId);
      await first.close();

      const second = await startEmulator({ dataDir, port: 0, onError: () => undefined });
      try {
        const cams2 = new CamsClient({ endpoint: second.endpoint, credentials: staticCredentials(second.accessKeyId, second.accessKeySecret) });
        assert.equal((await cams2.getFlow(FlowId)).Status, 'PUBLISHED');
        assert.equal((await cams2.getFlowJson(FlowId)).text, FLOW_JSON);
        const next = await cams2.createFlow({ FlowName: 'after restart', Categories: ['OTHER'] });
        assert.notEqual(next.FlowId, FlowId, 'ids are not reused after a restart');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
