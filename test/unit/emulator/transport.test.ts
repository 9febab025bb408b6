// The wire protocol: signatures (v1 and ACS3), timestamps, routing by version, envelopes and
// the documented transport errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { signAcs3Request } from '../../../cloud/src/signing/acs3';
import { encodeRpcParams, signRpcV1Request } from '../../../cloud/src/signing/rpcV1';
import { FNF_VERSION, startTestEmulator, type EmulatorFixture } from './support';

describe('emulator transport', () => {
  let f: EmulatorFixture;
  before(async () => {
    f = await startTestEmulator();
  });
  after(() => f.close());

  test('a signed GET gets a JSON answer with a RequestId', async () => {
    const r = await f.client.call('ListFlows');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body['Flows'], []);
    assert.match(String(r.body['RequestId']), /^[0-9A-F-]{36}$/);
  });

  test('a wrong secret is SignatureNotMatch (403) with the documented message', async () => {
    const r = await f.client.call('ListFlows', {}, { accessKeySecret: 'wrong' });
    assert.equal(r.status, 403);
    assert.equal(r.body['Code'], 'SignatureNotMatch');
    assert.equal(
      r.body['Message'],
      'The request signature we calculated does not match the signature you provided. Check your access key and signing method.',
    );
    assert.ok(r.body['RequestId']);
  });

  test('an unknown AccessKeyId is InvalidAccessKeyID (403)', async () => {
    const r = await f.client.call('ListFlows', {}, { accessKeyId: 'someone' });
    assert.equal(r.status, 403);
    assert.equal(r.body['Code'], 'InvalidAccessKeyID');
    assert.equal(r.body['Message'], 'The AccessKey ID someone is invalid.');
  });

  test('a request signed an hour ago is RequestTimeTooSkewed (403)', async () => {
    const r = await f.client.call('ListFlows', {}, { now: new Date(Date.now() - 3600_000) });
    assert.equal(r.status, 403);
    assert.equal(r.body['Code'], 'RequestTimeTooSkewed');
  });

  test('a parameter changed after signing breaks the signature', async () => {
    const signed = signRpcV1Request({
      method: 'GET', action: 'DescribeFlow', version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
      query: { Name: 'a' }, body: {}, now: new Date(), nonce: randomUUID(),
    });
    const res = await fetch(`${f.emulator.endpoint}/?${encodeRpcParams({ ...signed.query, Name: 'b' })}`);
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as Record<string, unknown>)['Code'], 'SignatureNotMatch');
  });

  test('POST with every parameter (Signature included) in the form body is accepted, as the legacy SDK sends it', async () => {
    const signed = signRpcV1Request({
      method: 'POST', action: 'ListFlows', version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
      query: {}, body: { Limit: '5' }, now: new Date(), nonce: randomUUID(),
    });
    const res = await fetch(`${f.emulator.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: encodeRpcParams({ ...signed.query, ...signed.body }),
    });
    assert.equal(res.status, 200);
  });

  test('a request without a signature names the missing parameter', async () => {
    const res = await fetch(`${f.emulator.endpoint}/?Action=ListFlows&Version=${FNF_VERSION}&AccessKeyId=local`);
    assert.equal(res.status, 400);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body['Code'], 'MissingRequiredParams');
    assert.equal(body['Message'], "The HTTP query 'Signature' must be specified.");
  });

  test('an unknown version is APIVersionNotSupported; an unknown action is ActionNotSupported', async () => {
    const v = await f.client.call('ListFlows', {}, { version: '2001-01-01' });
    assert.equal(v.status, 400);
    assert.equal(v.body['Code'], 'APIVersionNotSupported');
    assert.equal(v.body['Message'], "The requested API version '2001-01-01' is not supported yet. Please check.");
    const a = await f.client.call('DescribeEverything');
    assert.equal(a.status, 400);
    assert.equal(a.body['Code'], 'ActionNotSupported');
    assert.equal(a.body['Message'], "The requested API operation 'DescribeEverything' is incorrect. Please check.");
  });

  test('the same action name reaches the product of the request version (fnf vs CAMS CreateFlow)', async () => {
    const cams = await f.client.call('CreateFlow', { FlowName: 'wa_flow', Categories: '["OTHER"]' }, { version: '2020-06-06' });
    assert.equal(cams.status, 200);
    assert.equal(cams.body['Code'], 'OK');
    assert.ok((cams.body['Data'] as Record<string, unknown>)['FlowId']);
    const fnf = await f.client.call('CreateFlow', { FlowName: 'wa_flow' });
    assert.equal(fnf.body['Code'], 'MissingRequiredParams', 'fnf wants Name, Definition, ...');
    assert.deepEqual((await f.client.ok('ListFlows'))['Flows'], []);
  });

  test('DescribeRegions names the one local region at the emulator endpoint', async () => {
    const r = await f.client.ok('DescribeRegions', { AcceptLanguage: 'en-US' });
    assert.deepEqual(r['Regions'], { Region: [{ RegionId: 'local', RegionEndpoint: new URL(f.emulator.endpoint).host, LocalName: 'Local emulator' }] });
    const bad = await f.client.call('DescribeRegions', { AcceptLanguage: 'fr-FR' });
    assert.equal(bad.body['Code'], 'InvalidArgument');
  });

  test('a body over 1,024 KiB is EntityTooLarge', async () => {
    const r = await f.client.call('CreateFlow', { Name: 'big', Type: 'FDL', Description: 'x'.repeat(1024 * 1024 + 10), Definition: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.body['Code'], 'EntityTooLarge');
    assert.equal(r.body['Message'], `The payload size exceeds maximum allowed size (${1024 * 1024} bytes).`);
  });

  test('ACS3-HMAC-SHA256 requests are verified too', async () => {
    const url = new URL(f.emulator.endpoint);
    const good = signAcs3Request({
      method: 'GET', host: url.host, action: 'ListFlows', version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
      query: { Limit: '2' }, body: '', now: new Date(), nonce: randomUUID(),
    });
    const ok = await fetch(`${f.emulator.endpoint}/?Limit=2`, { headers: good });
    assert.equal(ok.status, 200);
    const bad = signAcs3Request({
      method: 'GET', host: url.host, action: 'ListFlows', version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'nope',
      query: { Limit: '2' }, body: '', now: new Date(), nonce: randomUUID(),
    });
    const rejected = await fetch(`${f.emulator.endpoint}/?Limit=2`, { headers: bad });
    assert.equal(rejected.status, 403);
    assert.equal(((await rejected.json()) as Record<string, unknown>)['Code'], 'SignatureNotMatch');
  });
});
