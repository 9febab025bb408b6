// CynosdbClient and the official Tencent SDK against the emulator's CynosDB product (TC3 checked):
// a restart's task flow goes from 2 (processing) to 0 (succeeded); unknown flows give
// InvalidParameterValue.FlowNotFound with a hint.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { staticCredentials } from '../../../cloud/src/credentials';
import { CynosdbClient, taskFlowState, type TaskFlowObservation } from '../../../cloud/src/cynosdb';
import { CloudError } from '../../../cloud/src/errors';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { TencentTc3Caller } from '../../../cloud/src/rpc/tencentTc3Caller';
import { RESTART_DURATION_MS } from '../../../emulator/src/api/cynosdb';
import { startTestEmulator, type TestEmulator } from '../cams/emulator';

describe('CynosDB task flows on the emulator', () => {
  // One virtual clock for the client's polling and the emulator's notion of time.
  const clock = new SimulatedClock(Date.now());
  let emu: TestEmulator;
  let client: CynosdbClient;
  before(async () => {
    emu = await startTestEmulator({ now: () => clock.now() });
    client = new CynosdbClient({ endpoint: emu.endpoint, region: 'ap-guangzhou', credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), clock });
  });
  after(async () => emu.close());

  /** RestartInstance is not a DescribeFlow-client operation: it goes through a raw TC3 caller. */
  const restart = async (instanceId: string): Promise<number> => {
    const caller = new TencentTc3Caller({
      service: 'cynosdb', version: '2019-01-07', endpoint: emu.endpoint, region: 'ap-guangzhou',
      credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), clock,
      operations: { RestartInstance: {} }, defaultQuota: { burst: 20, perSecond: 20 },
    });
    return (await caller.call<{ FlowId: number }>('RestartInstance', { InstanceId: instanceId })).FlowId;
  };

  test('a restart task flow is processing, then succeeded', async () => {
    const flowId = await restart('cynosdbmysql-ins-abcd1234');
    assert.ok(Number.isInteger(flowId));
    assert.equal((await client.describeFlow(flowId)).Status, 2);
    const seen: TaskFlowObservation[] = [];
    for await (const o of client.watchFlow(flowId, { intervalMs: 1000 })) seen.push(o);
    assert.deepEqual(seen.map((o) => o.state), ['processing', 'succeeded']);
    const last = seen.at(-1) as TaskFlowObservation;
    assert.ok(last.polls >= Math.ceil(RESTART_DURATION_MS / 1000), `finished after ${last.polls} polls`);
  });

  test('an unknown FlowId is InvalidParameterValue.FlowNotFound with a hint', async () => {
    await assert.rejects(client.describeFlow(987654321), (e: unknown) => e instanceof CloudError && e.code === 'InvalidParameterValue.FlowNotFound' && /check the FlowId and region/.test(e.hint));
  });

  test('a FlowId that is not a positive integer is refused before sending', async () => {
    await assert.rejects(client.describeFlow(1.5), /positive integer/);
    assert.equal(taskFlowState(1), 'failed');
  });

  test('the official Tencent SDK calls DescribeFlow on the emulator', async () => {
    const sdk = new CommonClient('cynosdb.tencentcloudapi.com', '2019-01-07', {
      credential: { secretId: emu.accessKeyId, secretKey: emu.accessKeySecret },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: new URL(emu.endpoint).host, protocol: 'http://' } },
    });
    const FlowId = await restart('cynosdbmysql-ins-0000beef');
    const r = (await sdk.request('DescribeFlow', { FlowId })) as { Status: number; RequestId: string };
    assert.equal(r.Status, 2);
    assert.ok(r.RequestId);
    await assert.rejects(sdk.request('DescribeFlow', { FlowId: 1 }), (e: unknown) => (e as { code?: string }).code === 'InvalidParameterValue.FlowNotFound');
    const wrong = new CommonClient('cynosdb.tencentcloudapi.com', '2019-01-07', {
      credential: { secretId: emu.accessKeyId, secretKey: 'not-the-secret' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: new URL(emu.endpoint).host, protocol: 'http://' } },
    });
    await assert.rejects(wrong.request('DescribeFlow', { FlowId }), (e: unknown) => (e as { code?: string }).code === 'AuthFailure.SignatureFailure');
  });
});
