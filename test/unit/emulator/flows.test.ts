// CreateFlow, UpdateFlow, DescribeFlow, ListFlows and DeleteFlow over real HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

const create = (name: string, extra: Record<string, string> = {}) => ({
  Name: name, Definition: PASS_CHOICE_FLOW, Description: 'test flow', Type: 'FDL', ...extra,
});

describe('emulator flows', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
  });
  after(() => f.close());

  test('CreateFlow returns the flow object; DescribeFlow returns the same', async () => {
    const created = await f.client.ok('CreateFlow', create('flow_a', { RoleArn: 'acs:ram::1:role/x', ExecutionMode: 'Standard' }));
    assert.equal(created['Name'], 'flow_a');
    assert.equal(created['Type'], 'FDL');
    assert.equal(created['Definition'], PASS_CHOICE_FLOW);
    assert.equal(created['RoleArn'], 'acs:ram::1:role/x');
    assert.equal(created['ExecutionMode'], 'Standard');
    assert.match(String(created['Id']), /^[0-9a-f-]{36}$/);
    assert.match(String(created['CreatedTime']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const described = await f.client.ok('DescribeFlow', { Name: 'flow_a' });
    delete described['RequestId'];
    delete created['RequestId'];
    assert.deepEqual(described, created);
  });

  test('creating a flow twice is FlowAlreadyExists (409)', async () => {
    await f.client.ok('CreateFlow', create('flow_dup'));
    const r = await f.client.call('CreateFlow', create('flow_dup'));
    assert.equal(r.status, 409);
    assert.equal(r.body['Code'], 'FlowAlreadyExists');
    assert.equal(r.body['Message'], 'Flow flow_dup already exists.');
  });

  test('a missing flow is FlowNotExists (404) with the service template', async () => {
    const r = await f.client.call('DescribeFlow', { Name: 'ghost' });
    assert.equal(r.status, 404);
    assert.equal(r.body['Code'], 'FlowNotExists');
    assert.equal(r.body['Message'], 'Flow  ghost does not exist.');
  });

  test('a missing required parameter is MissingRequiredParams naming it', async () => {
    const r = await f.client.call('CreateFlow', { Name: 'x', Definition: PASS_CHOICE_FLOW, Description: '' });
    assert.equal(r.status, 400);
    assert.equal(r.body['Code'], 'MissingRequiredParams');
    assert.equal(r.body['Message'], "The HTTP query 'Type' must be specified.");
  });

  test('names must follow the service rules', async () => {
    for (const bad of ['1flow', 'has space', 'a'.repeat(129), 'dot.name']) {
      const r = await f.client.call('CreateFlow', create(bad));
      assert.equal(r.status, 400, bad);
      assert.equal(r.body['Code'], 'InvalidArgument');
      assert.match(String(r.body['Message']), /^Parameter error\. Name .* is invalid/);
    }
    await f.client.ok('CreateFlow', create('_ok-Name_1'));
  });

  test('an invalid definition is rejected with the language service errors in the message', async () => {
    const broken = PASS_CHOICE_FLOW.replace('Next: Decide', 'Next: Nowhere');
    const r = await f.client.call('CreateFlow', create('flow_bad', { Definition: broken }));
    assert.equal(r.status, 400);
    assert.equal(r.body['Code'], 'InvalidArgument');
    assert.match(String(r.body['Message']), /^Parameter error\. The flow definition is invalid: .*line 8, column 11: no state named `Nowhere`/);
    const missing = await f.client.call('DescribeFlow', { Name: 'flow_bad' });
    assert.equal(missing.status, 404, 'a rejected flow is not created');
  });

  test('UpdateFlow changes the definition and LastModifiedTime but keeps Id and CreatedTime', async () => {
    const created = await f.client.ok('CreateFlow', create('flow_upd'));
    const newDefinition = PASS_CHOICE_FLOW.replace('Name: demo', 'Name: demo2');
    const updated = await f.client.ok('UpdateFlow', { Name: 'flow_upd', Definition: newDefinition, Description: 'changed' });
    assert.equal(updated['Id'], created['Id']);
    assert.equal(updated['CreatedTime'], created['CreatedTime']);
    assert.equal(updated['Definition'], newDefinition);
    assert.equal(updated['Description'], 'changed');
    const bad = await f.client.call('UpdateFlow', { Name: 'flow_upd', Definition: PASS_CHOICE_FLOW.replace('Next: Decide', 'Next: Nowhere') });
    assert.equal(bad.status, 400);
    assert.equal(bad.body['Code'], 'InvalidArgument');
    const ghost = await f.client.call('UpdateFlow', { Name: 'ghost', Description: 'x' });
    assert.equal(ghost.body['Code'], 'FlowNotExists');
  });

  test('ListFlows pages by NextToken in name order', async () => {
    for (const n of ['page_c', 'page_a', 'page_b']) await f.client.ok('CreateFlow', create(n));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const r = await f.client.ok('ListFlows', { Limit: '2', NextToken: token });
      const flows = r['Flows'] as { Name: string }[];
      assert.ok(flows.length <= 2);
      seen.push(...flows.map((x) => x.Name));
      token = r['NextToken'] as string | undefined;
    } while (token);
    const pageNames = seen.filter((n) => n.startsWith('page_'));
    assert.deepEqual(pageNames, ['page_a', 'page_b', 'page_c']);
    assert.deepEqual(seen, [...seen].sort());
    const bad = await f.client.call('ListFlows', { Limit: '0' });
    assert.equal(bad.body['Code'], 'InvalidArgument');
  });

  test('DeleteFlow removes the flow and its executions; re-creating gets a new Id', async () => {
    const first = await f.client.ok('CreateFlow', create('flow_del'));
    await f.client.ok('StartExecution', { FlowName: 'flow_del', ExecutionName: 'run1' });
    await f.client.ok('DeleteFlow', { Name: 'flow_del' });
    assert.equal((await f.client.call('DescribeFlow', { Name: 'flow_del' })).body['Code'], 'FlowNotExists');
    const again = await f.client.ok('CreateFlow', create('flow_del'));
    assert.notEqual(again['Id'], first['Id']);
    const list = await f.client.ok('ListExecutions', { FlowName: 'flow_del' });
    assert.deepEqual(list['Executions'], []);
    assert.equal((await f.client.call('DeleteFlow', { Name: 'never' })).status, 404);
  });
});
