import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { CloudError } from '../../../cloud/src/errors';
import { startFakeFnf, FAKE_ID, FAKE_SECRET, type FakeServer } from './fakeFnf';

const TOKEN = 'sts-TOKEN-secret-456';

function client(fake: FakeServer, extra: { log?: (l: string) => void; signatureAlgorithm?: 'v1' | 'acs3'; token?: string } = {}) {
  const clock = new SimulatedClock(Date.parse('2026-01-01T00:00:00Z'));
  const c = new FnfClient({
    endpoint: fake.endpoint,
    credentials: staticCredentials(FAKE_ID, FAKE_SECRET, extra.token),
    clock,
    random: () => 0.5,
    ...(extra.log ? { log: extra.log } : {}),
    ...(extra.signatureAlgorithm ? { signatureAlgorithm: extra.signatureAlgorithm } : {}),
  });
  return { c, clock };
}

describe('AlibabaRpcCaller over loopback HTTP', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await startFakeFnf(() => ({ body: { RequestId: 'rid' } }));
  });
  after(async () => {
    await fake.close();
  });

  test('reads are GET with query parameters, writes are POST with a form body, both signed', async () => {
    fake.requests.length = 0;
    fake.handler = (r) =>
      r.action === 'DescribeFlow'
        ? { body: { Name: 'f1', ExecutionMode: '', Definition: 'x', RequestId: 'r1' } }
        : { body: { FlowName: 'f1', Name: 'e1', Status: 'Running', Input: '{"a":1}', RequestId: 'r2' } };
    const { c } = client(fake);
    const flow = await c.describeFlow('f1');
    assert.equal(flow.ExecutionMode, 'Standard');
    assert.equal(flow.RequestId, 'r1');
    const exec = await c.startExecution({ FlowName: 'f1', ExecutionName: 'e1', Input: { a: 1 } });
    assert.deepEqual(exec.Input, { a: 1 });
    const [get, post] = fake.requests;
    assert.equal(get?.method, 'GET');
    assert.equal(get?.query['Name'], 'f1');
    assert.equal(get?.query['Version'], '2019-03-15');
    assert.equal(post?.method, 'POST');
    assert.equal(post?.query['FlowName'], undefined);
    assert.equal(post?.body['FlowName'], 'f1');
    assert.equal(post?.body['Input'], '{"a":1}');
    assert.equal(post?.headers['content-type'], 'application/x-www-form-urlencoded');
    await c.close();
  });

  test('objects are sent as one JSON field and TaskToken stays in the query', async () => {
    fake.requests.length = 0;
    fake.handler = () => ({ body: { EventId: 7, RequestId: 'r' } });
    const { c } = client(fake);
    const r = await c.reportTaskSucceeded({ TaskToken: 'tok/1+2', Output: { ok: true } });
    assert.equal(r.EventId, 7);
    assert.equal(fake.requests[0]?.query['TaskToken'], 'tok/1+2');
    assert.equal(fake.requests[0]?.body['Output'], '{"ok":true}');
    fake.handler = () => ({ body: { Name: 'f', RequestId: 'r' } });
    await c.createFlow({ Name: 'f', Definition: 'Type: StateMachine', Environment: { Variables: [{ Name: 'A', Value: '1' }] } });
    assert.equal(fake.requests[1]?.body['Environment'], '{"Variables":[{"Name":"A","Value":"1"}]}');
    assert.equal(fake.requests[1]?.body['Type'], 'FDL');
    await c.close();
  });

  test('ACS3 signing is accepted by the ACS3 verifier', async () => {
    fake.handler = () => ({ body: { Name: 'f', RequestId: 'r' } });
    const { c } = client(fake, { signatureAlgorithm: 'acs3' });
    assert.equal((await c.describeFlow('f')).Name, 'f');
    await c.updateFlow({ Name: 'f', Definition: 'x' });
    await c.close();
  });

  test('retries 429, ResourceThrottled, Throttling.*, 5xx and dropped connections with growing backoff', async () => {
    const script = [
      { status: 429, body: { Code: 'ResourceThrottled', Message: 'The request is throttled.', RequestId: 'a' } },
      { status: 400, body: { Code: 'Throttling.User', Message: 'slow down', RequestId: 'b' } },
      { status: 500, body: { Code: 'InternalServerError', Message: 'oops', RequestId: 'c' } },
      { destroy: true },
      { body: { Flows: [], RequestId: 'ok' } },
    ];
    fake.requests.length = 0;
    fake.handler = () => script.shift() ?? { status: 500 };
    const { c, clock } = client(fake);
    const p = await c.listFlowsPage();
    assert.equal(p.RequestId, 'ok');
    assert.equal(fake.requests.length, 5);
    // random() = 0.5 -> 75% of 200 * 2^(n-1)
    assert.deepEqual(clock.sleeps.filter((s) => s >= 100), [150, 300, 600, 1200]);
    // every attempt was re-signed with a fresh nonce
    assert.equal(new Set(fake.requests.map((r) => r.query['SignatureNonce'])).size, 5);
    await c.close();
  });

  test('honours x-acs-retry-after', async () => {
    const script = [{ status: 429, body: { Code: 'ResourceThrottled', Message: 'm', RequestId: 'a' }, headers: { 'x-acs-retry-after': '4000' } }, { body: { Flows: [], RequestId: 'ok' } }];
    fake.handler = () => script.shift() ?? { status: 500 };
    const { c, clock } = client(fake);
    await c.listFlowsPage();
    assert.ok(clock.sleeps.includes(4000), `sleeps: ${clock.sleeps.join(',')}`);
    await c.close();
  });

  test('never retries other 4xx, and the error carries status, code, message, request id and hint', async () => {
    fake.requests.length = 0;
    fake.handler = () => ({ status: 404, body: { Code: 'FlowNotExists', Message: 'Flow  nope does not exist.', RequestId: 'rid-404' } });
    const { c } = client(fake);
    const err = await c.describeFlow('nope').then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof CloudError);
    assert.equal(err.status, 404);
    assert.equal(err.code, 'FlowNotExists');
    assert.equal(err.serviceMessage, 'Flow  nope does not exist.');
    assert.equal(err.requestId, 'rid-404');
    assert.match(err.hint, /deploy the flow first/);
    assert.equal(err.retryable, false);
    assert.equal(fake.requests.length, 1);
    await c.close();
  });

  test('gives up after the last attempt with the last error', async () => {
    fake.requests.length = 0;
    fake.handler = () => ({ status: 503, body: { Code: 'ServiceUnavailable', Message: 'down', RequestId: 'x' } });
    const { c } = client(fake);
    await assert.rejects(c.listFlowsPage(), (e: unknown) => e instanceof CloudError && e.status === 503);
    assert.equal(fake.requests.length, 5);
    await c.close();
  });

  test('a wrong secret is rejected by the server as SignatureNotMatch', async () => {
    const c = new FnfClient({ endpoint: fake.endpoint, credentials: staticCredentials(FAKE_ID, 'other-secret'), clock: new SimulatedClock() });
    await assert.rejects(c.describeFlow('f'), (e: unknown) => e instanceof CloudError && e.code === 'SignatureNotMatch' && /AccessKey secret/.test(e.hint));
    await c.close();
  });

  test('inputs are checked before sending', async () => {
    fake.requests.length = 0;
    const { c } = client(fake);
    await assert.rejects(c.startExecution({ FlowName: '1bad', Input: {} }), /must start with a letter or an underscore/);
    await assert.rejects(c.startExecution({ FlowName: 'ok', ExecutionName: 'has space' }), /may contain only letters/);
    await assert.rejects(c.startExecution({ FlowName: 'x'.repeat(129) }), /the limit is 128/);
    await assert.rejects(c.startExecution({ FlowName: 'ok', Input: '[1,2]' }), /must be a JSON object/);
    await assert.rejects(c.startExecution({ FlowName: 'ok', Input: '{bad' }), /not valid JSON/);
    await assert.rejects(c.getExecutionHistoryPage({ FlowName: 'ok', ExecutionName: 'e', Limit: 1000 }), /from 1 to 999/);
    await assert.rejects(c.describeExecution({ FlowName: 'ok', ExecutionName: 'e', WaitTimeSeconds: 61 }), /from 0 to 60/);
    await assert.rejects(c.stopExecution({ FlowName: 'ok', ExecutionName: 'e', Error: 'x'.repeat(129) }), /1-128 characters/);
    await assert.rejects(
      c.createFlow({ Name: 'big', Definition: 'x'.repeat(1024 * 1024) }),
      (e: unknown) => e instanceof CloudError && e.code === 'EntityTooLarge' && /1048576 bytes/.test(e.message),
    );
    assert.equal(fake.requests.length, 0);
    await c.close();
  });

  test('secrets never appear in errors, thrown messages or logs', async () => {
    const lines: string[] = [];
    const { c } = client(fake, { log: (l) => lines.push(l), token: TOKEN });
    const errors: unknown[] = [];
    for (const reply of [
      { status: 403, body: { Code: 'InvalidAccessKeyID', Message: 'The AccessKey ID fake-id is invalid.', RequestId: 'r' } },
      { status: 400, body: { Code: 'SignatureNotMatch', Message: 'bad', RequestId: 'r' } },
      { status: 502, body: 'not json' },
    ]) {
      fake.handler = () => reply;
      errors.push(await c.listFlowsPage().then(() => undefined, (e: unknown) => e));
    }
    errors.push(await new FnfClient({ endpoint: 'http://127.0.0.1:1', credentials: staticCredentials(FAKE_ID, FAKE_SECRET, TOKEN), clock: new SimulatedClock(), log: (l) => lines.push(l) }).listFlowsPage().then(() => undefined, (e: unknown) => e));
    assert.equal(errors.filter((e) => e instanceof CloudError).length, 4);
    const dump = [...errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack ?? ''} ${JSON.stringify(Object.entries(e as object))}`), ...lines].join('\n');
    assert.ok(lines.length > 0);
    assert.ok(!dump.includes(FAKE_SECRET), 'secret leaked');
    assert.ok(!dump.includes(TOKEN), 'security token leaked');
    await c.close();
  });
});
