// Parameters and sign-in errors as other official clients send and expect them: the Python Tea
// SDK's booleans (`str(True)` is `True`), and CAMS's gateway codes for a bad AccessKey or
// signature (pop-core, signature v1), which differ from fnf's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import RPCClient from '@alicloud/pop-core';
import { PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

type SdkError = Error & { code?: string };

describe('SDK parameter forms and per-product sign-in errors', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
  });
  after(() => f.close());

  test("booleans as the Python Tea SDK sends them ('True' / 'False') are accepted", async () => {
    const created = await f.client.call('CreateFlow', { Name: 'tea_bools', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const schedule = await f.client.call('CreateSchedule', { FlowName: 'tea_bools', ScheduleName: 'nightly', CronExpression: '0 0 3 * * *', Enable: 'True' });
    assert.equal(schedule.status, 200, JSON.stringify(schedule.body));
    const described = await f.client.call('DescribeSchedule', { FlowName: 'tea_bools', ScheduleName: 'nightly' });
    assert.equal(described.body['Enable'], true);
    const disabled = await f.client.call('UpdateSchedule', { FlowName: 'tea_bools', ScheduleName: 'nightly', Enable: 'False' });
    assert.equal(disabled.status, 200, JSON.stringify(disabled.body));
    assert.equal((await f.client.call('DescribeSchedule', { FlowName: 'tea_bools', ScheduleName: 'nightly' })).body['Enable'], false);
    const listed = await f.client.call('ListExecutions', { FlowName: 'tea_bools', MetadataOnly: 'True' });
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const wrong = await f.client.call('ListExecutions', { FlowName: 'tea_bools', MetadataOnly: 'yes' });
    assert.equal(wrong.body['Code'], 'InvalidArgument');
  });

  const cams = (accessKeyId: string, accessKeySecret: string): RPCClient =>
    new RPCClient({ accessKeyId, accessKeySecret, endpoint: f.emulator.endpoint, apiVersion: '2020-06-06' });

  test("CAMS answers a bad signature and an unknown AccessKey with the gateway's codes", async () => {
    const listed = (await cams(f.emulator.accessKeyId, f.emulator.accessKeySecret).request('ListFlow', {}, { method: 'POST' })) as { Code: string };
    assert.equal(listed.Code, 'OK');
    await assert.rejects(cams(f.emulator.accessKeyId, 'wrong').request('ListFlow', {}, { method: 'POST' }), (err: SdkError) => err.code === 'SignatureDoesNotMatch');
    await assert.rejects(cams('nobody', f.emulator.accessKeySecret).request('ListFlow', {}, { method: 'POST' }), (err: SdkError) => err.code === 'InvalidAccessKeyId.NotFound');
  });

  test("fnf keeps its own sign-in codes", async () => {
    const fnf = new RPCClient({ accessKeyId: 'nobody', accessKeySecret: 'x', endpoint: f.emulator.endpoint, apiVersion: '2019-03-15' });
    await assert.rejects(fnf.request('ListFlows', {}, {}), (err: SdkError) => err.code === 'InvalidAccessKeyID');
  });
});
