// A small fnf-speaking loopback server for unit tests of the client's own logic (paging, tail,
// deploy decisions, retries). It verifies every signature with the real verifier, answers with the
// service's field names and error shapes, and lets each test script the responses.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rpcV1Verify } from '../../../cloud/src/signing/rpcV1';
import { acs3Verify } from '../../../cloud/src/signing/acs3';

export interface FakeRequest {
  readonly method: string;
  readonly action: string;
  readonly query: Record<string, string>;
  readonly body: Record<string, string>;
  readonly rawUrl: string;
  readonly rawBody: string;
  readonly headers: Record<string, string>;
}

export interface FakeReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Drop the connection without answering (a network error for the client). */
  readonly destroy?: boolean;
}

export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  readonly endpoint: string;
  readonly requests: FakeRequest[];
  handler: FakeHandler;
  close(): Promise<void>;
}

export const FAKE_ID = 'fake-id';
export const FAKE_SECRET = 'fake-secret-VALUE-123';

function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeFnf(handler: FakeHandler, secret = FAKE_SECRET): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const state: { handler: FakeHandler } = { handler };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://x');
      const query = parseForm(url.search.slice(1));
      const body = req.method === 'POST' ? parseForm(rawBody) : {};
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const action = query['Action'] ?? headers['x-acs-action'] ?? '';
      const fr: FakeRequest = { method: req.method ?? '', action, query, body, rawUrl: req.url ?? '', rawBody, headers };
      requests.push(fr);
      const signedOk = headers['authorization']
        ? acs3Verify({ method: fr.method, pathname: url.pathname, query, headers, body: rawBody }, secret)
        : rpcV1Verify(fr.method, { ...query, ...body }, secret);
      const reply: FakeReply = signedOk
        ? await state.handler(fr)
        : { status: 400, body: { Code: 'SignatureNotMatch', Message: 'The request signature we calculated does not match the signature you provided.', RequestId: 'rid-sig' } };
      if (reply.destroy) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { RequestId: 'rid' }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    get handler() {
      return state.handler;
    },
    set handler(h: FakeHandler) {
      state.handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
