// Requests an attacker or a broken client sends: inherited member names as actions, other HTTP
// methods, replayed or unsigned nonces, mismatched signature methods, browser origins, foreign
// Host names, unsigned file writes, malformed escapes and requests that never finish arriving.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { encodeRpcParams, rpcV1Signature, signRpcV1Request } from '../../../cloud/src/signing/rpcV1';
import { tc3Authorization } from '../../../cloud/src/signing/tc3';
import { startEmulator } from '../../../emulator/src/server';
import { presignQuery } from '../../../emulator/src/api/transport/fileAuth';
import { FNF_VERSION, FnfTestClient, PASS_CHOICE_FLOW, startTestEmulator, tempDir, WAIT_FLOW, type EmulatorFixture } from './support';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];

/** Sends raw HTTP (any method, any headers) and returns status, headers and JSON body. */
function raw(endpoint: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }> {
  const u = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          body = { text };
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

function signedQuery(action: string, version: string, overrides: Record<string, string | undefined> = {}, method = 'GET'): string {
  const params: Record<string, string> = {
    Action: action, Format: 'json', Version: version, Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    SignatureNonce: randomUUID(), SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', AccessKeyId: 'local',
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete params[k];
    else params[k] = v;
  }
  params['Signature'] = rpcV1Signature(method, params, 'local-secret');
  return encodeRpcParams(params);
}

function tc3Headers(endpoint: string, action: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const host = new URL(endpoint).host;
  const headers = { 'content-type': 'application/json; charset=utf-8', host };
  return {
    ...headers,
    'x-tc-action': action, 'x-tc-version': '2019-01-07', 'x-tc-timestamp': String(timestamp),
    authorization: tc3Authorization({ method: 'POST', query: '', headers, payload: body, service: 'cynosdb', timestamp, secretId: 'local', secretKey: 'local-secret' }),
  };
}

describe('hostile requests', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
  });
  after(() => f.close());

  test('an Action named after an inherited member is an unknown action for fnf, CAMS and CynosDB', async () => {
    for (const action of PROTOTYPE_NAMES) {
      for (const version of [FNF_VERSION, '2020-06-06']) {
        const r = await raw(f.emulator.endpoint, `/?${signedQuery(action, version)}`);
        assert.equal(r.status, 400, `${version} ${action}`);
        assert.equal(r.body['Code'], 'ActionNotSupported', `${version} ${action}`);
        assert.ok(!JSON.stringify(r.body).includes('Signature'), 'the request is not echoed');
      }
      const t = await raw(f.emulator.endpoint, '/', { method: 'POST', headers: tc3Headers(f.emulator.endpoint, action, '{}'), body: '{}' });
      const error = (t.body['Response'] as Record<string, Record<string, unknown>>)['Error'];
      assert.equal(error?.['Code'], 'InvalidAction', `tc3 ${action}`); // Tencent's own code for an unknown action
      assert.ok(!JSON.stringify(t.body).includes('authorization'), 'the request is not echoed');
    }
  });

  test('methods other than GET and POST are 405 with Allow, and nothing is stored', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      const q = signedQuery('CreateFlow', FNF_VERSION, { Name: `by-${method.toLowerCase()}`, Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' }, method);
      const r = await raw(f.emulator.endpoint, `/?${q}`, { method });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers['allow'], 'GET, POST');
      if (method !== 'HEAD') assert.equal(r.body['Code'], 'UnsupportedHTTPMethod');
    }
    const head = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION, {}, 'HEAD')}`, { method: 'HEAD' });
    assert.equal(head.status, 405);
    const flows = await f.client.ok('ListFlows');
    assert.deepEqual(flows['Flows'], []);
  });

  test('a SignatureNonce is accepted once; a missing nonce is refused', async () => {
    await f.client.ok('CreateFlow', { Name: 'replayed', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
    const signed = signRpcV1Request({
      method: 'POST', action: 'StartExecution', version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
      query: {}, body: { FlowName: 'replayed' }, now: new Date(), nonce: randomUUID(),
    });
    const send = () => fetch(`${f.emulator.endpoint}/?${encodeRpcParams(signed.query)}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeRpcParams(signed.body),
    });
    assert.equal((await send()).status, 200);
    const again = await send();
    assert.equal(again.status, 400);
    assert.equal(((await again.json()) as Record<string, unknown>)['Code'], 'SignatureNonceUsed');
    const list = await f.client.ok('ListExecutions', { FlowName: 'replayed' });
    assert.equal((list['Executions'] as unknown[]).length, 1, 'the replay started nothing');
    const missing = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION, { SignatureNonce: undefined })}`);
    assert.equal(missing.status, 400);
    assert.equal(missing.body['Code'], 'MissingRequiredParams');
    assert.match(String(missing.body['Message']), /SignatureNonce/);
  });

  test('SignatureMethod must be HMAC-SHA1 and Timestamp a UTC time ending in Z', async () => {
    const sha256 = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION, { SignatureMethod: 'HMAC-SHA256' })}`);
    assert.equal(sha256.status, 400);
    assert.equal(sha256.body['Code'], 'InvalidSignatureMethod');
    const local = new Date().toISOString().replace(/\.\d{3}Z$/, '');
    const noZ = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION, { Timestamp: local })}`);
    assert.equal(noZ.status, 400);
    assert.equal(noZ.body['Code'], 'InvalidTimeStamp.Format');
  });

  test('a browser request (Origin or Sec-Fetch-Site) and a foreign Host are refused before anything runs', async () => {
    const q = signedQuery('CreateFlow', FNF_VERSION, { Name: 'from-browser', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' }, 'POST');
    const fromPage = await raw(f.emulator.endpoint, `/?${q}`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    assert.equal(fromPage.status, 403);
    assert.equal(fromPage.body['Code'], 'Forbidden.Origin');
    const sameSite = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION)}`, { headers: { 'sec-fetch-site': 'same-origin' } });
    assert.equal(sameSite.status, 403);
    const rebound = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION)}`, { headers: { host: `evil.example:${f.emulator.port}` } });
    assert.equal(rebound.status, 403);
    assert.equal(rebound.body['Code'], 'Forbidden.Host');
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      const ok = await raw(f.emulator.endpoint, `/?${signedQuery('ListFlows', FNF_VERSION)}`, { headers: { host: `${host}:${f.emulator.port}` } });
      assert.equal(ok.status, 200, host);
    }
    assert.equal((await f.client.call('DescribeFlow', { Name: 'from-browser' })).body['Code'], 'FlowNotExists');
  });

  test('the CAMS file routes need a signature; a malformed escape is 400', async () => {
    const put = await raw(f.emulator.endpoint, '/cams/uploads/x.json', { method: 'PUT', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    assert.equal(put.status, 403);
    assert.equal(put.body['Code'], 'AccessDenied');
    const get = await raw(f.emulator.endpoint, '/cams/uploads/x.json');
    assert.equal(get.status, 403);
    const asset = await raw(f.emulator.endpoint, '/cams/assets/1/1.json?Expires=99999999999&Signature=00');
    assert.equal(asset.status, 403);
    const bad = await raw(f.emulator.endpoint, '/cams/uploads/%E0%A4%A?x');
    assert.equal(bad.status, 403, 'unsigned first');
    const signedBad = await raw(f.emulator.endpoint, `/cams/uploads/%E0%A4%A?${presignQuery('/cams/uploads/%E0%A4%A', Date.now() + 60_000, 'local-secret')}`);
    assert.equal(signedBad.status, 400);
    assert.match(String(signedBad.body['Message']), /malformed %-escape/);
    const badPath = await raw(f.emulator.endpoint, '/%E0%A4%A/?' + signedQuery('ListFlows', FNF_VERSION));
    assert.notEqual(badPath.status, 500);
  });

  test('a request that has not fully arrived within the timeout is answered 408 and closed; long polls are not cut', async () => {
    const dir = await tempDir();
    const emu = await startEmulator({ port: 0, dataDir: dir.path, requestTimeoutMs: 300 });
    try {
      const socket = connect(emu.port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=');
      await new Promise<void>((resolve) => socket.on('close', () => resolve()));
      assert.match(answer, /^HTTP\/1\.1 408/);
      const client = new FnfTestClient(emu.endpoint);
      await client.ok('CreateFlow', { Name: 'w', Definition: WAIT_FLOW, Description: '', Type: 'FDL' });
      await client.ok('StartExecution', { FlowName: 'w', ExecutionName: 'e', Input: '{"seconds":120}' });
      const started = Date.now();
      const polled = await client.ok('DescribeExecution', { FlowName: 'w', ExecutionName: 'e', WaitTimeSeconds: '1' });
      assert.equal(polled['Status'], 'Running');
      assert.ok(Date.now() - started >= 900, 'the long poll waited its full second, past the 300 ms request timeout');
    } finally {
      await emu.close();
      await dir.remove();
    }
  });
});
