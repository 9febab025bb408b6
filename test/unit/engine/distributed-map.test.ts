// A distributed Map in the engine: items from ItemsPath, a JSON list, a CSV file or a prefix
// listing; ItemConstructor, MaxItems and ItemBatcher; child executions at the MapRun's
// concurrency; tolerated failures; and ResultWriter.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startRun, TaskError, type JsonValue, type MapRunHost, type ObjectAccess, type ObjectSummary, type TaskEnvironment } from '../../../emulator/src/engine';
import { parseText, toJsonValue } from '../../../server/src/parse';

class MemoryObjects implements ObjectAccess {
  readonly objects = new Map<string, string>();
  async get(bucket: string, key: string): Promise<Uint8Array | undefined> {
    const v = this.objects.get(`${bucket}/${key}`);
    return v === undefined ? undefined : Buffer.from(v);
  }
  async list(bucket: string, prefix: string): Promise<ObjectSummary[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(`${bucket}/${prefix}`)).sort()
      .map((k) => ({ key: k.slice(bucket.length + 1), size: (this.objects.get(k) as string).length, etag: 'E', lastModified: '2026-01-01T00:00:00.000Z' }));
  }
  async put(bucket: string, key: string, body: string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, body);
  }
}

function flow(map: string): JsonValue {
  return toJsonValue(parseText(`Type: StateMachine
SpecVersion: v1
StartAt: Each
States:
  - Type: Map
    Name: Each
    ProcessorConfig:
      ExecutionMode: Express
${map.replace(/^/gm, '    ')}
    Processor:
      StartAt: Work
      States:
        - Type: Task
          Name: Work
          Action: FC:InvokeFunction
          TaskMode: RequestComplete
          Parameters:
            item.$: $Input
          End: true
    End: true
`, 'yaml').root) as JsonValue;
}

/** A task that echoes its item, fails items with `fail: "yes"`, and counts how many run at once. */
function echoTasks(): TaskEnvironment & { peak: number } {
  let running = 0;
  const env = {
    peak: 0,
    async invoke(r: { parameters: JsonValue }): Promise<JsonValue> {
      running++;
      env.peak = Math.max(env.peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      const item = (r.parameters as { item: Record<string, JsonValue> }).item;
      if (item['fail'] === 'yes') throw new TaskError('Bad.Item', `item ${JSON.stringify(item)}`);
      return { seen: item };
    },
  };
  return env;
}

async function run(definition: JsonValue, input: JsonValue, objects?: ObjectAccess, tasks = echoTasks(), mapRuns?: MapRunHost) {
  return startRun({ definition, input, flowName: 'f', executionName: 'e1', tasks, ...(objects ? { objects } : {}), ...(mapRuns ? { mapRuns } : {}) }).done;
}

describe('distributed Map', () => {
  test('items from a CSV in the object store, one child each, results in order', async () => {
    const objects = new MemoryObjects();
    await objects.put('data', 'in/orders.csv', 'id,qty\n1,2\n2,"3"\n3,5\n');
    const r = await run(flow('ItemReader:\n  SourceType: OSS_CSV\n  SourceParameters:\n    Bucket: data\n    ObjectName: in/orders.csv'), {}, objects);
    assert.equal(r.status, 'Succeeded', r.cause);
    assert.deepEqual(r.output, { Items: [{ seen: { id: '1', qty: '2' } }, { seen: { id: '2', qty: '3' } }, { seen: { id: '3', qty: '5' } }] });
  });

  test('a JSON list and a prefix listing; MaxItems keeps the first items', async () => {
    const objects = new MemoryObjects();
    await objects.put('data', 'list.json', '[{"n":1},{"n":2},{"n":3}]');
    await objects.put('data', 'p/a.txt', 'a');
    await objects.put('data', 'p/b.txt', 'bb');
    const list = await run(flow('MaxItems: 2\nItemReader:\n  SourceType: OSS_JSON_LIST\n  SourceParameters:\n    Bucket: data\n    ObjectName: list.json'), {}, objects);
    assert.deepEqual(list.output, { Items: [{ seen: { n: 1 } }, { seen: { n: 2 } }] });
    const listed = await run(flow('ItemReader:\n  SourceType: OSS_OBJECTS\n  SourceParameters:\n    Bucket: data\n    Prefix: p/'), {}, objects);
    assert.deepEqual((listed.output as { Items: { seen: { Key: string; Size: number } }[] }).Items.map((i) => [i.seen.Key, i.seen.Size]), [['p/a.txt', 1], ['p/b.txt', 2]]);
  });

  test('ItemsPath, ItemConstructor with $Item, and batches of MaxItemsPerBatch with BatchInput', async () => {
    const r = await run(
      flow('ItemsPath: $Input.xs\nItemConstructor:\n  v.$: $Item\nItemBatcher:\n  MaxItemsPerBatch: 2\n  BatchInput:\n    tag: t'),
      { xs: [1, 2, 3, 4, 5] },
    );
    assert.equal(r.status, 'Succeeded', r.cause);
    assert.deepEqual((r.output as { Items: { seen: { Items: { v: number }[]; tag: string } }[] }).Items.map((b) => [b.seen.tag, b.seen.Items.map((i) => i.v)]), [
      ['t', [1, 2]], ['t', [3, 4]], ['t', [5]],
    ]);
  });

  test('more items than the MaxItems quota (10000 by default) fail with FnF.LimitExceeded before any child starts; MaxItems keeps a run within it', async () => {
    const tasks = echoTasks();
    const over = await run(flow('ItemsPath: $Input.xs'), { xs: Array.from({ length: 10_001 }, () => 1) }, undefined, tasks);
    assert.equal(over.status, 'Failed');
    assert.equal(over.error, 'FnF.LimitExceeded');
    assert.match(over.cause ?? '', /10001 items, more than the 10000 .*MaxItems/);
    assert.equal(tasks.peak, 0);
    const quota = { maxMapRunItems: 3 };
    const input = { xs: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] };
    const tooMany = await startRun({ definition: flow('ItemsPath: $Input.xs'), input, flowName: 'f', executionName: 'e2', tasks: echoTasks(), limits: quota }).done;
    assert.equal(tooMany.error, 'FnF.LimitExceeded');
    const kept = await startRun({ definition: flow('MaxItems: 3\nItemsPath: $Input.xs'), input, flowName: 'f', executionName: 'e3', tasks: echoTasks(), limits: quota }).done;
    assert.equal(kept.status, 'Succeeded', kept.cause);
    assert.equal((kept.output as { Items: JsonValue[] }).Items.length, 3);
  });

  test('at most MaxConcurrency children at once', async () => {
    const tasks = echoTasks();
    const r = await run(flow('MaxConcurrency: 3\nItemsPath: $Input.xs'), { xs: Array.from({ length: 12 }, (_, i) => ({ i })) }, undefined, tasks);
    assert.equal(r.status, 'Succeeded', r.cause);
    assert.equal(tasks.peak, 3);
  });

  test('failures within ToleratedFailureCount pass (null results); beyond it the state fails with FnF.MapRunFailed', async () => {
    const input = { xs: [{ fail: 'no' }, { fail: 'yes' }, { fail: 'no' }, { fail: 'yes' }] };
    const tolerated = await run(flow('ToleratedFailureCount: 2\nItemsPath: $Input.xs'), input);
    assert.equal(tolerated.status, 'Succeeded', tolerated.cause);
    assert.deepEqual((tolerated.output as { Items: JsonValue[] }).Items.map((i) => i === null), [false, true, false, true]);
    const byPercent = await run(flow('ToleratedFailurePercentage: 50\nItemsPath: $Input.xs'), input);
    assert.equal(byPercent.status, 'Succeeded', byPercent.cause);
    const strict = await run(flow('ToleratedFailureCount: 1\nItemsPath: $Input.xs'), input);
    assert.equal(strict.status, 'Failed');
    assert.equal(strict.error, 'FnF.MapRunFailed');
    assert.match(strict.cause ?? '', /2 of 4 child executions failed/);
  });

  test('ResultWriter puts the results in the object store and returns where', async () => {
    const objects = new MemoryObjects();
    const r = await run(flow('ItemsPath: $Input.xs\nResultWriter:\n  Parameters:\n    Bucket: out\n    Prefix: results/'), { xs: [{ n: 1 }, { n: 2 }] }, objects);
    assert.equal(r.status, 'Succeeded', r.cause);
    const details = (r.output as { ResultWriterDetails: { Bucket: string; Key: string } }).ResultWriterDetails;
    assert.equal(details.Bucket, 'out');
    assert.match(details.Key, /^results\/.+\/results\.json$/);
    const written = JSON.parse(objects.objects.get(`out/${details.Key}`) as string) as { Results: { Index: number; Status: string; Output: JsonValue }[] };
    assert.deepEqual(written.Results.map((x) => [x.Index, x.Status, x.Output]), [[0, 'Succeeded', { seen: { n: 1 } }], [1, 'Succeeded', { seen: { n: 2 } }]]);
  });

  test('an item that is not a JSON object fails its child execution (wrap it with ItemConstructor)', async () => {
    const r = await run(flow('ItemsPath: $Input.xs'), { xs: [1] });
    assert.equal(r.error, 'FnF.MapRunFailed');
    assert.match(r.cause ?? '', /input must be a JSON object/);
  });

  test('a missing object fails with FnF.ItemReaderFailed naming it', async () => {
    const r = await run(flow('ItemReader:\n  SourceType: OSS_CSV\n  SourceParameters:\n    Bucket: data\n    ObjectName: nope.csv'), {}, new MemoryObjects());
    assert.equal(r.error, 'FnF.ItemReaderFailed');
    assert.match(r.cause ?? '', /no object nope\.csv in bucket data/);
  });
});
