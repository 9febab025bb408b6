// Flow versions, aliases and the Qualifier of StartExecution / StartSyncExecution / ListExecutions,
// over real HTTP: CRUD and validation, runs of a published snapshot, weighted routing with an
// injected random source, persistence across restarts and the cascade of DeleteFlow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestEmulator, tempDir, type EmulatorFixture, type FnfTestClient } from './support';

/** A flow whose output names which definition ran. */
const tagged = (tag: string): string => `Type: StateMachine
SpecVersion: v1
Name: tagged
StartAt: Tag
States:
  - Type: Pass
    Name: Tag
    OutputConstructor:
      tag: ${tag}
    End: true
`;

const flowParams = (name: string, definition: string, mode?: 'Standard' | 'Express') => ({
  Name: name, Definition: definition, Description: 'versioned', Type: 'FDL', ...(mode ? { ExecutionMode: mode } : {}),
});

const routes = (...pairs: Array<[string, number]>): string => JSON.stringify(pairs.map(([Version, Weight]) => ({ Version, Weight })));

/** Starts a Standard execution and returns it once it has ended. */
async function runToEnd(client: FnfTestClient, params: Record<string, string>): Promise<Record<string, unknown>> {
  const started = await client.ok('StartExecution', params);
  const name = String(started['Name']);
  for (;;) {
    const e = await client.ok('DescribeExecution', { FlowName: params['FlowName'], ExecutionName: name, WaitTimeSeconds: '30' });
    if (e['Status'] !== 'Running' && e['Status'] !== 'Starting') return e;
  }
}

const tagOf = (execution: Record<string, unknown>): unknown => (JSON.parse(String(execution['Output'])) as { tag: unknown }).tag;

describe('emulator flow versions', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
  });
  after(() => f.close());

  test('PublishFlowVersion numbers snapshots; ListFlowVersions pages them; DescribeFlow shows one', async () => {
    await f.client.ok('CreateFlow', flowParams('ver_a', tagged('one')));
    const v1 = await f.client.ok('PublishFlowVersion', { FlowName: 'ver_a', Description: 'first' });
    assert.equal(v1['FlowName'], 'ver_a');
    assert.equal(v1['Version'], '1');
    assert.equal(v1['Description'], 'first');
    assert.match(String(v1['CreatedTime']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await f.client.ok('UpdateFlow', { Name: 'ver_a', Definition: tagged('two') });
    const v2 = await f.client.ok('PublishFlowVersion', { FlowName: 'ver_a' });
    assert.equal(v2['Version'], '2');
    assert.equal(v2['Description'], '');
    await f.client.ok('UpdateFlow', { Name: 'ver_a', Definition: tagged('three') });

    const all = await f.client.ok('ListFlowVersions', { FlowName: 'ver_a' });
    assert.deepEqual((all['FlowVersions'] as Array<Record<string, unknown>>).map((v) => [v['Version'], v['Description']]), [['1', 'first'], ['2', '']]);
    assert.equal(all['NextToken'], undefined);
    const first = await f.client.ok('ListFlowVersions', { FlowName: 'ver_a', Limit: '1' });
    assert.deepEqual((first['FlowVersions'] as Array<Record<string, unknown>>).map((v) => v['Version']), ['1']);
    assert.equal(first['NextToken'], '2');
    const second = await f.client.ok('ListFlowVersions', { FlowName: 'ver_a', Limit: '1', NextToken: String(first['NextToken']) });
    assert.deepEqual((second['FlowVersions'] as Array<Record<string, unknown>>).map((v) => v['Version']), ['2']);
    assert.equal(second['NextToken'], undefined);

    const atOne = await f.client.ok('DescribeFlow', { Name: 'ver_a', FlowVersion: '1' });
    assert.equal(atOne['Definition'], tagged('one'));
    assert.equal(atOne['Name'], 'ver_a');
    assert.equal((await f.client.ok('DescribeFlow', { Name: 'ver_a', FlowVersion: '2' }))['Definition'], tagged('two'));
    assert.equal((await f.client.ok('DescribeFlow', { Name: 'ver_a' }))['Definition'], tagged('three'));
  });

  test('DeleteFlowVersion removes a version; its number is never handed out again', async () => {
    await f.client.ok('CreateFlow', flowParams('ver_del', tagged('x')));
    await f.client.ok('PublishFlowVersion', { FlowName: 'ver_del' });
    await f.client.ok('PublishFlowVersion', { FlowName: 'ver_del' });
    await f.client.ok('DeleteFlowVersion', { FlowName: 'ver_del', FlowVersion: '2' });
    const gone = await f.client.call('DescribeFlow', { Name: 'ver_del', FlowVersion: '2' });
    assert.equal(gone.status, 404);
    assert.equal(gone.body['Code'], 'FlowVersionNotExists');
    assert.equal(gone.body['Message'], 'Version 2 of flow ver_del does not exist.');
    const again = await f.client.call('DeleteFlowVersion', { FlowName: 'ver_del', FlowVersion: '2' });
    assert.equal(again.status, 404);
    assert.equal(again.body['Code'], 'FlowVersionNotExists');
    const v3 = await f.client.ok('PublishFlowVersion', { FlowName: 'ver_del' });
    assert.equal(v3['Version'], '3');
    const list = await f.client.ok('ListFlowVersions', { FlowName: 'ver_del' });
    assert.deepEqual((list['FlowVersions'] as Array<Record<string, unknown>>).map((v) => v['Version']), ['1', '3']);
  });

  test('version calls check their parameters and the flow', async () => {
    const noFlow = await f.client.call('PublishFlowVersion', { FlowName: 'ghost' });
    assert.equal(noFlow.status, 404);
    assert.equal(noFlow.body['Code'], 'FlowNotExists');
    await f.client.ok('CreateFlow', flowParams('ver_params', tagged('p')));
    const missing = await f.client.call('DeleteFlowVersion', { FlowName: 'ver_params' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body['Code'], 'MissingRequiredParams');
    assert.equal(missing.body['Message'], "The HTTP query 'FlowVersion' must be specified.");
    const badToken = await f.client.call('ListFlowVersions', { FlowName: 'ver_params', NextToken: 'abc' });
    assert.equal(badToken.status, 400);
    assert.equal(badToken.body['Code'], 'InvalidArgument');
    const badLimit = await f.client.call('ListFlowVersions', { FlowName: 'ver_params', Limit: '0' });
    assert.equal(badLimit.status, 400);
    assert.equal(badLimit.body['Code'], 'InvalidArgument');
  });

  test('DescribeMapRun of an execution that does not exist is ExecutionNotExists', async () => {
    const r = await f.client.call('DescribeMapRun', { FlowName: 'ver_a', ExecutionName: 'e', MapRunName: 'm' });
    assert.equal(r.status, 404);
    assert.equal(r.body['Code'], 'ExecutionNotExists');
  });
});

describe('emulator flow aliases', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
    await f.client.ok('CreateFlow', flowParams('ali', tagged('one')));
    await f.client.ok('PublishFlowVersion', { FlowName: 'ali' });
    await f.client.ok('UpdateFlow', { Name: 'ali', Definition: tagged('two') });
    await f.client.ok('PublishFlowVersion', { FlowName: 'ali' });
  });
  after(() => f.close());

  test('create, describe, update, list and delete an alias', async () => {
    const created = await f.client.ok('CreateFlowAlias', {
      FlowName: 'ali', Name: 'prod', Description: 'live', RoutingConfigurations: routes(['1', 100]),
    });
    assert.equal(created['FlowName'], 'ali');
    assert.equal(created['Name'], 'prod');
    assert.equal(created['Description'], 'live');
    assert.deepEqual(created['RoutingConfigurations'], [{ Version: '1', Weight: 100 }]);
    assert.match(String(created['CreatedTime']), /^\d{4}-/);

    const described = await f.client.ok('DescribeFlowAlias', { FlowName: 'ali', Name: 'prod' });
    assert.deepEqual(described['Alias'], {
      Name: 'prod', Description: 'live', CreatedTime: created['CreatedTime'], RoutingConfigurations: [{ Version: '1', Weight: 100 }],
    });

    const updated = await f.client.ok('UpdateFlowAlias', { FlowName: 'ali', Name: 'prod', RoutingConfigurations: routes(['1', 70], ['2', 30]) });
    const alias = updated['Alias'] as Record<string, unknown>;
    assert.equal(alias['Description'], 'live', 'a description not sent is kept');
    assert.deepEqual(alias['RoutingConfigurations'], [{ Version: '1', Weight: 70 }, { Version: '2', Weight: 30 }]);
    const renamed = await f.client.ok('UpdateFlowAlias', { FlowName: 'ali', Name: 'prod', Description: 'canary' });
    assert.deepEqual((renamed['Alias'] as Record<string, unknown>)['RoutingConfigurations'], alias['RoutingConfigurations'], 'routes not sent are kept');

    await f.client.ok('CreateFlowAlias', { FlowName: 'ali', Name: 'beta', RoutingConfigurations: routes(['2', 100]) });
    const listed = await f.client.ok('ListFlowAliases', { FlowName: 'ali' });
    assert.deepEqual((listed['Aliases'] as Array<Record<string, unknown>>).map((a) => a['Name']), ['beta', 'prod']);
    const page1 = await f.client.ok('ListFlowAliases', { FlowName: 'ali', Limit: '1' });
    assert.deepEqual((page1['Aliases'] as Array<Record<string, unknown>>).map((a) => a['Name']), ['beta']);
    assert.equal(page1['NextToken'], 'prod');
    const page2 = await f.client.ok('ListFlowAliases', { FlowName: 'ali', Limit: '1', NextToken: 'prod' });
    assert.deepEqual((page2['Aliases'] as Array<Record<string, unknown>>).map((a) => a['Name']), ['prod']);
    assert.equal(page2['NextToken'], undefined);

    await f.client.ok('DeleteFlowAlias', { FlowName: 'ali', Name: 'beta' });
    const gone = await f.client.call('DescribeFlowAlias', { FlowName: 'ali', Name: 'beta' });
    assert.equal(gone.status, 404);
    assert.equal(gone.body['Code'], 'FlowAliasNotExists');
    assert.equal(gone.body['Message'], 'Alias beta of flow ali does not exist.');
    assert.equal((await f.client.call('DeleteFlowAlias', { FlowName: 'ali', Name: 'beta' })).status, 404);
    assert.equal((await f.client.call('UpdateFlowAlias', { FlowName: 'ali', Name: 'beta', Description: 'x' })).status, 404);
  });

  test('an alias name is taken once per flow', async () => {
    await f.client.ok('CreateFlowAlias', { FlowName: 'ali', Name: 'twice', RoutingConfigurations: routes(['1', 100]) });
    const r = await f.client.call('CreateFlowAlias', { FlowName: 'ali', Name: 'twice', RoutingConfigurations: routes(['2', 100]) });
    assert.equal(r.status, 409);
    assert.equal(r.body['Code'], 'FlowAliasAlreadyExists');
    assert.equal(r.body['Message'], 'Alias twice already exists in flow ali.');
  });

  test('RoutingConfigurations is checked: JSON array, 1-2 versions, integer weights 0-100 adding up to 100', async () => {
    const bad: Array<[string, RegExp]> = [
      ['not json', /is not valid JSON/],
      ['{"Version":"1","Weight":100}', /must be a JSON array/],
      ['[]', /must list 1 to 2 versions, got 0/],
      [routes(['1', 50], ['2', 40]), /weights must add up to 100, got 90/],
      [routes(['1', 50], ['2', 50], ['1', 0]), /must list 1 to 2 versions, got 3/],
      [routes(['1', 50], ['1', 50]), /lists version 1 twice/],
      [routes(['1', 50.5], ['2', 49.5]), /entry 1 needs a Weight that is an integer from 0 to 100/],
      [routes(['1', 101], ['2', -1]), /entry 1 needs a Weight that is an integer from 0 to 100/],
      ['[{"Weight":100}]', /entry 1 needs a Version such as "1"/],
      ['[1]', /entry 1 must be an object/],
    ];
    for (const [value, message] of bad) {
      const r = await f.client.call('CreateFlowAlias', { FlowName: 'ali', Name: 'bad', RoutingConfigurations: value });
      assert.equal(r.status, 400, value);
      assert.equal(r.body['Code'], 'InvalidArgument', value);
      assert.match(String(r.body['Message']), message, value);
      assert.match(String(r.body['Message']), /Pass a JSON array such as \[\{"Version":"1","Weight":80\}/);
    }
    const noVersion = await f.client.call('CreateFlowAlias', { FlowName: 'ali', Name: 'bad', RoutingConfigurations: routes(['1', 50], ['9', 50]) });
    assert.equal(noVersion.status, 404);
    assert.equal(noVersion.body['Code'], 'FlowVersionNotExists');
    assert.equal(noVersion.body['Message'], 'Version 9 of flow ali does not exist.');
    const missing = await f.client.call('CreateFlowAlias', { FlowName: 'ali', Name: 'bad' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body['Code'], 'MissingRequiredParams');
    const badName = await f.client.call('CreateFlowAlias', { FlowName: 'ali', Name: '9lives', RoutingConfigurations: routes(['1', 100]) });
    assert.equal(badName.status, 400);
    assert.equal(badName.body['Code'], 'InvalidArgument');
    const badUpdate = await f.client.call('UpdateFlowAlias', { FlowName: 'ali', Name: 'twice', RoutingConfigurations: routes(['1', 99]) });
    assert.equal(badUpdate.status, 400);
    assert.equal((await f.client.call('DescribeFlowAlias', { FlowName: 'ali', Name: 'bad' })).status, 404, 'nothing was created');
    // A weight of 0 keeps a version on the alias without routing to it.
    await f.client.ok('CreateFlowAlias', { FlowName: 'ali', Name: 'zero', RoutingConfigurations: routes(['1', 0], ['2', 100]) });
  });

  test('a version an alias routes to cannot be deleted until the alias lets go of it', async () => {
    await f.client.ok('CreateFlow', flowParams('ali_pin', tagged('p')));
    await f.client.ok('PublishFlowVersion', { FlowName: 'ali_pin' });
    await f.client.ok('PublishFlowVersion', { FlowName: 'ali_pin' });
    await f.client.ok('CreateFlowAlias', { FlowName: 'ali_pin', Name: 'pin', RoutingConfigurations: routes(['1', 100]) });
    const blocked = await f.client.call('DeleteFlowVersion', { FlowName: 'ali_pin', FlowVersion: '1' });
    assert.equal(blocked.status, 400);
    assert.equal(blocked.body['Code'], 'FlowVersionInUse');
    assert.equal(blocked.body['Message'], 'Version 1 of flow ali_pin is routed to by alias pin; update or delete the alias first.');
    await f.client.ok('UpdateFlowAlias', { FlowName: 'ali_pin', Name: 'pin', RoutingConfigurations: routes(['2', 100]) });
    await f.client.ok('DeleteFlowVersion', { FlowName: 'ali_pin', FlowVersion: '1' });
  });
});

describe('emulator Qualifier', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
    await f.client.ok('CreateFlow', flowParams('q_std', tagged('one')));
    await f.client.ok('PublishFlowVersion', { FlowName: 'q_std' });
    await f.client.ok('UpdateFlow', { Name: 'q_std', Definition: tagged('two') });
    await f.client.ok('PublishFlowVersion', { FlowName: 'q_std' });
    await f.client.ok('UpdateFlow', { Name: 'q_std', Definition: tagged('latest') });
    await f.client.ok('CreateFlowAlias', { FlowName: 'q_std', Name: 'stable', RoutingConfigurations: routes(['1', 100]) });
  });
  after(() => f.close());

  test('a version Qualifier runs that snapshot, though the flow changed since; none runs the latest', async () => {
    const old = await runToEnd(f.client, { FlowName: 'q_std', ExecutionName: 'by_v1', Qualifier: '1' });
    assert.equal(old['Status'], 'Succeeded');
    assert.equal(tagOf(old), 'one');
    assert.equal(old['FlowDefinition'], tagged('one'));
    const latest = await runToEnd(f.client, { FlowName: 'q_std', ExecutionName: 'by_latest' });
    assert.equal(tagOf(latest), 'latest');
    assert.equal(latest['FlowDefinition'], tagged('latest'));
    const byAlias = await runToEnd(f.client, { FlowName: 'q_std', ExecutionName: 'by_alias', Qualifier: 'stable' });
    assert.equal(tagOf(byAlias), 'one');
  });

  test('StartSyncExecution honours the Qualifier too', async () => {
    await f.client.ok('CreateFlow', flowParams('q_sync', tagged('sync_one'), 'Express'));
    await f.client.ok('PublishFlowVersion', { FlowName: 'q_sync' });
    await f.client.ok('UpdateFlow', { Name: 'q_sync', Definition: tagged('sync_latest') });
    const old = await f.client.ok('StartSyncExecution', { FlowName: 'q_sync', Qualifier: '1' });
    assert.equal(old['Status'], 'Succeeded');
    assert.equal(tagOf(old), 'sync_one');
    assert.equal(tagOf(await f.client.ok('StartSyncExecution', { FlowName: 'q_sync' })), 'sync_latest');
  });

  test('an unknown Qualifier is a 404 naming the missing version or alias', async () => {
    const version = await f.client.call('StartExecution', { FlowName: 'q_std', Qualifier: '7' });
    assert.equal(version.status, 404);
    assert.equal(version.body['Code'], 'FlowVersionNotExists');
    const alias = await f.client.call('StartExecution', { FlowName: 'q_std', Qualifier: 'nope' });
    assert.equal(alias.status, 404);
    assert.equal(alias.body['Code'], 'FlowAliasNotExists');
    assert.equal(alias.body['Message'], 'Alias nope of flow q_std does not exist.');
  });

  test('ListExecutions with a Qualifier lists only the executions started with it', async () => {
    await runToEnd(f.client, { FlowName: 'q_std', ExecutionName: 'list_v2', Qualifier: '2' });
    const names = async (qualifier?: string): Promise<string[]> => {
      const r = await f.client.ok('ListExecutions', { FlowName: 'q_std', ...(qualifier ? { Qualifier: qualifier } : {}) });
      return (r['Executions'] as Array<Record<string, unknown>>).map((e) => String(e['Name'])).sort();
    };
    assert.deepEqual(await names('1'), ['by_v1']);
    assert.deepEqual(await names('2'), ['list_v2']);
    assert.deepEqual(await names('stable'), ['by_alias']);
    assert.deepEqual(await names('other'), []);
    assert.deepEqual(await names(), ['by_alias', 'by_latest', 'by_v1', 'list_v2']);
  });
});

describe('emulator weighted alias routing', () => {
  test('the injected random source picks each version by its share of the weights', async () => {
    const draws = [0.1, 0.2999, 0.3, 0.9999, 0];
    const server = await startTestEmulator({
      random: () => {
        const next = draws.shift();
        if (next === undefined) throw new Error('more alias picks than the test planned');
        return next;
      },
    });
    try {
      const c = server.client;
      await c.ok('CreateFlow', flowParams('w', tagged('one'), 'Express'));
      await c.ok('PublishFlowVersion', { FlowName: 'w' });
      await c.ok('UpdateFlow', { Name: 'w', Definition: tagged('two') });
      await c.ok('PublishFlowVersion', { FlowName: 'w' });
      await c.ok('CreateFlowAlias', { FlowName: 'w', Name: 'split', RoutingConfigurations: routes(['1', 30], ['2', 70]) });
      const tags: unknown[] = [];
      for (let i = 0; i < 4; i++) tags.push(tagOf(await c.ok('StartSyncExecution', { FlowName: 'w', Qualifier: 'split' })));
      assert.deepEqual(tags, ['one', 'one', 'two', 'two']);
      await c.ok('UpdateFlowAlias', { FlowName: 'w', Name: 'split', RoutingConfigurations: routes(['1', 0], ['2', 100]) });
      assert.equal(tagOf(await c.ok('StartSyncExecution', { FlowName: 'w', Qualifier: 'split' })), 'two', 'a weight of 0 is never picked');
      assert.deepEqual(draws, []);
      const listed = await c.ok('ListExecutions', { FlowName: 'w', Qualifier: 'split' });
      assert.equal((listed['Executions'] as unknown[]).length, 5);
    } finally {
      await server.close();
    }
  });
});

describe('emulator versions and aliases across restarts and deletes', () => {
  test('versions, aliases and qualified executions survive a restart', async () => {
    const dir = await tempDir();
    try {
      const first = await startTestEmulator({ dataDir: dir.path });
      await first.client.ok('CreateFlow', flowParams('keep', tagged('one')));
      await first.client.ok('PublishFlowVersion', { FlowName: 'keep', Description: 'v1' });
      await first.client.ok('PublishFlowVersion', { FlowName: 'keep', Description: 'v2' });
      await first.client.ok('PublishFlowVersion', { FlowName: 'keep', Description: 'v3' });
      await first.client.ok('DeleteFlowVersion', { FlowName: 'keep', FlowVersion: '3' });
      await first.client.ok('UpdateFlow', { Name: 'keep', Definition: tagged('latest') });
      await first.client.ok('CreateFlowAlias', { FlowName: 'keep', Name: 'live', Description: 'd', RoutingConfigurations: routes(['1', 100]) });
      await first.client.ok('UpdateFlowAlias', { FlowName: 'keep', Name: 'live', RoutingConfigurations: routes(['2', 100]) });
      await first.client.ok('CreateFlowAlias', { FlowName: 'keep', Name: 'temp', RoutingConfigurations: routes(['1', 100]) });
      await first.client.ok('DeleteFlowAlias', { FlowName: 'keep', Name: 'temp' });
      await runToEnd(first.client, { FlowName: 'keep', ExecutionName: 'before', Qualifier: 'live' });
      const aliasBefore = await first.client.ok('DescribeFlowAlias', { FlowName: 'keep', Name: 'live' });
      await first.close();

      const second = await startTestEmulator({ dataDir: dir.path });
      try {
        const versions = await second.client.ok('ListFlowVersions', { FlowName: 'keep' });
        assert.deepEqual((versions['FlowVersions'] as Array<Record<string, unknown>>).map((v) => [v['Version'], v['Description']]), [['1', 'v1'], ['2', 'v2']]);
        assert.equal((await second.client.ok('DescribeFlow', { Name: 'keep', FlowVersion: '1' }))['Definition'], tagged('one'));
        const aliases = await second.client.ok('ListFlowAliases', { FlowName: 'keep' });
        assert.deepEqual(aliases['Aliases'], [aliasBefore['Alias']]);
        assert.equal((await second.client.ok('PublishFlowVersion', { FlowName: 'keep' }))['Version'], '4', 'deleted number 3 stays used');
        const listed = await second.client.ok('ListExecutions', { FlowName: 'keep', Qualifier: 'live' });
        assert.deepEqual((listed['Executions'] as Array<Record<string, unknown>>).map((e) => e['Name']), ['before']);
        const after = await runToEnd(second.client, { FlowName: 'keep', ExecutionName: 'after', Qualifier: 'live' });
        assert.equal(tagOf(after), 'one', 'version 2 is the snapshot of the definition before the update');
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a log written before versions existed still loads; its executions match no Qualifier', async () => {
    const dir = await tempDir();
    try {
      const flow = {
        Name: 'old', Id: '0b5c2f3e-0000-4000-8000-000000000001', Type: 'FDL', Definition: tagged('old'), Description: '', RoleArn: '',
        ExternalStorageLocation: '', ExecutionMode: '', Environment: '', CreatedTime: '2024-01-01T00:00:00.000Z', LastModifiedTime: '2024-01-01T00:00:00.000Z',
      };
      const exec = {
        FlowName: 'old', FlowId: flow.Id, Name: 'e1', Status: 'Succeeded', Input: '{}', Output: '{"tag":"old"}', FlowDefinition: flow.Definition,
        StartedTime: '2024-01-01T00:00:01.000Z', StoppedTime: '2024-01-01T00:00:02.000Z', ErrorCode: '', ErrorMessage: '', Mode: 'Standard', Environment: '',
      };
      await writeFile(join(dir.path, 'fnf.jsonl'), `${JSON.stringify({ k: 'flow', flow })}\n${JSON.stringify({ k: 'execStarted', exec })}\n`);
      const f = await startTestEmulator({ dataDir: dir.path });
      try {
        const all = await f.client.ok('ListExecutions', { FlowName: 'old' });
        assert.deepEqual((all['Executions'] as Array<Record<string, unknown>>).map((e) => e['Name']), ['e1']);
        const qualified = await f.client.ok('ListExecutions', { FlowName: 'old', Qualifier: '1' });
        assert.deepEqual(qualified['Executions'], []);
        assert.deepEqual((await f.client.ok('ListFlowVersions', { FlowName: 'old' }))['FlowVersions'], []);
        assert.equal((await f.client.ok('PublishFlowVersion', { FlowName: 'old' }))['Version'], '1');
      } finally {
        await f.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('DeleteFlow removes the flow\'s versions and aliases, also after a restart', async () => {
    const dir = await tempDir();
    try {
      const first = await startTestEmulator({ dataDir: dir.path });
      await first.client.ok('CreateFlow', flowParams('gone', tagged('one')));
      await first.client.ok('PublishFlowVersion', { FlowName: 'gone' });
      await first.client.ok('PublishFlowVersion', { FlowName: 'gone' });
      await first.client.ok('CreateFlowAlias', { FlowName: 'gone', Name: 'a', RoutingConfigurations: routes(['1', 50], ['2', 50]) });
      await first.client.ok('DeleteFlow', { Name: 'gone' });
      const noFlow = await first.client.call('ListFlowVersions', { FlowName: 'gone' });
      assert.equal(noFlow.status, 404);
      assert.equal(noFlow.body['Code'], 'FlowNotExists');
      await first.client.ok('CreateFlow', flowParams('gone', tagged('new')));
      assert.deepEqual((await first.client.ok('ListFlowVersions', { FlowName: 'gone' }))['FlowVersions'], []);
      assert.deepEqual((await first.client.ok('ListFlowAliases', { FlowName: 'gone' }))['Aliases'], []);
      assert.equal((await first.client.call('StartExecution', { FlowName: 'gone', Qualifier: 'a' })).status, 404);
      await first.close();

      const second = await startTestEmulator({ dataDir: dir.path });
      try {
        assert.deepEqual((await second.client.ok('ListFlowVersions', { FlowName: 'gone' }))['FlowVersions'], []);
        assert.deepEqual((await second.client.ok('ListFlowAliases', { FlowName: 'gone' }))['Aliases'], []);
        assert.equal((await second.client.ok('PublishFlowVersion', { FlowName: 'gone' }))['Version'], '1', 're-created flows number from 1');
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });
});
