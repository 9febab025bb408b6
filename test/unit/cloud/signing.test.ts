import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  encodeRpcParams, rpcV1CanonicalQuery, rpcV1Signature, rpcV1StringToSign, rpcV1Verify, signRpcV1Request, rpcTimestamp,
} from '../../../cloud/src/signing/rpcV1';
import { acs3Authorization, acs3CanonicalRequest, acs3Verify, parseAcs3Authorization, signAcs3Request } from '../../../cloud/src/signing/acs3';
import { tc3Authorization, tc3CanonicalRequest, tc3Verify, parseTc3Authorization } from '../../../cloud/src/signing/tc3';
import { percentEncode, sha256Hex, EMPTY_SHA256 } from '../../../cloud/src/signing/encoding';
import { openApiUtil, tencentSign } from './sdkSigners';

describe('RPC signature v1 (published vectors)', () => {
  test('R1: OpenApiUtil test vector with an empty method', () => {
    assert.equal(rpcV1StringToSign('', { test: 'ok' }), '&%2F&test%3Dok');
    assert.equal(rpcV1Signature('', { test: 'ok' }, 'accessKeySecret'), 'jHx/oHoHNrbVfhncHEvPdHXZwHU=');
  });

  const r2 = {
    AccessKeyId: 'testid', Action: 'DescribeRegions', Format: 'XML', SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Timestamp: '2016-02-23T12:46:24Z', Version: '2014-05-26',
  };
  test('R2: the ECS documentation example, GET and POST', () => {
    assert.equal(
      rpcV1StringToSign('GET', r2),
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    assert.equal(rpcV1Signature('GET', r2, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    assert.equal(rpcV1Signature('POST', r2, 'testsecret'), 'MxbnVAM4w6sft9xjVpe/GCKueuk=');
  });
  test("R2': the older spelling TimeStamp", () => {
    const { Timestamp, ...rest } = r2;
    assert.equal(rpcV1Signature('GET', { ...rest, TimeStamp: Timestamp }, 'testsecret'), 'CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  test('F1: fnf DescribeFlow built by signRpcV1Request with injected clock and nonce', () => {
    const signed = signRpcV1Request({
      method: 'GET', action: 'DescribeFlow', version: '2019-03-15', accessKeyId: 'testid', accessKeySecret: 'testsecret',
      query: { Name: 'my-flow' }, body: {}, now: new Date('2024-01-01T00:00:00.000Z'), nonce: 'c0ffee00-0000-4000-8000-000000000001',
    });
    assert.equal(
      rpcV1CanonicalQuery(signed.query),
      'AccessKeyId=testid&Action=DescribeFlow&Format=json&Name=my-flow&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&Timestamp=2024-01-01T00%3A00%3A00Z&Version=2019-03-15',
    );
    assert.equal(signed.query['Signature'], 'w7zamHrY/7+P/dQhiCrlVzhh6RA=');
    assert.ok(rpcV1Verify('GET', signed.query, 'testsecret'));
    assert.ok(!rpcV1Verify('GET', signed.query, 'wrong'));
    assert.ok(!rpcV1Verify('POST', signed.query, 'testsecret'));
  });

  test('F2: fnf StartExecution (POST, body parameters signed with the query)', () => {
    const signed = signRpcV1Request({
      method: 'POST', action: 'StartExecution', version: '2019-03-15', accessKeyId: 'testid', accessKeySecret: 'testsecret',
      query: {}, body: { FlowName: 'my-flow', ExecutionName: 'exec-1', Input: '{"key":"value"}' },
      now: new Date('2024-01-01T00:00:00Z'), nonce: 'c0ffee00-0000-4000-8000-000000000002',
    });
    assert.equal(
      rpcV1StringToSign('POST', { ...signed.query, ...signed.body }),
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DStartExecution%26ExecutionName%3Dexec-1%26FlowName%3Dmy-flow%26Format%3Djson%26Input%3D%257B%2522key%2522%253A%2522value%2522%257D%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dc0ffee00-0000-4000-8000-000000000002%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T00%253A00%253A00Z%26Version%3D2019-03-15',
    );
    assert.equal(signed.query['Signature'], '4WV1BxlLZHjHtKv3H5iCxhb45Qg=');
    assert.equal(signed.body['Input'], '{"key":"value"}');
  });

  test('F3: RFC 3986 encoding (space, tilde, star)', () => {
    assert.equal(percentEncode('a b~*'), 'a%20b~%2A');
    assert.equal(rpcV1Signature('GET', { x: 'a b~*' }, 's'), 'cfhoF30+m+pyqTNrHuX+NeQk2oY=');
  });

  test('STS token is a signed common parameter', () => {
    const signed = signRpcV1Request({
      method: 'GET', action: 'ListFlows', version: '2019-03-15', accessKeyId: 'id', accessKeySecret: 'sec', securityToken: 'tok',
      query: {}, body: {}, now: new Date(0), nonce: 'n',
    });
    assert.equal(signed.query['SecurityToken'], 'tok');
    assert.equal(rpcTimestamp(new Date(0)), '1970-01-01T00:00:00Z');
    assert.ok(rpcV1Verify('GET', signed.query, 'sec'));
  });
});

describe('ACS3-HMAC-SHA256 (published vectors)', () => {
  test('V1: OpenAPI test vector, headers merged case-insensitively, empty value', () => {
    const auth = acs3Authorization(
      { method: 'undefined', pathname: '', query: { test: 'ok', empty: '' }, headers: { 'x-acs-test': 'http', 'x-acs-TEST': 'https' }, hashedPayload: '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23' },
      'acesskey', 'secret',
    );
    assert.equal(auth, 'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=0f2d549523cf082c83bb8135b5863614f7fe16ca7c2c7fc537e74d67374eeeac');
  });
  test('V1b: no query and no headers', () => {
    const auth = acs3Authorization({ method: 'undefined', pathname: '', query: {}, headers: {}, hashedPayload: '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23' }, 'acesskey', 'secret');
    assert.equal(auth, 'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=,Signature=608b887e491f3e88e85276b188a4d24e29230a559464685ccbf2dcc458e1fde8');
  });
  test('V2: the V3 documentation example (ECS RunInstances)', () => {
    const auth = acs3Authorization(
      {
        method: 'POST', pathname: '/',
        query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
        headers: {
          host: 'ecs.cn-shanghai.aliyuncs.com', 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26', 'x-acs-date': '2023-10-26T09:01:01Z',
          'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0', 'x-acs-content-sha256': EMPTY_SHA256,
        },
        hashedPayload: EMPTY_SHA256,
      },
      'YourAccessKeyId', 'YourAccessKeySecret',
    );
    assert.match(auth, /Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804$/);
  });
  test('V3: fnf DescribeFlow via signAcs3Request, and verification', () => {
    const headers = signAcs3Request({
      method: 'GET', host: 'cn-hangzhou.fnf.aliyuncs.com', action: 'DescribeFlow', version: '2019-03-15', accessKeyId: 'testid', accessKeySecret: 'testsecret',
      query: { Name: 'my-flow' }, body: '', now: new Date('2024-01-01T00:00:00Z'), nonce: 'c0ffee0000004000800000000000000c',
    });
    const { canonicalRequest } = acs3CanonicalRequest({ method: 'GET', pathname: '/', query: { Name: 'my-flow' }, headers, hashedPayload: EMPTY_SHA256 });
    assert.equal(sha256Hex(canonicalRequest), '01e48cd2aed587543f336703d0d69234e5689200fc3df6108d67a58ca2903b02');
    assert.equal(parseAcs3Authorization(headers['authorization'] ?? '')?.signature, 'd8e1f6715cbeed9bb5a97f549b684a4b614415e59b75c12f0b3449677dae7f83');
    assert.ok(acs3Verify({ method: 'GET', pathname: '/', query: { Name: 'my-flow' }, headers, body: '' }, 'testsecret'));
    assert.ok(!acs3Verify({ method: 'GET', pathname: '/', query: { Name: 'other' }, headers, body: '' }, 'testsecret'));
  });
});

describe('TC3-HMAC-SHA256 (published vectors)', () => {
  const body = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
  test('C.4.4: the full chain with the documentation key', () => {
    const headers = { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' };
    assert.equal(sha256Hex(body), '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const { canonicalRequest } = tc3CanonicalRequest({ method: 'POST', query: '', headers, payload: body });
    assert.equal(sha256Hex(canonicalRequest), '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    const auth = tc3Authorization({ method: 'POST', query: '', headers, payload: body, service: 'cvm', timestamp: 1551113065, secretId: 'AKID**********************0123456789EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' });
    assert.equal(auth, 'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    assert.deepEqual(parseTc3Authorization(auth)?.signedHeaders, ['content-type', 'host']);
    assert.ok(tc3Verify({ method: 'POST', query: '', headers: { ...headers, authorization: auth }, payload: body, timestamp: 1551113065 }, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'));
    assert.ok(!tc3Verify({ method: 'POST', query: '', headers: { ...headers, authorization: auth }, payload: body + ' ', timestamp: 1551113065 }, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'));
  });
  test('C.4.3: canonical request with x-tc-action (lower-cased value)', () => {
    const { canonicalRequest, signedHeaders } = tc3CanonicalRequest({
      method: 'POST', query: '', payload: body,
      headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com', 'x-tc-action': 'DescribeInstances' },
    });
    assert.equal(signedHeaders, 'content-type;host;x-tc-action');
    assert.equal(sha256Hex(canonicalRequest), '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
  });
  test('verification accepts the host without its port, as the Node SDK signs it', () => {
    const headers = { 'content-type': 'application/json', host: '127.0.0.1' };
    const auth = tc3Authorization({ method: 'POST', query: '', headers, payload: '{}', service: 'cynosdb', timestamp: 1700000000, secretId: 'id', secretKey: 'key' });
    assert.ok(tc3Verify({ method: 'POST', query: '', headers: { 'content-type': 'application/json', host: '127.0.0.1:8787', authorization: auth }, payload: '{}', timestamp: 1700000000 }, 'key'));
  });
});

describe('signers agree with the official SDKs on random requests', () => {
  const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,15}$/);
  const value = fc.string({ unit: 'grapheme', maxLength: 30 });
  const params = fc.dictionary(key, value, { maxKeys: 8 }).map((d) => ({ ...d }));

  test('RPC v1 = OpenApiUtil.getRPCSignature', () => {
    fc.assert(
      fc.property(params, fc.constantFrom('GET', 'POST'), fc.string({ maxLength: 20 }), (p, method, secret) => {
        assert.equal(rpcV1Signature(method, p, secret), openApiUtil.getRPCSignature(p, method, secret));
      }),
      { numRuns: 300 },
    );
  });

  test('a signed request: OpenApiUtil signs the query and body it sends, and its texts are those parameters form-encoded', () => {
    // Keys shared by query and body, and a stray Signature in either, are the cases merging must get right.
    const mixedKey = fc.oneof(key, fc.constantFrom('Action', 'FlowName', 'Signature', 'Timestamp'));
    const side = fc.dictionary(mixedKey, value, { maxKeys: 6 }).map((d) => ({ ...d }));
    fc.assert(
      fc.property(side, side, fc.constantFrom('GET' as const, 'POST' as const), fc.string({ maxLength: 20 }), (query, body, method, secret) => {
        const signed = signRpcV1Request({
          method, action: 'StartExecution', version: '2019-03-15', accessKeyId: 'AKID', accessKeySecret: secret,
          query, body, now: new Date('2024-01-01T00:00:00Z'), nonce: 'n-1',
        });
        const { Signature, ...sent } = { ...signed.query, ...signed.body };
        assert.equal(signed.query['Signature'], openApiUtil.getRPCSignature(sent, method, secret));
        assert.ok(Signature !== undefined);
        assert.equal(signed.queryText, encodeRpcParams(signed.query));
        assert.equal(signed.bodyText, encodeRpcParams(signed.body));
      }),
      { numRuns: 300 },
    );
  });

  test('ACS3 = OpenApiUtil.getAuthorization', () => {
    const headerName = fc.oneof(fc.stringMatching(/^x-acs-[a-z0-9-]{1,10}$/), fc.constantFrom('host', 'content-type', 'Content-Type', 'accept', 'X-Acs-Date'));
    const headers = fc.dictionary(headerName, fc.string({ maxLength: 20 }), { maxKeys: 6 }).map((d) => ({ ...d }));
    fc.assert(
      fc.property(params, headers, fc.constantFrom('GET', 'POST'), fc.string({ maxLength: 40 }), fc.string({ maxLength: 20 }), (query, hdrs, method, body, secret) => {
        const payload = sha256Hex(body);
        const ours = acs3Authorization({ method, pathname: '/', query, headers: hdrs, hashedPayload: payload }, 'AKID', secret);
        const theirs = openApiUtil.getAuthorization({ pathname: '/', method, query, headers: hdrs }, 'ACS3-HMAC-SHA256', payload, 'AKID', secret);
        assert.equal(ours, theirs);
      }),
      { numRuns: 300 },
    );
  });

  test('TC3 = tencentcloud-sdk-nodejs-common Sign.sign3', () => {
    const json = fc.dictionary(key, fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer(), fc.boolean()), { maxKeys: 6 });
    fc.assert(
      fc.property(
        json,
        fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
        fc.stringMatching(/^[a-z]{3,10}$/),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.stringMatching(/^[a-z0-9-]{1,20}\.(com|cn)$/),
        (payload, timestamp, service, secretKey, host) => {
          const text = JSON.stringify(payload);
          const contentType = 'application/json';
          const ours = tc3Authorization({ method: 'POST', query: '', headers: { 'content-type': contentType, host }, payload: text, service, timestamp, secretId: 'AKIDx', secretKey });
          const theirs = tencentSign.sign3({
            method: 'POST', url: `https://${host}/`, payload: Buffer.from(text), timestamp, service, secretId: 'AKIDx', secretKey,
            multipart: false, boundary: '', headers: { 'Content-Type': contentType },
          });
          assert.equal(ours, theirs);
        },
      ),
      { numRuns: 300 },
    );
  });
});
