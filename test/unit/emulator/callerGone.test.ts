// The abort signal handlers wait on: aborted when the caller leaves before its answer, never
// after an answer, and already aborted when asked for after the caller left.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallerGone } from '../../../emulator/src/api/transport/callerGone';

/**
 * A server whose handler gets the request's CallerGone and its response; resolves to its port,
 * and `arrived`, which resolves when its first request reached the handler.
 */
async function serve(handler: (gone: CallerGone, res: ServerResponse) => void): Promise<{ port: number; arrived: Promise<void>; close: () => Promise<void> }> {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const server = createServer((_req, res) => {
    handler(new CallerGone(res), res);
    arrive();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    arrived,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Sends a request and leaves once the handler has it, before any answer. */
async function callAndLeave(server: { port: number; arrived: Promise<void> }): Promise<void> {
  const req = request({ host: '127.0.0.1', port: server.port, path: '/' });
  req.on('error', () => undefined);
  req.end();
  await server.arrived;
  req.destroy();
}

describe('CallerGone', () => {
  test('a caller leaving before its answer aborts the signal a handler waits on', async () => {
    let aborted!: () => void;
    const abortedOnce = new Promise<void>((resolve) => (aborted = resolve));
    const server = await serve((gone) => gone.signal.addEventListener('abort', () => aborted(), { once: true }));
    try {
      await callAndLeave(server);
      await abortedOnce;
    } finally {
      await server.close();
    }
  });

  test('asked for after the caller left, the signal is aborted from the start', async () => {
    let checked!: (aborted: boolean) => void;
    const result = new Promise<boolean>((resolve) => (checked = resolve));
    const server = await serve((gone, res) => res.on('close', () => checked(gone.signal.aborted)));
    try {
      await callAndLeave(server);
      assert.equal(await result, true);
    } finally {
      await server.close();
    }
  });

  test('an answered request leaves the signal as it was', async () => {
    let signal: AbortSignal | undefined;
    let closed!: () => void;
    const closedOnce = new Promise<void>((resolve) => (closed = resolve));
    const server = await serve((gone, res) => {
      signal = gone.signal;
      res.on('close', () => closed());
      res.end('ok');
    });
    try {
      await new Promise<void>((resolve, reject) => {
        request({ host: '127.0.0.1', port: server.port, path: '/', agent: false }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
      });
      await closedOnce;
      assert.equal(signal?.aborted, false);
    } finally {
      await server.close();
    }
  });
});
