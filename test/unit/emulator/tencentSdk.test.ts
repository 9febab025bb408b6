// The official Tencent Cloud SDK (tencentcloud-sdk-nodejs-common, TC3-HMAC-SHA256) reaches the
// emulator's CynosDB product on the same port as fnf: an asynchronous operation returns a
// FlowId whose DescribeFlow status goes from 2 (processing) to 0 (succeeded).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { RESTART_DURATION_MS } from '../../../emulator/src/api/cynosdb';
import { startTestEmulator, type EmulatorFixture } from './support';

function client(f: EmulatorFixture, secretKey = f.emulator.accessKeySecret): CommonClient {
  return new CommonClient('cynosdb.tencentcloudapi.com', '2019-01-07', {
    credential: { secretId: f.emulator.accessKeyId, secretKey },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: new URL(f.emulator.endpoint).host, protocol: 'http://', reqMethod: 'POST' } },
  });
}

describe('official Tencent SDK against the emulator', () => {
  let f: EmulatorFixture;
  // The emulator's clock stands still unless the test moves it (it stays within the 5 minutes
  // of signature skew the TC3 check allows).
  let clock = Date.now();
  before(async () => {
    f = await startTestEmulator({ timeScale: 1, now: () => clock });
  });
  after(() => f.close());

  test('RestartInstance returns a FlowId; DescribeFlow reports 2 (processing), later 0', async () => {
    const sdk = client(f);
    const started = (await sdk.request('RestartInstance', { InstanceId: 'cynosdbmysql-ins-abcd1234' })) as { FlowId: number; RequestId: string };
    assert.equal(typeof started.FlowId, 'number');
    assert.ok(started.RequestId);
    const first = (await sdk.request('DescribeFlow', { FlowId: started.FlowId })) as { Status: number };
    assert.equal(first.Status, 2);
    clock += RESTART_DURATION_MS;
    const later = (await sdk.request('DescribeFlow', { FlowId: started.FlowId })) as { Status: number };
    assert.equal(later.Status, 0);
  });

  test('a wrong secret is AuthFailure.SignatureFailure, raised by the SDK with that code', async () => {
    await assert.rejects(
      client(f, 'wrong').request('DescribeFlow', { FlowId: 1 }),
      (err: Error & { code?: string }) => err.code === 'AuthFailure.SignatureFailure',
    );
  });
});
