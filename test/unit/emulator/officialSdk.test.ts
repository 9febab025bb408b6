// The official Alibaba Cloud SDK (@alicloud/pop-core RPCClient, signature v1) drives the
// emulator end to end: it creates a flow, starts it, waits for it and pages its history.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import RPCClient from '@alicloud/pop-core';
import { PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

interface HistoryPage {
  Events: { EventId: number; Type: string }[];
  NextToken?: string;
}

describe('official Alibaba SDK against the emulator', () => {
  let f: EmulatorFixture;
  let sdk: RPCClient;
  before(async () => {
    f = await startTestEmulator();
    sdk = new RPCClient({
      accessKeyId: f.emulator.accessKeyId,
      accessKeySecret: f.emulator.accessKeySecret,
      endpoint: f.emulator.endpoint,
      apiVersion: '2019-03-15',
    });
  });
  after(() => f.close());

  test('creates a flow, starts it, waits for it and pages its history', async () => {
    const post = { method: 'POST' as const, formatParams: false };
    const created = (await sdk.request('CreateFlow', { Name: 'sdk_flow', Definition: PASS_CHOICE_FLOW, Description: 'via SDK', Type: 'FDL' }, post)) as Record<string, unknown>;
    assert.equal(created['Name'], 'sdk_flow');
    const started = (await sdk.request('StartExecution', { FlowName: 'sdk_flow', ExecutionName: 'sdk_run', Input: '{"fail":false,"k":"v"}' }, post)) as Record<string, unknown>;
    assert.equal(started['Name'], 'sdk_run');
    const done = (await sdk.request('DescribeExecution', { FlowName: 'sdk_flow', ExecutionName: 'sdk_run', WaitTimeSeconds: 10 }, { formatParams: false })) as Record<string, unknown>;
    assert.equal(done['Status'], 'Succeeded');
    assert.deepEqual(JSON.parse(String(done['Output'])), { fail: false, k: 'v' });

    const ids: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const params: Record<string, unknown> = { FlowName: 'sdk_flow', ExecutionName: 'sdk_run', Limit: 2 };
      if (token) params['NextToken'] = token;
      const page = (await sdk.request('GetExecutionHistory', params, { formatParams: false })) as HistoryPage;
      ids.push(...page.Events.map((e) => e.EventId));
      token = page.NextToken;
      pages++;
    } while (token);
    assert.ok(pages >= 3, `several pages of 2 (got ${pages})`);
    assert.deepEqual(ids, ids.map((_, i) => i + 1));
  });

  test('service errors reach the SDK as its error with the service code', async () => {
    await assert.rejects(
      sdk.request('DescribeFlow', { Name: 'nope' }, { formatParams: false }),
      (err: Error & { code?: string }) => err.code === 'FlowNotExists' && /Flow {2}nope does not exist\./.test(err.message),
    );
    const wrong = new RPCClient({ accessKeyId: 'local', accessKeySecret: 'wrong', endpoint: f.emulator.endpoint, apiVersion: '2019-03-15' });
    await assert.rejects(wrong.request('ListFlows', {}, {}), (err: Error & { code?: string }) => err.code === 'SignatureNotMatch');
  });
});
