// The operation tables: the fnf table against the service's API metadata, the client refusing
// requests the table does not allow, and the emulator reading parameters (lazily, by kind) and
// dispatching from the same table.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { FNF_OPERATIONS } from '../../../cloud/src/fnf/operations';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { CloudError } from '../../../cloud/src/errors';
import type { OperationSpec, OperationTable } from '../../../cloud/src/rpc/operationTable';
import { bindOperation, readParams, type HandlerMap, type ParamErrors } from '../../../emulator/src/api/operationParams';
import type { RequestContext } from '../../../emulator/src/api/product';

const METADATA = join(__dirname, '../../../../shared/research/fnf-api-metadata-2025-11-11.json');

interface MetadataParam {
  readonly name: string;
  readonly in: string;
  readonly schema: { readonly type: string; readonly required?: boolean };
}

/** The kinds each metadata type may be sent as: JSON texts are `string` in the metadata. */
const KINDS_OF: Record<string, readonly string[]> = {
  string: ['string', 'json', 'integer'],
  integer: ['integer'],
  number: ['number'],
  boolean: ['boolean'],
  object: ['json'],
  array: ['list'],
};

describe('the fnf operation table', () => {
  test('has the operations, methods, parameters and required-ness of the API metadata', { skip: !existsSync(METADATA) && `no ${METADATA}` }, () => {
    const apis = (JSON.parse(readFileSync(METADATA, 'utf8')) as { apis: Record<string, { methods: string[]; parameters: MetadataParam[] }> }).apis;
    assert.deepEqual(Object.keys(FNF_OPERATIONS).sort(), Object.keys(apis).sort());
    const table: OperationTable = FNF_OPERATIONS;
    for (const [name, api] of Object.entries(apis)) {
      const op = table[name] as OperationSpec;
      assert.deepEqual([...op.methods].sort(), api.methods.map((m) => m.toUpperCase()).sort(), `${name} methods`);
      // RequestId appears as a parameter of the MapRun operations only; it is the response's.
      const documented = api.parameters.filter((p) => p.name !== 'RequestId');
      assert.deepEqual(Object.keys(op.params).sort(), documented.map((p) => p.name).sort(), `${name} parameters`);
      for (const p of documented) {
        const spec = op.params[p.name];
        assert.ok(spec, `${name}.${p.name}`);
        assert.equal(spec.required !== undefined, p.schema.required === true, `${name}.${p.name} required`);
        assert.ok(KINDS_OF[p.schema.type]?.includes(spec.kind), `${name}.${p.name}: ${spec.kind} for ${p.schema.type}`);
        assert.equal(spec.in === 'query' && op.methods[0] === 'POST', p.in === 'query' && api.methods[0] === 'post', `${name}.${p.name} in query on POST`);
      }
    }
  });

  test('the client refuses a value out of the table\'s bounds before sending anything', async () => {
    const sent: string[] = [];
    const c = new FnfClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: staticCredentials('id', 'secret'),
      transport: { send: async (r) => (sent.push(r.url), { status: 200, headers: {}, body: '{}' }), close: async () => {} },
    });
    const refused = async (call: Promise<unknown>, message: RegExp) => {
      await assert.rejects(call, (e: unknown) => e instanceof CloudError && message.test(e.message));
    };
    await refused(c.listFlowsPage({ Limit: 1001 }), /Limit must be an integer from 1 to 1000 \(got 1001\)/);
    await refused(c.describeExecution({ FlowName: 'f', ExecutionName: 'e', WaitTimeSeconds: 61 }), /WaitTimeSeconds must be an integer from 0 to 60/);
    await refused(c.updateMapRun({ FlowName: 'f', ExecutionName: 'e', MapRunName: 'm', Concurrency: 0 }), /Concurrency must be an integer from 1 to 10000/);
    await refused(c.stopExecution({ FlowName: 'f', ExecutionName: 'e', Error: 'x'.repeat(129) }), /Error must be 1-128 characters long \(got 129\)/);
    const extra = { FlowName: 'f', Surprise: 1 } as unknown as Parameters<FnfClient['listExecutionsPage']>[0];
    await refused(c.listExecutionsPage(extra), /ListExecutions has no parameter 'Surprise'/);
    assert.deepEqual(sent, []);
    await c.listFlowsPage({ Limit: 1000 });
    assert.equal(sent.length, 1);
  });

  test('any operation of the table can be called, typed by its row', async () => {
    const sent: { method: string; url: string; body?: string }[] = [];
    const c = new FnfClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: staticCredentials('id', 'secret'),
      transport: { send: async (r) => (sent.push(r), { status: 200, headers: {}, body: '{"FlowVersions":[]}' }), close: async () => {} },
    });
    await c.request('ListFlowVersions', { FlowName: 'f', Limit: 5 });
    await c.request('PublishFlowVersion', { FlowName: 'f', Description: 'first' });
    // @ts-expect-error FlowName is required by the row
    await assert.rejects(c.request('ListFlowVersions', { Limit: 1001 }), /Limit must be an integer from 1 to 1000/);
    assert.deepEqual(sent.map((r) => r.method), ['GET', 'POST']);
    assert.match(sent[0]!.url, /Action=ListFlowVersions.*/);
    assert.match(sent[0]!.url, /[?&]Limit=5(&|$)/);
    assert.match(sent[1]!.body ?? '', /Description=first/);
  });
});

describe('the emulator reads parameters from the table', () => {
  const errors: ParamErrors = {
    missing: (name) => new Error(`missing ${name}`),
    invalid: (_name, detail) => new Error(detail),
  };
  const spec = {
    methods: ['GET'],
    params: {
      Name: { kind: 'string', required: true },
      Description: { kind: 'string', required: 'present' },
      Note: { kind: 'string', length: [1, 4] },
      Limit: { kind: 'integer', range: [1, 100] },
      Share: { kind: 'number', range: [0, 100] },
      Enable: { kind: 'boolean' },
      Routes: { kind: 'list' },
    },
  } as const satisfies OperationSpec;

  test('each kind as the SDKs send it, Python\'s True included', () => {
    const p = readParams(spec, { Name: 'n', Description: '', Note: '', Limit: '7', Share: '2.5', Enable: 'True', Routes: '[1]' }, errors);
    assert.equal(p.Name, 'n');
    assert.equal(p.Description, '');
    assert.equal(p.Limit, 7);
    assert.equal(p.Share, 2.5);
    assert.equal(p.Enable, true);
    assert.equal(p.Routes, '[1]');
    assert.throws(() => p.Note, /Note must be 1 to 4 characters long, got 0/);
    const tc3 = readParams(spec, { Name: 'n', Description: 'd', Limit: 100, Enable: false, Routes: [1] }, errors);
    assert.equal(tc3.Limit, 100);
    assert.equal(tc3.Enable, false);
    assert.deepEqual(tc3.Routes, [1]);
    assert.equal(tc3.Share, undefined);
  });

  test('each request keeps its own values, though the requests of one operation share a reader', () => {
    const a = readParams(spec, { Name: 'a', Limit: '1', Routes: [1] }, errors);
    const b = readParams(spec, { Name: 'b' }, errors);
    assert.equal(a.Name, 'a');
    assert.equal(b.Name, 'b');
    assert.equal(a.Limit, 1);
    assert.equal(b.Limit, undefined);
    // Read twice, a value is the one read first, for each request.
    assert.equal(a.Name, 'a');
    assert.equal(a.Routes, a.Routes);
    assert.equal(b.Routes, undefined);
  });

  test('a parameter is checked when the handler reads it, with the product\'s errors', () => {
    const p = readParams(spec, { Name: '', Limit: '101', Enable: 'yes' }, errors);
    // Nothing is checked before it is read, so the handler's order decides which error comes first.
    assert.throws(() => p.Limit, /Limit must be an integer from 1 to 100, got '101'/);
    assert.throws(() => p.Name, /missing Name/);
    assert.throws(() => p.Description, /missing Description/);
    assert.throws(() => p.Enable, /Enable must be true or false, got 'yes'/);
    assert.throws(() => readParams(spec, { Limit: '1.5' }, errors).Limit, /Limit must be an integer from 1 to 100, got '1.5'/);
  });

  test('an action is dispatched only to its own handler, never to an inherited member', async () => {
    const table = { Echo: spec } as const;
    const handlers: HandlerMap<typeof table, string> = { Echo: (ctx, p) => `${ctx}:${p.Name}:${p.Limit ?? 'none'}` };
    const rc = {} as RequestContext;
    assert.equal(bindOperation(table, handlers, errors, 'Echo', { Name: 'x', Description: '' })?.('ctx', rc), 'ctx:x:none');
    for (const action of ['constructor', '__proto__', 'toString', 'Nope']) assert.equal(bindOperation(table, handlers, errors, action, {}), undefined);
  });

  test('a handler map must have exactly the table\'s operations', () => {
    type Table = { readonly A: typeof spec; readonly B: typeof spec };
    // @ts-expect-error B has no handler
    const missing: HandlerMap<Table, undefined> = { A: () => 1 };
    // @ts-expect-error C is no operation of the table
    const extra: HandlerMap<Table, undefined> = { A: () => 1, B: () => 2, C: () => 3 };
    assert.ok(missing && extra);
  });
});
