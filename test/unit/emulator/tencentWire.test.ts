// What Tencent's own SDKs need from the emulator's CynosDB wire: errors raised in both request
// methods (TC3 by POST with a JSON body and by GET with query parameters), the older HmacSHA1 /
// HmacSHA256 signatures, Tencent's code for an unknown action, messages in the language the
// caller asks for, and a Content-Type of exactly `application/json` (the Python SDK raises an
// error only for that exact value).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { tc3Authorization } from '../../../cloud/src/signing/tc3';
import { startTestEmulator, type EmulatorFixture } from './support';

type Method = 'POST' | 'GET';
type SignMethod = 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';

interface ClientOptions {
  readonly reqMethod?: Method;
  readonly signMethod?: SignMethod;
  readonly language?: 'zh-CN' | 'en-US';
  readonly secretKey?: string;
}

type SdkError = Error & { code?: string };

describe("Tencent's Node SDK against the emulator's CynosDB wire", () => {
  let f: EmulatorFixture;
  // A clock that stands still, so a restart stays "processing" (2) for the whole test.
  const clock = Date.now();
  before(async () => {
    f = await startTestEmulator({ timeScale: 1, now: () => clock });
  });
  after(() => f.close());

  function client(o: ClientOptions = {}): CommonClient {
    return new CommonClient('cynosdb.tencentcloudapi.com', '2019-01-07', {
      credential: { secretId: f.emulator.accessKeyId, secretKey: o.secretKey ?? f.emulator.accessKeySecret },
      region: 'ap-guangzhou',
      profile: {
        signMethod: o.signMethod ?? 'TC3-HMAC-SHA256',
        ...(o.language ? { language: o.language } : {}),
        httpProfile: { endpoint: new URL(f.emulator.endpoint).host, protocol: 'http://', reqMethod: o.reqMethod ?? 'POST' },
      },
    });
  }

  const rejectsWith = (p: Promise<unknown>, code: string, message?: RegExp): Promise<void> =>
    assert.rejects(p, (err: SdkError) => {
      assert.equal(err.code, code, err.message);
      if (message) assert.match(err.message, message);
      return true;
    });

  for (const reqMethod of ['POST', 'GET'] as const) {
    test(`TC3 by ${reqMethod}: a FlowId from RestartInstance is found; an unknown one raises FlowNotFound`, async () => {
      const sdk = client({ reqMethod });
      const started = (await sdk.request('RestartInstance', { InstanceId: 'cynosdbmysql-ins-abcd1234' })) as { FlowId: number };
      const status = (await sdk.request('DescribeFlow', { FlowId: started.FlowId })) as { Status: number };
      assert.equal(status.Status, 2);
      await rejectsWith(sdk.request('DescribeFlow', { FlowId: 424242 }), 'InvalidParameterValue.FlowNotFound');
      await rejectsWith(sdk.request('DescribeFlow', {}), 'MissingParameter');
    });

    test(`TC3 by ${reqMethod}: a wrong secret raises AuthFailure.SignatureFailure`, async () => {
      await rejectsWith(client({ reqMethod, secretKey: 'wrong' }).request('DescribeFlow', { FlowId: 1 }), 'AuthFailure.SignatureFailure');
    });

    for (const signMethod of ['HmacSHA1', 'HmacSHA256'] as const) {
      test(`${signMethod} by ${reqMethod}: served like TC3, and refused with Tencent's codes`, async () => {
        const sdk = client({ reqMethod, signMethod });
        const started = (await sdk.request('RestartInstance', { InstanceId: 'cynosdbmysql-ins-abcd1234' })) as { FlowId: number };
        const status = (await sdk.request('DescribeFlow', { FlowId: started.FlowId })) as { Status: number };
        assert.equal(status.Status, 2);
        await rejectsWith(sdk.request('DescribeFlow', { FlowId: 424242 }), 'InvalidParameterValue.FlowNotFound');
        await rejectsWith(client({ reqMethod, signMethod, secretKey: 'wrong' }).request('DescribeFlow', { FlowId: 1 }), 'AuthFailure.SignatureFailure');
      });
    }
  }

  test("an unknown action gets Tencent's InvalidAction, not fnf's ActionNotSupported", async () => {
    await rejectsWith(client().request('DescribeNothing', {}), 'InvalidAction');
    await rejectsWith(client({ signMethod: 'HmacSHA256' }).request('DescribeNothing', {}), 'InvalidAction');
  });

  test('messages follow the language asked for; Chinese by default', async () => {
    await rejectsWith(client({ language: 'en-US' }).request('DescribeFlow', { FlowId: 424242 }), 'InvalidParameterValue.FlowNotFound', /^The task flow ID does not exist/);
    await rejectsWith(client({ language: 'zh-CN' }).request('DescribeFlow', { FlowId: 424242 }), 'InvalidParameterValue.FlowNotFound', /^任务流ID不存在/);
    await rejectsWith(client().request('DescribeFlow', { FlowId: 424242 }), 'InvalidParameterValue.FlowNotFound', /^任务流ID不存在/);
    await rejectsWith(client({ language: 'en-US', secretKey: 'wrong' }).request('DescribeFlow', { FlowId: 1 }), 'AuthFailure.SignatureFailure', /^The provided credentials/);
    await rejectsWith(client({ language: 'en-US', signMethod: 'HmacSHA1' }).request('DescribeFlow', { FlowId: 424242 }), 'InvalidParameterValue.FlowNotFound', /^The task flow ID/);
  });

  test('answers and errors carry Content-Type exactly application/json', async () => {
    const url = new URL(f.emulator.endpoint);
    const send = async (secretKey: string, payload: string): Promise<Response> => {
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        host: url.host,
        'x-tc-action': 'DescribeFlow',
        'x-tc-version': '2019-01-07',
        'x-tc-timestamp': String(timestamp),
      };
      const authorization = tc3Authorization({
        method: 'POST', query: '', headers: { 'content-type': headers['content-type'] as string, host: url.host }, payload,
        timestamp, service: 'cynosdb', secretId: f.emulator.accessKeyId, secretKey,
      });
      return fetch(f.emulator.endpoint, { method: 'POST', headers: { ...headers, authorization }, body: payload });
    };
    const notFound = await send(f.emulator.accessKeySecret, '{"FlowId":424242}');
    assert.equal(notFound.headers.get('content-type'), 'application/json');
    assert.equal(((await notFound.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code, 'InvalidParameterValue.FlowNotFound');
    const badSignature = await send('wrong', '{"FlowId":1}');
    assert.equal(badSignature.headers.get('content-type'), 'application/json');
  });
});
