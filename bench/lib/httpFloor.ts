// The floor for HTTP benchmarks: a bare node:http server that reads each request's body and
// answers a fixed JSON text, in this process like the emulator it is compared with, so a rate
// measured against it is the most any server could reach with the same client and connections.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../cloud/src/http/transport';

export interface FloorServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Serves `body` (as the emulator's JSON answers are sent) to every request, after reading it in full. */
export async function startFloorServer(body: string): Promise<FloorServer> {
  const length = Buffer.byteLength(body);
  const server: Server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A transport that passes every request on and keeps the last one of `method` with its answer. */
export class RecordingTransport implements HttpTransport {
  last: { request: HttpRequest; response: HttpResponse } | undefined;

  constructor(private readonly inner: HttpTransport) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(req);
    this.last = { request: req, response };
    return response;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Requests per second: `concurrency` loops sending `request` (its URL moved to `endpoint`) for `ms`. */
export async function floorRate(transport: HttpTransport, request: HttpRequest, endpoint: string, concurrency: number, ms: number): Promise<number> {
  const url = new URL(request.url);
  const target = `${endpoint}${url.pathname}${url.search}`;
  const headers = { ...request.headers };
  delete headers['host'];
  let done = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() - start < ms) {
      const res = await transport.send({ ...request, url: target, headers });
      if (res.status !== 200) throw new Error(`floor server answered ${res.status}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - start) / 1000);
}
