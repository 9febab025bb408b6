// The emulator's HTTP server: one port on 127.0.0.1 for every product, routed by API version,
// with the data folder locked to this process while it runs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, TaskEnvironment } from './engine';
import { FaultInjector, type FaultOptions } from './faults';
import { createWorkspaceTasks } from './tasks';
import { builtinProducts } from './api/products';
import type { ProductApi, ProductEnvironment, ProductFactory, ProductJournal } from './api/product';
import { createDispatcher } from './api/transport/dispatch';
import { presignQuery } from './api/transport/fileAuth';
import { answerClientError } from './api/transport/clientError';
import { isLoopbackHost } from './api/transport/guard';
import { ObjectService } from './objects/service';
import type { AppendLogOptions, LogFile } from './store/appendLog';
import { openProductJournal, type OpenedJournal } from './api/journal';
import { acquireLock } from './store/lock';
import { explainStartupError, lockPath } from './startupError';

export interface EmulatorOptions {
  /** Port to listen on; 0 or omitted picks a free port. */
  port?: number;
  /**
   * Interface to listen on. Default 127.0.0.1. Any other address is a deliberate choice: the
   * emulator then accepts that Host too, and says on start-up that other machines can reach it.
   */
  host?: string;
  /** Host names (without port) accepted besides loopback and `host`, e.g. a name in /etc/hosts. */
  allowedHosts?: readonly string[];
  /** Browser origins allowed to call (none by default: browsers are refused). */
  allowedOrigins?: readonly string[];
  /** Signature nonces remembered at most before new requests are refused with 503 (default 2,000,000). */
  maxNonces?: number;
  /**
   * How long a request may take to arrive in full (headers and body) before it is answered 408
   * and closed. Default 30 s. Long polls are not affected: they wait after the request arrived.
   */
  requestTimeoutMs?: number;
  /** Folder holding the emulator's append-only logs; created if missing. */
  dataDir: string;
  /** Credentials callers must sign with. Default `local` / `local-secret`. */
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Opt-in fault injection. */
  faults?: FaultOptions;
  /** Folder with the workspace's task configuration (function mappings, mock results). */
  workspaceDir?: string;
  /** Multiplies Wait durations and modelled service time (1 = real time). Default 1. */
  timeScale?: number;
  /** Serves Task states instead of the workspace configuration (embedding, tests). */
  tasks?: TaskEnvironment;
  /** Products served besides the built-in and registered ones. */
  products?: ProductFactory[];
  /** The clock (milliseconds since the epoch). Default Date.now. */
  now?: () => number;
  /** Time for the interpreter's waits and for schedule timers (wins over `now`); tests inject one. */
  clock?: Clock;
  /** Draws in [0, 1) that pick an alias's version by weight. Default Math.random; tests inject one. */
  random?: () => number;
  /** Where failures that reach no caller are reported. Default: stderr. */
  onError?: (err: unknown) => void;
  /** Where notices are written (a torn log tail cut off, storage failing and back). Default: stderr. */
  onWarning?: (message: string) => void;
  /** Garbage records in the fnf log before it is compacted (default 10,000; tests lower it). */
  compactMinGarbage?: number;
  /** Wraps each log file's writes: tests inject a full disk or a crash half way through a write. */
  wrapLogFile?: (path: string, file: LogFile) => LogFile;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4568`. */
  readonly endpoint: string;
  readonly port: number;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  close(): Promise<void>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_ACCESS_KEY_ID = 'local';
export const DEFAULT_ACCESS_KEY_SECRET = 'local-secret';

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const accessKeyId = options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET;
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error(`timeScale must be a positive number, got ${options.timeScale}.`);
  if (!options.dataDir) throw new Error('dataDir is required: the folder where the emulator keeps flows and executions.');
  if (!accessKeyId || !accessKeySecret) throw new Error('accessKeyId and accessKeySecret must not be empty.');
  const faults = options.faults ? new FaultInjector(options.faults) : undefined;
  const now = options.clock ? () => (options.clock as Clock).now() : (options.now ?? Date.now);
  const onError = options.onError ?? ((err: unknown) => process.stderr.write(`flowdeck emulator: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`));

  const warn = options.onWarning ?? ((m: string) => process.stderr.write(`flowdeck emulator: ${m}\n`));
  const logOptions = (path: string): AppendLogOptions => ({
    warn,
    ...(options.wrapLogFile ? { wrapFile: (file: LogFile) => (options.wrapLogFile as NonNullable<EmulatorOptions['wrapLogFile']>)(path, file) } : {}),
  });
  let lock;
  try {
    await mkdir(options.dataDir, { recursive: true });
    lock = await acquireLock(lockPath(options.dataDir));
  } catch (err) {
    throw explainStartupError(err, options.dataDir);
  }
  const journals: OpenedJournal[] = [];
  const products: ProductApi[] = [];
  let endpoint = '';
  let server: Server | undefined;
  try {
    const objects = new ObjectService({
      dataDir: options.dataDir, workspaceDir: options.workspaceDir, accessKeyId, accessKeySecret, now, endpoint: () => endpoint,
    });
    const env: ProductEnvironment = {
      objects,
      dataDir: options.dataDir,
      workspaceDir: options.workspaceDir,
      timeScale,
      now,
      endpoint: () => endpoint,
      warn,
      presign: (pathname, expiresAt) => `${endpoint}${pathname}?${presignQuery(pathname, expiresAt, accessKeySecret)}`,
      async openJournal(name: string): Promise<ProductJournal> {
        if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Journal name '${name}' must use letters, digits, '_' or '-'.`);
        const path = join(options.dataDir, `${name}.jsonl`);
        const opened = await openProductJournal(path, { ...logOptions(path), warn, compactMinGarbage: options.compactMinGarbage });
        journals.push(opened);
        return opened.journal;
      },
    };
    const factories = [
      ...builtinProducts({
        tasks: options.tasks ?? createWorkspaceTasks({ workspaceDir: options.workspaceDir }), onError, clock: options.clock, random: options.random,
        log: logOptions(join(options.dataDir, 'fnf.jsonl')), compactMinGarbage: options.compactMinGarbage,
      }),
      ...(options.products ?? []),
    ];
    for (const factory of factories) products.push(await factory(env));
    const dispatch = createDispatcher({
      products, objects, credentials: { accessKeyId, accessKeySecret }, faults, now, endpoint: () => endpoint, onInternalError: onError,
      guard: { bindHost: host, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins }, maxNonces: options.maxNonces,
    });
    const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    // Node's own request timers (as `server.requestTimeout` documents them): a request, headers
    // and body, must have arrived within the limit or it is answered 408 and closed, so slow or
    // stalled senders cannot hold connections open. The clock runs only while the request
    // arrives, so long polls, which wait after it, are not cut short.
    const srv = createServer({
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeout / 4))),
    }, (req, res) => {
      dispatch(req, res).catch(onError);
    });
    srv.on('clientError', answerClientError);
    server = srv;
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(options.port ?? 0, host, () => {
        srv.off('error', reject);
        resolve();
      });
    });
    const port = (srv.address() as AddressInfo).port;
    endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (!isLoopbackHost(host)) {
      warn(`listening on ${host}, not only on this machine: anyone who can reach ${host}:${port} and knows the AccessKeySecret can create and run flows (which may run local handlers and HTTP tasks). Use --host 127.0.0.1 unless you mean this.`);
    }
    const extraHosts = (options.allowedHosts ?? []).filter((h) => !isLoopbackHost(h));
    if (extraHosts.length > 0) {
      // The Host check is what stops DNS rebinding: each name let through is trusted to point here only.
      warn(`also answering requests addressed to ${extraHosts.join(', ')}: whoever controls where ${extraHosts.length === 1 ? 'that name points' : 'those names point'} (its DNS) can let any web page reach the emulator and run flows with the AccessKeySecret. Allow only names you control.`);
    }
    let closing: Promise<void> | undefined;
    return {
      endpoint,
      port,
      accessKeyId,
      accessKeySecret,
      close: () => (closing ??= shutdown(srv, products, journals, lock.release)),
    };
  } catch (err) {
    await shutdown(server, products, journals, lock.release).catch(() => undefined);
    throw explainStartupError(err, options.dataDir);
  }
}

async function shutdown(server: Server | undefined, products: ProductApi[], journals: OpenedJournal[], release: () => Promise<void>): Promise<void> {
  if (server?.listening) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
  for (const p of products) await p.close?.();
  for (const j of journals) await j.close();
  await release();
}
