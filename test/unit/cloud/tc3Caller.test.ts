import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TencentTc3Caller } from '../../../cloud/src/rpc/tencentTc3Caller';
import { AlibabaRpcCaller } from '../../../cloud/src/rpc/alibabaRpcCaller';
import { staticCredentials } from '../../../cloud/src/credentials/providers';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { CloudError } from '../../../cloud/src/errors';
import { tc3Verify } from '../../../cloud/src/signing/tc3';
import { startFakeFnf, FAKE_ID, FAKE_SECRET } from './fakeFnf';

interface Seen {
  headers: Record<string, string>;
  body: string;
  verified: boolean;
}

describe('TencentTc3Caller over loopback HTTP', () => {
  let server: Server;
  let endpoint: string;
  const seen: Seen[] = [];
  let replies: unknown[] = [];

  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
        const verified = tc3Verify({ method: 'POST', query: '', headers, payload: body, timestamp: Number(headers['x-tc-timestamp']) }, 'tc-secret');
        seen.push({ headers, body, verified });
        const reply = replies.shift() ?? { Response: { Status: 0, RequestId: 'ok' } };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(verified ? reply : { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad signature' }, RequestId: 'x' } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const caller = (secret = 'tc-secret') =>
    new TencentTc3Caller({
      service: 'cynosdb', version: '2019-01-07', endpoint, region: 'ap-guangzhou',
      credentials: staticCredentials('AKIDtc', secret, 'tmp-token'),
      operations: { DescribeFlow: { quota: { burst: 20, perSecond: 20 } } },
      defaultQuota: { burst: 20, perSecond: 20 },
      clock: new SimulatedClock(Date.parse('2026-01-01T00:00:00Z')),
      random: () => 0.5,
    });

  test('sends a signed JSON POST with the X-TC headers and returns the Response object', async () => {
    seen.length = 0;
    const c = caller();
    const r = await c.call<{ Status: number }>('DescribeFlow', { FlowId: 147186 });
    assert.equal(r.Status, 0);
    assert.equal(r.RequestId, 'ok');
    const s = seen[0] as Seen;
    assert.ok(s.verified);
    assert.equal(s.body, '{"FlowId":147186}');
    assert.equal(s.headers['x-tc-action'], 'DescribeFlow');
    assert.equal(s.headers['x-tc-version'], '2019-01-07');
    assert.equal(s.headers['x-tc-region'], 'ap-guangzhou');
    assert.equal(s.headers['x-tc-token'], 'tmp-token');
    assert.equal(s.headers['x-tc-timestamp'], String(Date.parse('2026-01-01T00:00:00Z') / 1000));
    await c.close();
  });

  test('Response.Error becomes a CloudError with its hint; RequestLimitExceeded is retried', async () => {
    replies = [
      { Response: { Error: { Code: 'RequestLimitExceeded', Message: 'too fast' }, RequestId: 'a' } },
      { Response: { Error: { Code: 'InvalidParameterValue.FlowNotFound', Message: '任务流ID不存在。' }, RequestId: 'b' } },
    ];
    seen.length = 0;
    const c = caller();
    const err = await c.call('DescribeFlow', { FlowId: 1 }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof CloudError);
    assert.equal(err.code, 'InvalidParameterValue.FlowNotFound');
    assert.equal(err.requestId, 'b');
    assert.match(err.hint, /FlowId/);
    assert.equal(seen.length, 2);
    await c.close();
  });

  test('a wrong secret fails verification and the error never contains the secret', async () => {
    const c = caller('WRONG-secret-xyz');
    const err = await c.call('DescribeFlow', { FlowId: 1 }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof CloudError && err.code === 'AuthFailure.SignatureFailure');
    assert.ok(!String(err).includes('WRONG-secret-xyz') && !String(err).includes('tmp-token'));
    await c.close();
  });
});

describe('AlibabaRpcCaller for APIs that answer Code "OK" (CAMS style)', () => {
  test('a 2xx body with another Code is an error; System.LimitControl is retried', async () => {
    const replies = [
      { status: 400, body: { Code: 'System.LimitControl', Message: 'The system is under flow control.', RequestId: 'a' } },
      { body: { Code: 'Ram.PermissionDeny', Message: 'You are not authorized to perform the operation.', RequestId: 'b' } },
      { body: { Code: 'OK', Data: { FlowId: 'f1', FilePath: 'http://x/f.json' }, RequestId: 'c' } },
    ];
    const fake = await startFakeFnf(() => replies.shift() ?? { status: 500 });
    const c = new AlibabaRpcCaller({
      product: 'cams', version: '2020-06-06', endpoint: fake.endpoint, credentials: staticCredentials(FAKE_ID, FAKE_SECRET),
      operations: { GetFlowJSONAssest: { method: 'POST' } }, defaultQuota: { burst: 5, perSecond: 5 }, successCode: 'OK',
      clock: new SimulatedClock(Date.now()),
    });
    try {
      const err = await c.call('GetFlowJSONAssest', { FlowId: 'f1' }).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof CloudError && err.code === 'Ram.PermissionDeny' && /RAM user lacks permission/.test(err.hint));
      const ok = await c.call<{ Data: { FilePath: string } }>('GetFlowJSONAssest', { FlowId: 'f1' });
      assert.equal(ok.Data.FilePath, 'http://x/f.json');
      assert.equal(fake.requests[0]?.query['Version'], '2020-06-06');
      assert.equal(fake.requests[0]?.body['FlowId'], 'f1');
    } finally {
      await c.close();
      await fake.close();
    }
  });
});
