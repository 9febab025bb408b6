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
import { ObjectService } from './objects/service';
import { AppendLog } from './store/appendLog';
import { acquireLock } from './store/lock';

export interface EmulatorOptions {
  /** Port to listen on; 0 or omitted picks a free port. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
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
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4568`. */
  readonly endpoint: string;
  readonly port: number;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  close(): Promise<void>;
}

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

  await mkdir(options.dataDir, { recursive: true });
  const lock = await acquireLock(join(options.dataDir, 'emulator.lock'));
  const journals: AppendLog[] = [];
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
      async openJournal(name: string): Promise<ProductJournal> {
        if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Journal name '${name}' must use letters, digits, '_' or '-'.`);
        const { log, records } = await AppendLog.open(join(options.dataDir, `${name}.jsonl`));
        journals.push(log);
        return { records, append: (r) => log.append(r) };
      },
    };
    const factories = [
      ...builtinProducts({ tasks: options.tasks ?? createWorkspaceTasks({ workspaceDir: options.workspaceDir }), onError, clock: options.clock, random: options.random }),
      ...(options.products ?? []),
    ];
    for (const factory of factories) products.push(await factory(env));
    const dispatch = createDispatcher({ products, objects, credentials: { accessKeyId, accessKeySecret }, faults, now, endpoint: () => endpoint, onInternalError: onError });
    const srv = createServer((req, res) => {
      dispatch(req, res).catch(onError);
    });
    server = srv;
    // Long polls (DescribeExecution, StartSyncExecution) outlive Node's default request timeouts.
    srv.requestTimeout = 0;
    srv.headersTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(options.port ?? 0, host, () => {
        srv.off('error', reject);
        resolve();
      });
    });
    const port = (srv.address() as AddressInfo).port;
    endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
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
    throw err;
  }
}

async function shutdown(server: Server | undefined, products: ProductApi[], journals: AppendLog[], release: () => Promise<void>): Promise<void> {
  if (server?.listening) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
  for (const p of products) await p.close?.();
  for (const j of journals) await j.close();
  await release();
}
