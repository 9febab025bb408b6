// What the dispatcher hands a product's handler: the call's request id, action, version, verified
// access key, endpoint and region, and a signal that aborts when the caller leaves before its answer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeRpcParams, signRpcV1Request } from '../../../cloud/src/signing/rpcV1';
import { createDispatcher } from '../../../emulator/src/api/transport/dispatch';
import type { ProductApi, RequestContext } from '../../../emulator/src/api/product';

const VERSION = '2030-01-01';

/** A dispatcher serving one product whose handler is `handle`; resolves to its port and a way to close it. */
async function serve(handle: ProductApi['handle']): Promise<{ port: number; close(): Promise<void> }> {
  const product: ProductApi = { name: 'probe', version: VERSION, style: 'rpc', handle };
  const dispatch = createDispatcher({
    products: [product], credentials: { accessKeyId: 'local', accessKeySecret: 'local-secret' }, faults: undefined,
    now: () => Date.now(), endpoint: () => 'http://127.0.0.1:1', guard: { bindHost: '127.0.0.1' },
    onInternalError: (err) => assert.fail(String(err)),
  });
  const server = createServer((req, res) => void dispatch(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The path of a signed GET of `Probe` with `params`. */
function signedPath(params: Record<string, string>): string {
  const signed = signRpcV1Request({
    method: 'GET', action: 'Probe', version: VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
    query: params, body: {}, now: new Date(), nonce: randomUUID(),
  });
  return `/?${encodeRpcParams(signed.query)}`;
}

describe('the context a handler is given', () => {
  test('names the call, and its request id is the one answered', async () => {
    let seen: RequestContext | undefined;
    const server = await serve(async (_action, _params, rc) => {
      seen = rc;
      return {};
    });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}${signedPath({ RegionId: 'cn-hangzhou' })}`);
      const body = (await res.json()) as { RequestId: string };
      assert.equal(res.status, 200);
      assert.deepEqual(
        { requestId: seen?.requestId, action: seen?.action, version: seen?.version, accessKeyId: seen?.accessKeyId, endpoint: seen?.endpoint, region: seen?.region },
        { requestId: body.RequestId, action: 'Probe', version: VERSION, accessKeyId: 'local', endpoint: 'http://127.0.0.1:1', region: 'cn-hangzhou' },
      );
      assert.equal(seen?.signal.aborted, false, 'an answered call leaves the signal as it was');
    } finally {
      await server.close();
    }
  });

  test('its signal aborts when the caller leaves before the answer', { timeout: 10_000 }, async () => {
    let arrived!: () => void;
    const handlerHasIt = new Promise<void>((resolve) => (arrived = resolve));
    let aborted!: () => void;
    const abortedOnce = new Promise<void>((resolve) => (aborted = resolve));
    const server = await serve((_action, _params, rc) => new Promise((resolve) => {
      rc.signal.addEventListener('abort', () => {
        aborted();
        resolve({});
      }, { once: true });
      arrived();
    }));
    try {
      const req = request({ host: '127.0.0.1', port: server.port, path: signedPath({}) });
      req.on('error', () => undefined);
      req.end();
      await handlerHasIt;
      req.destroy();
      await abortedOnce;
    } finally {
      await server.close();
    }
  });
});
