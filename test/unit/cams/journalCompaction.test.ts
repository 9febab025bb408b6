// The CAMS and CynosDB journals are compacted to their live records like the fnf log: superseded
// flow records and uploads no flow points at any more leave the file, expired CynosDB task flows
// too, and what a restart reads back is what was there before.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { CamsClient, httpPutUploader } from '../../../cloud/src/cams';
import { staticCredentials } from '../../../cloud/src/credentials';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { RateLimiter } from '../../../cloud/src/rpc/tokenBucket';
import { openProductJournal } from '../../../emulator/src/api/journal';
import { presignQuery } from '../../../emulator/src/api/transport/fileAuth';
import { FINISHED_FLOW_RETENTION_MS } from '../../../emulator/src/api/cynosdb';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';

const FLOW_JSON = (title: string): string => JSON.stringify({
  version: '7.3',
  screens: [{ id: 'ONLY', title, terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }],
});

/** The journal's records, as the file holds them now. */
async function journalLines(dataDir: string, name: string): Promise<string[]> {
  return (await readFile(join(dataDir, `${name}.jsonl`), 'utf8')).split('\n').filter((l) => l !== '');
}

function start(dataDir: string, now?: () => number): Promise<RunningEmulator> {
  return startEmulator({ dataDir, port: 0, onError: () => undefined, compactMinGarbage: 10, ...(now ? { now } : {}) });
}

describe('product journal compaction', () => {
  test('CAMS: churn is compacted away, uploads no flow points at are removed, a restart reads the same flows', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-journal-'));
    let emu: RunningEmulator | undefined;
    try {
      emu = await start(dataDir);
      const client = (e: RunningEmulator): CamsClient =>
        new CamsClient({ endpoint: e.endpoint, credentials: staticCredentials(e.accessKeyId, e.accessKeySecret), rateLimiter: new RateLimiter(new SimulatedClock()) });
      const uploader = (e: RunningEmulator): ReturnType<typeof httpPutUploader> => httpPutUploader(`${e.endpoint}/cams/uploads`, { credentials: { accessKeyId: e.accessKeyId, accessKeySecret: e.accessKeySecret } });
      let cams = client(emu);
      const first = emu;
      const kept = await cams.createFlow({ FlowName: 'kept', Categories: ['SIGN_UP'] });
      // Each revision comes from an upload of its own name: the one before is no flow's any more.
      const urls: string[] = [];
      for (let i = 0; i < 8; i++) {
        const url = await uploader(first).upload(`rev${i}.json`, FLOW_JSON(`rev ${i}`));
        urls.push(url);
        await cams.updateFlowJsonAsset(kept.FlowId, url);
      }
      for (let i = 0; i < 10; i++) await cams.modifyFlow({ FlowId: kept.FlowId, FlowName: `kept ${i}`, Categories: ['SIGN_UP'] });
      const pending = await uploader(first).upload('pending.json', FLOW_JSON('not used yet'));
      const gone = await cams.createFlow({ FlowName: 'gone', Categories: ['OTHER'] });
      const goneUrl = await uploader(first).upload('gone.json', FLOW_JSON('gone'));
      await cams.updateFlowJsonAsset(gone.FlowId, goneUrl);
      await cams.deleteFlow(gone.FlowId);
      const before = await cams.getFlow(kept.FlowId);
      await emu.close();

      const lines = await journalLines(dataDir, 'cams');
      // The background compaction ran at least once: far fewer records than the 35 changes made.
      assert.ok(lines.length < 35, `${lines.length} records`);

      const second = await start(dataDir);
      emu = second;
      cams = client(second);
      const after = await journalLines(dataDir, 'cams');
      // On start: the flow that is left, and the two uploads still kept (its current one, one pending).
      assert.equal(after.length, 3, after.join('\n'));
      const stable = (f: Record<string, unknown>) => ({ FlowId: f['FlowId'], FlowName: f['FlowName'], Categories: f['Categories'], Status: f['Status'], JSONVersion: f['JSONVersion'] });
      assert.deepEqual(stable({ ...(await cams.getFlow(kept.FlowId)) }), stable({ ...before }));
      assert.equal((await cams.getFlowJson(kept.FlowId)).text, FLOW_JSON('rev 7'));
      const status = async (url: string): Promise<number> => {
        const u = new URL(url.replace(/^http:\/\/[^/]+/, second.endpoint));
        // Signed like the uploader: a GET the file route authenticates.
        return (await fetch(`${u.origin}${u.pathname}?${presignQuery(u.pathname, Date.now() + 60_000, second.accessKeySecret)}`)).status;
      };
      assert.equal(await status(urls[7] as string), 200, 'the upload the flow points at stays');
      assert.equal(await status(pending), 200, 'an upload not used yet stays');
      for (const url of [...urls.slice(0, 7), goneUrl]) assert.equal(await status(url), 404, `${url} is no flow's any more`);
    } finally {
      await emu?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('CynosDB: task flows finished longer ago than the retention leave the journal; ids are never reused', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-journal-'));
    try {
      const now = Date.now();
      const old = now - FINISHED_FLOW_RETENTION_MS - 60_000;
      const opened = await openProductJournal(join(dataDir, 'cynosdb.jsonl'), { noSync: true, warn: () => undefined });
      for (let i = 0; i < 500; i++) await opened.journal.append({ FlowId: 200_000 + i, action: 'RestartInstance', resource: 'cynosdbmysql-ins-abcd1234', startedAt: old, durationMs: 3000 });
      await opened.journal.append({ FlowId: 300_000, action: 'RestartInstance', resource: 'cynosdbmysql-ins-abcd1234', startedAt: now, durationMs: 3000 });
      await opened.close();

      const emu = await start(dataDir, () => now);
      try {
        // Compacted on start: the id counter and the one task flow still inside the retention.
        assert.equal((await journalLines(dataDir, 'cynosdb')).length, 2);
        const sdk = new CommonClient('cynosdb.tencentcloudapi.com', '2019-01-07', {
          credential: { secretId: emu.accessKeyId, secretKey: emu.accessKeySecret },
          region: 'ap-guangzhou',
          profile: { httpProfile: { endpoint: new URL(emu.endpoint).host, protocol: 'http://' } },
        });
        assert.deepEqual(((await sdk.request('DescribeFlow', { FlowId: 300_000 })) as { Status: number }).Status, 2);
        await assert.rejects(sdk.request('DescribeFlow', { FlowId: 200_000 }), (err: Error & { code?: string }) => err.code === 'InvalidParameterValue.FlowNotFound');
        const next = (await sdk.request('RestartInstance', { InstanceId: 'cynosdbmysql-ins-abcd1234' })) as { FlowId: number };
        assert.equal(next.FlowId, 300_001);
      } finally {
        await emu.close();
      }
      // The counter survives a compaction that dropped the flow holding the highest id.
      const reopened = await openProductJournal(join(dataDir, 'cynosdb.jsonl'), { noSync: true, warn: () => undefined });
      assert.ok(reopened.journal.records.some((r) => (r as { lastFlowId?: number }).lastFlowId === 300_000));
      await reopened.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
