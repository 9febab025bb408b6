import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  alibabaEnvCredentials, aliyunCliProfileCredentials, aliyunCliProfileRegion, credentialChain, defaultAlibabaCredentials,
  defaultTencentCredentials, requireCredentials, staticCredentials, tencentProfileCredentials, parseIniSection,
} from '../../../cloud/src/credentials/providers';
import { CloudError } from '../../../cloud/src/errors';
import { maskKeyId } from '../../../cloud/src/credentials/types';

function home(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-home-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const aliyunConfig = JSON.stringify({
  current: 'work',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'AKdefault', access_key_secret: 'SECdefault', region_id: 'cn-beijing' },
    { name: 'work', mode: 'StsToken', access_key_id: 'STSid', access_key_secret: 'STSsecret', sts_token: 'STStoken', region_id: 'cn-shanghai' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: 'y' },
  ],
});

describe('credentials', () => {
  test('environment variables, with an optional security token', async () => {
    assert.equal(await alibabaEnvCredentials({}).resolve(), undefined);
    const c = await alibabaEnvCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's', ALIBABA_CLOUD_SECURITY_TOKEN: 't' }).resolve();
    assert.deepEqual(c, { accessKeyId: 'id', accessKeySecret: 's', securityToken: 't', source: 'environment variables' });
  });

  test('aliyun CLI profiles: current profile (StsToken), named AK profile, region', async () => {
    const dir = home({ '.aliyun/config.json': aliyunConfig });
    try {
      const cur = await aliyunCliProfileCredentials({ homeDir: dir, env: {} }).resolve();
      assert.deepEqual(cur, { accessKeyId: 'STSid', accessKeySecret: 'STSsecret', securityToken: 'STStoken', source: "aliyun CLI profile 'work'" });
      const def = await aliyunCliProfileCredentials({ homeDir: dir, profile: 'default', env: {} }).resolve();
      assert.equal(def?.accessKeyId, 'AKdefault');
      assert.equal(def?.securityToken, undefined);
      const viaEnv = await aliyunCliProfileCredentials({ homeDir: dir, env: { ALIBABA_CLOUD_PROFILE: 'default' } }).resolve();
      assert.equal(viaEnv?.accessKeyId, 'AKdefault');
      assert.equal(await aliyunCliProfileRegion({ homeDir: dir, env: {} }), 'cn-shanghai');
      await assert.rejects(aliyunCliProfileCredentials({ homeDir: dir, profile: 'role', env: {} }).resolve(), /only AK and StsToken/);
      await assert.rejects(aliyunCliProfileCredentials({ homeDir: dir, profile: 'nope', env: {} }).resolve(), /profile 'nope' is not in/);
      assert.equal(await aliyunCliProfileCredentials({ homeDir: dir, env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' } }).resolve(), undefined);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('a broken config file says which file and what to do, without echoing its contents', async () => {
    const dir = home({ '.aliyun/config.json': '{"profiles": [ SECRETSTUFF' });
    try {
      await assert.rejects(aliyunCliProfileCredentials({ homeDir: dir, env: {} }).resolve(), (e: unknown) => e instanceof CloudError && /not valid JSON/.test(e.message) && !e.message.includes('SECRETSTUFF'));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('the chain prefers environment variables over the profile, and reports every place tried', async () => {
    const dir = home({ '.aliyun/config.json': aliyunConfig });
    try {
      const fromEnv = await defaultAlibabaCredentials({ homeDir: dir, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'E', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S' } }).resolve();
      assert.equal(fromEnv?.accessKeyId, 'E');
      const fromFile = await defaultAlibabaCredentials({ homeDir: dir, env: {} }).resolve();
      assert.equal(fromFile?.accessKeyId, 'STSid');
      const empty = home({});
      const err = await requireCredentials(defaultAlibabaCredentials({ homeDir: empty, env: {} })).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof CloudError && err.code === 'NoCredentials');
      assert.match(err.message, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
      assert.match(err.message, /config\.json/);
      rmSync(empty, { recursive: true });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('Tencent: environment variables, then ~/.tencentcloud/credentials', async () => {
    const dir = home({ '.tencentcloud/credentials': '; comment\n[other]\nsecret_id = no\n[default]\nsecret_id = TID\nsecret_key = TKEY\n' });
    try {
      const env = await defaultTencentCredentials({ homeDir: dir, env: { TENCENTCLOUD_SECRET_ID: 'a', TENCENTCLOUD_SECRET_KEY: 'b', TENCENTCLOUD_SESSION_TOKEN: 'c' } }).resolve();
      assert.deepEqual([env?.accessKeyId, env?.securityToken], ['a', 'c']);
      const file = await defaultTencentCredentials({ homeDir: dir, env: {} }).resolve();
      assert.deepEqual([file?.accessKeyId, file?.accessKeySecret], ['TID', 'TKEY']);
      assert.equal((await tencentProfileCredentials({ homeDir: dir, profile: 'other' }).resolve()), undefined);
      assert.deepEqual(parseIniSection('[a]\nk = v = w\n', 'a'), { k: 'v = w' });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('explicit credentials win when first in a chain; ids are masked for display', async () => {
    const c = await credentialChain(staticCredentials('X', 'Y'), alibabaEnvCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'E', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S' })).resolve();
    assert.equal(c?.accessKeyId, 'X');
    assert.equal(maskKeyId('LTAI5tABCDEFGHIJ'), 'LTAI****HIJ');
    assert.equal(maskKeyId('short'), '****');
  });
});
