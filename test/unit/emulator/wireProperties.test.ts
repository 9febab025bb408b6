// Properties of the wire: random bytes and random (often validly signed) requests never get a 500,
// and every answer is either a success or an error that names its Code and says what is wrong.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { encodeRpcParams, rpcV1Signature } from '../../../cloud/src/signing/rpcV1';
import { FNF_VERSION, PASS_CHOICE_FLOW, startTestEmulator, type EmulatorFixture } from './support';

const RUNS = Number(process.env.FLOWDECK_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261202);

/** Writes the bytes, half-closes, and collects whatever comes back until the server closes. */
function sendBytes(port: number, bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => reject(new Error(`no answer and no close within 10 s for ${Buffer.from(bytes).toString('latin1').slice(0, 80)}`)), 10_000);
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined); // a reset is an answer too
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.end(bytes);
  });
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const ACTIONS = ['CreateFlow', 'DescribeFlow', 'ListFlows', 'StartExecution', 'DescribeExecution', 'GetExecutionHistory', 'DeleteFlow',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'ListFlow', 'GetFlow', 'RestartInstance', ''];
const VERSIONS = [FNF_VERSION, '2020-06-06', '2019-01-07', '', '1999-01-01'];
const NAMES = ['f', 'flow-1', '', '..', 'a'.repeat(200), '__proto__', '%', 'é'];
const VALUES = fc.oneof(fc.constantFrom(...NAMES, PASS_CHOICE_FLOW, '{}', '{"a":', 'null', '[]', '1e999', '%E0%A4%A'), fc.string({ maxLength: 40 }));

const wireRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
  path: fc.constantFrom('/', '/', '/cams/uploads/x.json', '/cams/assets/1/1.json', '/%E0%A4%A', '/?', '//'),
  action: fc.constantFrom(...ACTIONS),
  version: fc.constantFrom(...VERSIONS),
  params: fc.dictionary(fc.constantFrom('Name', 'FlowName', 'ExecutionName', 'Definition', 'Type', 'Description', 'Input', 'Limit', 'NextToken', 'WaitTimeSeconds', '__proto__', 'constructor'), VALUES, { maxKeys: 6 }),
  sign: fc.constantFrom('valid', 'valid', 'wrong', 'none'),
  inBody: fc.boolean(),
  extraHeaders: fc.constantFrom<Record<string, string>>({}, { origin: 'https://evil.example' }, { 'content-type': 'application/json' }, { 'x-tc-version': '2019-01-07' }),
});

describe('wire properties', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator({ requestTimeoutMs: 2000, onError: () => undefined, onWarning: () => undefined });
    await f.client.ok('CreateFlow', { Name: 'f', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
  });
  after(() => f.close());

  test('random bytes never get a 500 and never hang', async () => {
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(`GET /?${s} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.concat([Buffer.from('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ' + b.length + '\r\n\r\n'), b])),
        ),
        async (bytes) => {
          const answer = await sendBytes(f.emulator.port, bytes);
          const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'closed';
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          assert.ok(!status.startsWith('5'), `answered ${status}: ${answer.slice(0, 300)}`);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('random wire requests never get a 500, and every error names a Code and a Message', async () => {
    await fc.assert(
      fc.asyncProperty(wireRequest, async (r) => {
        const params: Record<string, string> = {
          Action: r.action, Version: r.version, Format: 'json', AccessKeyId: 'local', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
          SignatureNonce: `${Math.random()}`, Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...r.params,
        };
        if (r.sign !== 'none') params['Signature'] = rpcV1Signature(r.method, params, r.sign === 'valid' ? 'local-secret' : 'wrong');
        const encoded = encodeRpcParams(params);
        const path = r.inBody ? r.path : `${r.path}${r.path.includes('?') ? '&' : '?'}${encoded}`;
        const headers: Record<string, string> = { ...(r.inBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...r.extraHeaders };
        const { status, text } = await send(f.emulator.port, r.method, path, headers, r.inBody ? encoded : '');
        assert.ok(status < 500, `${r.method} ${path} answered ${status}: ${text}`);
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          assert.fail(`${r.method} ${path} answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`);
        }
        const error = status === 200 && body['Response'] ? (body['Response'] as Record<string, unknown>)['Error'] as Record<string, unknown> | undefined : status === 200 ? undefined : body;
        if (error) {
          assert.ok(typeof error['Code'] === 'string' && error['Code'] !== '', `a Code: ${text}`);
          assert.ok(typeof error['Message'] === 'string' && (error['Message'] as string).length > 10, `a Message: ${text}`);
          assert.ok(!/at .*\.ts:\d+/.test(text), `no stack trace: ${text}`);
        }
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });
});
