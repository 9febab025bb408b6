// Push through OSS, the documented way, against the emulator: Alibaba's pop-core asks CAMS for
// GetChatappUploadAuthorization, Alibaba's ali-oss uploads with those temporary credentials and
// their security token, and CamsClient pushes and pulls a Flow JSON through the object store.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import RPCClient from '@alicloud/pop-core';
import OSS from 'ali-oss';
import { CamsClient, camsOssUploader, objectKey, ossObjectUrl, type UploadAuthorization } from '../../../cloud/src/cams';
import { staticCredentials } from '../../../cloud/src/credentials';
import { SimulatedClock } from '../../../cloud/src/rpc/clock';
import { RateLimiter } from '../../../cloud/src/rpc/tokenBucket';
import { startTestEmulator, type TestEmulator } from './emulator';

const FLOW_JSON = JSON.stringify({
  version: '7.3',
  screens: [{ id: 'ONLY', title: 'Hi', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }],
}, null, 2);

type OssError = Error & { code?: string; status?: number };

function oss(a: UploadAuthorization, overrides: Partial<OSS.Options> = {}): OSS {
  return new OSS({ accessKeyId: a.AccessKeyId, accessKeySecret: a.AccessKeySecret, stsToken: a.SecurityToken, bucket: a.BucketName, endpoint: a.EndPoint, secure: false, ...overrides });
}

describe('CAMS push through OSS against the emulator', () => {
  let emu: TestEmulator;
  let pop: RPCClient;
  before(async () => {
    emu = await startTestEmulator();
    pop = new RPCClient({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, endpoint: emu.endpoint, apiVersion: '2020-06-06' });
  });
  after(async () => emu.close());

  const authorize = async (): Promise<UploadAuthorization> => {
    const r = (await pop.request('GetChatappUploadAuthorization', { CustSpaceId: 'space-1' }, { method: 'POST' })) as { Code: string; Data: UploadAuthorization };
    assert.equal(r.Code, 'OK');
    return r.Data;
  };

  test('pop-core: GetChatappUploadAuthorization returns the documented Data fields', async () => {
    const a = await authorize();
    for (const k of ['AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'BucketName', 'Dir', 'EndPoint'] as const) assert.equal(typeof a[k], 'string', k);
    assert.equal(a.Expire, 3600);
    assert.equal(a.EndPoint, emu.endpoint);
    assert.notEqual(a.AccessKeyId, emu.accessKeyId, 'temporary credentials, not the account key');
  });

  test('ali-oss puts, gets and lists inside Dir with the temporary credentials', async () => {
    const a = await authorize();
    const client = oss(a);
    const key = objectKey(a.Dir, 'flow.json');
    const put = await client.put(key, Buffer.from(FLOW_JSON));
    assert.equal(put.res.status, 200);
    const got = await client.get(key);
    assert.equal(Buffer.from(got.content as Buffer).toString('utf8'), FLOW_JSON);
    const listed = await client.list({ prefix: `${a.Dir}/`, 'max-keys': 10 }, {});
    assert.deepEqual(listed.objects.map((o) => o.name), [key]);
    assert.equal(listed.objects[0]?.size, Buffer.byteLength(FLOW_JSON));
  });

  test('the object store refuses a wrong secret, a missing token and keys outside Dir', async () => {
    const a = await authorize();
    const key = objectKey(a.Dir, 'x.json');
    await assert.rejects(oss(a, { accessKeySecret: 'wrong' }).put(key, Buffer.from('{}')), (e: OssError) => e.code === 'SignatureDoesNotMatch' && e.status === 403);
    await assert.rejects(oss(a, { stsToken: 'forged' }).put(key, Buffer.from('{}')), (e: OssError) => e.code === 'InvalidAccessKeyId' && e.status === 403);
    await assert.rejects(oss(a).put('elsewhere/x.json', Buffer.from('{}')), (e: OssError) => e.code === 'AccessDenied' && e.status === 403);
    await assert.rejects(oss(a).get(objectKey(a.Dir, 'missing.json')), (e: OssError) => e.code === 'NoSuchKey' && e.status === 404);
  });

  test('CamsClient pushes through the upload authorization and pulls the same JSON back', async () => {
    const cams = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), rateLimiter: new RateLimiter(new SimulatedClock()) });
    const created = await cams.createFlow({ FlowName: 'oss_push', Categories: ['SIGN_UP'] });
    const pushed = await cams.pushFlowJson(created.FlowId, FLOW_JSON, camsOssUploader(cams));
    assert.match(pushed.FilePath, new RegExp(`^${emu.endpoint}/flowdeck-cams/default/\\d+/${created.FlowId}\\.json$`));
    const pulled = await cams.getFlowJson(created.FlowId);
    assert.equal(pulled.text, FLOW_JSON);
    assert.match(pulled.filePath, /OSSAccessKeyId=.*Signature=/, 'the pulled FilePath is a signed object URL');
    const tampered = pulled.filePath.replace(/Signature=[^&]+/, 'Signature=AAAA');
    assert.equal((await fetch(tampered)).status, 403);
  });

  test('object URLs: virtual-host style for OSS domains, path style for addresses', () => {
    assert.equal(ossObjectUrl('https://oss-ap-southeast-1.aliyuncs.com', 'b', 'd/f.json'), 'https://b.oss-ap-southeast-1.aliyuncs.com/d/f.json');
    assert.equal(ossObjectUrl('oss-ap-southeast-1.aliyuncs.com', 'b', 'd/f.json'), 'https://b.oss-ap-southeast-1.aliyuncs.com/d/f.json');
    assert.equal(ossObjectUrl('http://127.0.0.1:8787', 'b', 'd/a b.json'), 'http://127.0.0.1:8787/b/d/a%20b.json');
    assert.equal(objectKey('dir/', 'f.json'), 'dir/f.json');
    assert.equal(objectKey('', 'f.json'), 'f.json');
  });
});

describe('temporary upload credentials expire', () => {
  test('after Expire seconds the token is refused with SecurityTokenExpired; a presigned URL past its Expires is AccessDenied', async () => {
    let offset = 0;
    const emu = await startTestEmulator({ now: () => Date.now() + offset });
    try {
      const pop = new RPCClient({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, endpoint: emu.endpoint, apiVersion: '2020-06-06' });
      const a = ((await pop.request('GetChatappUploadAuthorization', {}, { method: 'POST' })) as { Data: UploadAuthorization }).Data;
      const key = objectKey(a.Dir, 'late.json');
      await oss(a).put(key, Buffer.from('{}'));
      const cams = new CamsClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), rateLimiter: new RateLimiter(new SimulatedClock()) });
      const { FlowId } = await cams.createFlow({ FlowName: 'late', Categories: ['OTHER'] });
      await cams.updateFlowJsonAsset(FlowId, ossObjectUrl(a.EndPoint, a.BucketName, key));
      const url = (await cams.getFlowJsonAsset(FlowId)).FilePath;
      assert.equal((await fetch(url)).status, 200);

      // Two hours later, on both clocks (ali-oss dates its requests with amendTimeSkewed).
      offset = 2 * 3600 * 1000;
      const late = oss(a, { amendTimeSkewed: offset } as Partial<OSS.Options>);
      await assert.rejects(late.put(key, Buffer.from('{}')), (e: OssError) => e.code === 'SecurityTokenExpired' && e.status === 403);
      const expired = await fetch(url);
      assert.equal(expired.status, 403);
      assert.match(await expired.text(), /<Code>AccessDenied<\/Code>/);
    } finally {
      await emu.close();
    }
  });
});
