// A distributed Map in the emulator, driven by the official clients: ali-oss puts a CSV in the
// object store, pop-core creates and starts the flow; each CSV row runs as a child execution of a
// MapRun, which ListExecutions (MapRunName), DescribeMapRun and UpdateMapRun reach.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import RPCClient from '@alicloud/pop-core';
import OSS from 'ali-oss';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials';
import { startTestEmulator, type EmulatorFixture } from './support';

const FLOW = `Type: StateMachine
SpecVersion: v1
StartAt: EachOrder
States:
  - Type: Map
    Name: EachOrder
    ProcessorConfig:
      ExecutionMode: Standard
    MaxConcurrency: 2
    ToleratedFailureCount: 1
    ItemReader:
      SourceType: OSS_CSV
      SourceParameters:
        Bucket: orders
        ObjectName: in/orders.csv
    Processor:
      StartAt: Check
      States:
        - Type: Choice
          Name: Check
          Branches:
            - Condition: $Input.qty == "0"
              Next: Reject
          Default: Accept
        - Type: Fail
          Name: Reject
          Code: EmptyOrder
          Detail: no items
        - Type: Pass
          Name: Accept
          End: true
    End: true
`;

interface Execution { Name: string; Status: string; Output?: string }

describe('distributed Map in the emulator through the official clients', () => {
  let f: EmulatorFixture;
  let sdk: RPCClient;
  before(async () => {
    f = await startTestEmulator();
    sdk = new RPCClient({ accessKeyId: f.emulator.accessKeyId, accessKeySecret: f.emulator.accessKeySecret, endpoint: f.emulator.endpoint, apiVersion: '2019-03-15' });
  });
  after(() => f.close());

  test('CSV rows become child executions of a MapRun; one failure is tolerated', async () => {
    const oss = new OSS({ accessKeyId: f.emulator.accessKeyId, accessKeySecret: f.emulator.accessKeySecret, bucket: 'orders', endpoint: f.emulator.endpoint, secure: false });
    await oss.put('in/orders.csv', Buffer.from('id,qty\nA,2\nB,0\nC,5\n'));

    const post = { method: 'POST' as const, formatParams: false };
    await sdk.request('CreateFlow', { Name: 'orders', Definition: FLOW, Description: '', Type: 'FDL' }, post);
    await sdk.request('StartExecution', { FlowName: 'orders', ExecutionName: 'run1', Input: '{}' }, post);
    const done = (await sdk.request('DescribeExecution', { FlowName: 'orders', ExecutionName: 'run1', WaitTimeSeconds: 20 }, { formatParams: false })) as Execution;
    assert.equal(done.Status, 'Succeeded', JSON.stringify(done));
    const items = (JSON.parse(done.Output as string) as { Items: unknown[] }).Items;
    assert.deepEqual(items, [{ id: 'A', qty: '2' }, null, { id: 'C', qty: '5' }]);

    // The parent's history names the MapRun.
    const history = (await sdk.request('GetExecutionHistory', { FlowName: 'orders', ExecutionName: 'run1' }, { formatParams: false })) as { Events: { Type: string; EventDetail: string }[] };
    const entered = history.Events.find((e) => e.Type === 'IterationEntered');
    assert.ok(entered, 'an IterationEntered event for the MapRun');
    const mapRunName = (JSON.parse(entered.EventDetail) as { mapRunName: string }).mapRunName;

    const children = (await sdk.request('ListExecutions', { FlowName: 'orders', MapRunName: mapRunName }, { formatParams: false })) as { Executions: Execution[] };
    assert.deepEqual(children.Executions.map((e) => [e.Name, e.Status]).sort(), [
      [`${mapRunName}-0`, 'Succeeded'], [`${mapRunName}-1`, 'Failed'], [`${mapRunName}-2`, 'Succeeded'],
    ]);
    const own = (await sdk.request('ListExecutions', { FlowName: 'orders' }, { formatParams: false })) as { Executions: Execution[] };
    assert.deepEqual(own.Executions.map((e) => e.Name), ['run1'], 'children are listed only under their MapRun');

    const run = (await sdk.request('DescribeMapRun', { FlowName: 'orders', ExecutionName: 'run1', MapRunName: mapRunName }, { formatParams: false })) as Record<string, unknown>;
    assert.equal(run['Status'], 'Succeeded');
    assert.equal(run['Concurrency'], 2);
    assert.equal(run['ToleratedFailedCount'], 1);
    assert.deepEqual({ ...(run['ItemCounts'] as object) }, { Total: 3, Pending: 0, Running: 0, Succeed: 2, Failed: 1, Aborted: 0 });

    await sdk.request('UpdateMapRun', { FlowName: 'orders', ExecutionName: 'run1', MapRunName: mapRunName, Concurrency: 5, ToleratedFailedPercentage: 40 }, { formatParams: false });
    const updated = (await sdk.request('DescribeMapRun', { FlowName: 'orders', ExecutionName: 'run1', MapRunName: mapRunName }, { formatParams: false })) as Record<string, unknown>;
    assert.equal(updated['Concurrency'], 5);
    assert.equal(updated['ToleratedFailedPercentage'], 40);
    // Flowdeck's own client reads the same MapRun.
    const fnf = new FnfClient({ endpoint: f.emulator.endpoint, credentials: staticCredentials(f.emulator.accessKeyId, f.emulator.accessKeySecret) });
    const viaClient = await fnf.describeMapRun({ FlowName: 'orders', ExecutionName: 'run1', MapRunName: mapRunName });
    assert.equal(viaClient.Concurrency, 5);
    assert.equal(viaClient.ItemCounts?.Failed, 1);
    await fnf.updateMapRun({ FlowName: 'orders', ExecutionName: 'run1', MapRunName: mapRunName, Concurrency: 3 });
    assert.equal((await fnf.describeMapRun({ FlowName: 'orders', ExecutionName: 'run1', MapRunName: mapRunName })).Concurrency, 3);
    const kids = [];
    for await (const e of fnf.listExecutions({ FlowName: 'orders', MapRunName: mapRunName })) kids.push(e.Name);
    assert.equal(kids.length, 3);
    await assert.rejects(
      sdk.request('DescribeMapRun', { FlowName: 'orders', ExecutionName: 'run1', MapRunName: 'nope' }, { formatParams: false }),
      (e: Error & { code?: string }) => e.code === 'MapRunNotExists',
    );
  });
});
