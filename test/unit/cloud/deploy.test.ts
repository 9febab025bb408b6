import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { CloudError } from '../../../cloud/src/errors';
import { startFakeFnf, FAKE_ID, FAKE_SECRET, type FakeServer, type FakeReply } from './fakeFnf';

const notExists: FakeReply = { status: 404, body: { Code: 'FlowNotExists', Message: 'no such thing', RequestId: 'r' } };
const flowBody = (mode = '') => ({ body: { Name: 'f', ExecutionMode: mode, Definition: 'd', RequestId: 'r' } });

describe('deployFlow', () => {
  let fake: FakeServer;
  let c: FnfClient;
  before(async () => {
    fake = await startFakeFnf(() => ({}));
    c = new FnfClient({ endpoint: fake.endpoint, credentials: staticCredentials(FAKE_ID, FAKE_SECRET), clock: new SimulatedClock(), random: () => 0.5 });
  });
  after(async () => {
    await c.close();
    await fake.close();
  });

  test('creates when DescribeFlow answers the code FlowNotExists (whatever the message says)', async () => {
    fake.requests.length = 0;
    fake.handler = (r) => (r.action === 'DescribeFlow' ? notExists : flowBody('Express'));
    const res = await c.deployFlow({ Name: 'f', Definition: 'd', ExecutionMode: 'Express', RoleArn: 'acs:ram::1:role/x' });
    assert.equal(res.action, 'created');
    assert.deepEqual(fake.requests.map((r) => r.action), ['DescribeFlow', 'CreateFlow']);
    assert.equal(fake.requests[1]?.body['ExecutionMode'], 'Express');
    assert.equal(fake.requests[1]?.body['RoleArn'], 'acs:ram::1:role/x');
    assert.ok(fake.requests[1]?.body['Description'], 'CreateFlow requires a Description');
  });

  test('updates an existing flow and never sends ExecutionMode on update', async () => {
    fake.requests.length = 0;
    fake.handler = () => flowBody('');
    const res = await c.deployFlow({ Name: 'f', Definition: 'd2', Description: 'new' });
    assert.equal(res.action, 'updated');
    assert.equal(res.executionModeUnchanged, undefined);
    assert.deepEqual(fake.requests.map((r) => r.action), ['DescribeFlow', 'UpdateFlow']);
    assert.equal(fake.requests[1]?.body['Definition'], 'd2');
    assert.equal(fake.requests[1]?.body['ExecutionMode'], undefined);
  });

  test('reports that the execution mode cannot change on update', async () => {
    fake.handler = () => flowBody('');
    const res = await c.deployFlow({ Name: 'f', Definition: 'd', ExecutionMode: 'Express' });
    assert.deepEqual({ ...res.executionModeUnchanged, message: undefined }, { deployed: 'Standard', requested: 'Express', message: undefined });
    assert.match(res.executionModeUnchanged?.message ?? '', /cannot change on update/);
  });

  test('retries ConcurrentUpdateError and then succeeds', async () => {
    fake.requests.length = 0;
    let conflicts = 2;
    fake.handler = (r) =>
      r.action === 'UpdateFlow' && conflicts-- > 0 ? { status: 409, body: { Code: 'ConcurrentUpdateError', Message: 'Update conflict, please retry.', RequestId: 'r' } } : flowBody();
    const res = await c.deployFlow({ Name: 'f', Definition: 'd' });
    assert.equal(res.action, 'updated');
    assert.equal(fake.requests.filter((r) => r.action === 'UpdateFlow').length, 3);
  });

  test('a flow created concurrently by someone else is updated instead', async () => {
    fake.requests.length = 0;
    let described = 0;
    fake.handler = (r) => {
      if (r.action === 'DescribeFlow') return described++ === 0 ? notExists : flowBody();
      if (r.action === 'CreateFlow') return { status: 409, body: { Code: 'FlowAlreadyExists', Message: 'Flow f already exists.', RequestId: 'r' } };
      return flowBody();
    };
    const res = await c.deployFlow({ Name: 'f', Definition: 'd' });
    assert.equal(res.action, 'updated');
    assert.deepEqual(fake.requests.map((r) => r.action), ['DescribeFlow', 'CreateFlow', 'DescribeFlow', 'UpdateFlow']);
  });

  test('other errors stop the deploy', async () => {
    fake.handler = () => ({ status: 403, body: { Code: 'AccessDenied', Message: "The resources doesn't belong to you.", RequestId: 'r' } });
    await assert.rejects(c.deployFlow({ Name: 'f', Definition: 'd' }), (e: unknown) => e instanceof CloudError && e.code === 'AccessDenied');
  });
});
