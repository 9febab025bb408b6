// npm run bench:emulator — state transitions per second of the flow interpreter and of
// aws-local-stepfunctions on equivalent Pass/Choice chains (10 and 100 states), each in a process
// of its own with their repeats alternated (bench/lib/chainChild.ts says why), and HTTP
// StartSyncExecution throughput of a 10-state Express flow through the emulator and FnfClient,
// beside a bare node:http server answering the same bytes to the same client (the floor).
// The HTTP numbers are measured twice, the client always in this process:
// - syncExecutionsPerSec, httpFloorPerSec, syncOverHttpFloor: the emulator as users run it, in a
//   process of its own (`flowdeck emulator`, bundled as shipped), and the floor server in another;
//   beside them, clientFloorPerSec and syncOverClientFloor: FnfClient itself (signing each request
//   and reading each answer) against the floor server, the most the emulator could reach with it;
// - syncOverHttpFloorInProcess: emulator, floor server and client all in this one process, so
//   the client's cost and the server's add up on one thread.
// Prints a table, then one JSON line (the 100-state chain for the first three numbers).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { bundle, loadBundled } from './lib/bundle';
import type { ChainTool, RepeatRequest, RepeatResult } from './lib/chainChild';
import { mainThreadCpuMicros, processCpuMicros, processRssMb } from './lib/childServer';
import { startEmulatorChild, startFloorChild } from './lib/emulatorChild';
import { createBenchFlow, noLimits, runSyncExecutions, SYNC_WARMUP_MS } from './lib/syncLoad';
import { floorRate, RecordingTransport, startFloorServer, type FloorServer } from './lib/httpFloor';

type Measured = typeof import('./lib/emulatorEntry');
// The code as it ships, bundled (tsx's transpiling adds a call per closure and skews hot paths).
const { staticCredentials, FnfClient, createUndiciTransport, startEmulator } =
  loadBundled<Measured>('bench/lib/emulatorEntry.ts', 'emulator-bench');

const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 7);
const REPEAT_MS = Number(process.env['BENCH_REPEAT_MS'] ?? 400);
const SYNC_MS = Number(process.env['BENCH_SYNC_MS'] ?? 8000);
const SYNC_CONCURRENCY = 8;
/** Alternating rounds of the emulator and the bare server (SYNC_MS is split between them). */
const SYNC_ROUNDS = Number(process.env['BENCH_SYNC_ROUNDS'] ?? 10);
/** Only the HTTP benchmark (for profiling it). */
const SYNC_ONLY = process.env['BENCH_SYNC_ONLY'] === '1';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** An interpreter of the chain benchmark in its own process (chainChild.ts), asked for one repeat at a time. */
interface ChainChild {
  repeat(): Promise<number>;
  close(): void;
}

async function startChainChild(tool: ChainTool, n: number): Promise<ChainChild> {
  const child = fork(bundle('bench/lib/chainChild.ts', 'chain-child'), [tool, String(n)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the ${tool} chain process exited (${code})`))));
  const next = <T>(): Promise<T> => Promise.race([new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T))), exited]);
  await next<'ready'>();
  return {
    repeat: async () => {
      child.send({ ms: REPEAT_MS } satisfies RepeatRequest);
      return (await next<RepeatResult>()).transitionsPerSec;
    },
    close: () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

async function chainBenchmark(n: number): Promise<{ flowdeck: number; awsLocal: number }> {
  const ours = await startChainChild('flowdeck', n);
  const theirs = await startChainChild('aws-local', n);
  try {
    // Warm both up (Flowdeck's code reaches its optimised tier within two repeats), then
    // alternate repeats so background load hits both alike.
    for (let i = 0; i < 2; i++) {
      await ours.repeat();
      await theirs.repeat();
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      a.push(await ours.repeat());
      b.push(await theirs.repeat());
    }
    return { flowdeck: median(a), awsLocal: median(b) };
  } finally {
    ours.close();
    theirs.close();
  }
}

interface SyncResult {
  /** Sync executions per second through the emulator (median of the rounds). */
  readonly sync: number;
  /** Requests per second of a bare node:http server answering the same JSON (median of the rounds). */
  readonly floor: number;
  /** sync / floor of each round, then their median: both measured back to back under the same load. */
  readonly ratio: number;
  /** StartSyncExecution through FnfClient against the floor server (median of the rounds): a server that costs nothing. */
  readonly clientFloor: number;
  /** sync / clientFloor of each round, then their median. */
  readonly ratioToClientFloor: number;
  /**
   * CPU microseconds per request of each process over all rounds (child processes only), and of
   * its main thread alone: the rest is V8's parallel garbage collection and libuv's file work.
   */
  readonly cpu?: { readonly client: ProcessCpu; readonly emulator: ProcessCpu; readonly floorClient: ProcessCpu; readonly floorServer: ProcessCpu; readonly clientAgainstFloor: ProcessCpu };
  /** The emulator's resident memory after every execution of the run (child process only): it must not grow with them. */
  readonly memory?: { readonly executions: number; readonly rssMb: number };
}

/** Where the emulator and the floor server run: in this process, or each in a child process. */
interface Servers {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  startFloor(body: string): Promise<FloorServer & { readonly pid?: number }>;
  /** The emulator's own process, when it has one. */
  readonly pid?: number;
  close(): Promise<void>;
}

async function inProcessServers(): Promise<Servers> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-bench-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  return {
    endpoint: emulator.endpoint,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    startFloor: startFloorServer,
    close: async () => {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function childProcessServers(): Promise<Servers> {
  const emulator = await startEmulatorChild();
  return {
    endpoint: emulator.endpoint,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    startFloor: startFloorChild,
    pid: emulator.pid,
    close: () => emulator.close(),
  };
}

/**
 * StartSyncExecution through the emulator and FnfClient, alternated round by round with the same
 * transport sending the same request (bytes and headers) to a bare node:http server that answers
 * the emulator's response text: the same client, connections and concurrency. A third run of each
 * round sends StartSyncExecution through FnfClient to that bare server. The servers run where
 * `startServers` puts them; the client always runs in this process.
 */
async function syncExecutionBenchmark(startServers: () => Promise<Servers>): Promise<SyncResult> {
  const servers = await startServers();
  const transport = new RecordingTransport(createUndiciTransport());
  // Both clients share the transport (its connections) and the emulator's credentials.
  const clientTo = (endpoint: string): InstanceType<typeof FnfClient> =>
    new FnfClient({ endpoint, credentials: staticCredentials(servers.accessKeyId, servers.accessKeySecret), rateLimiter: noLimits(), transport });
  const client = clientTo(servers.endpoint);
  let floorServer: (FloorServer & { readonly pid?: number }) | undefined;
  let toFloor: InstanceType<typeof FnfClient> | undefined;
  try {
    await createBenchFlow(client);
    let executions = 0;
    let allExecutions = 0;
    const runSync = async (ms: number): Promise<number> => {
      const run = await runSyncExecutions(client, SYNC_CONCURRENCY, ms);
      executions += run.executions;
      allExecutions += run.executions;
      return run.executions / (run.elapsedMs / 1000);
    };
    await runSync(SYNC_WARMUP_MS);
    const sample = transport.last;
    if (!sample) throw new Error('no StartSyncExecution request was recorded');
    floorServer = await servers.startFloor(sample.response.body);
    const floorServerEndpoint = floorServer.endpoint;
    const runFloor = (ms: number): Promise<number> => floorRate(transport, sample.request, floorServerEndpoint, SYNC_CONCURRENCY, ms);
    await runFloor(Math.min(500, SYNC_MS)); // warm-up
    // The bare server answers every request with the emulator's answer, so FnfClient reads it as one.
    const floorClient = clientTo(floorServerEndpoint);
    toFloor = floorClient;
    let clientFloorRequests = 0;
    const runClientFloor = async (ms: number): Promise<number> => {
      const run = await runSyncExecutions(floorClient, SYNC_CONCURRENCY, ms);
      clientFloorRequests += run.executions;
      return run.executions / (run.elapsedMs / 1000);
    };
    await runClientFloor(Math.min(500, SYNC_MS)); // warm-up
    const syncRates: number[] = [];
    const floorRates: number[] = [];
    const clientFloorRates: number[] = [];
    const ratios: number[] = [];
    const clientFloorRatios: number[] = [];
    const roundMs = SYNC_MS / SYNC_ROUNDS;
    const cpu = new CpuTally(servers.pid, floorServer.pid);
    executions = 0;
    clientFloorRequests = 0;
    let floorRequests = 0;
    for (let i = 0; i < SYNC_ROUNDS; i++) {
      const s = await cpu.during('sync', () => runSync(roundMs));
      const floorStart = performance.now();
      const f = await cpu.during('floor', () => runFloor(roundMs));
      floorRequests += (f * (performance.now() - floorStart)) / 1000;
      const c = await cpu.during('clientFloor', () => runClientFloor(roundMs));
      syncRates.push(s);
      floorRates.push(f);
      clientFloorRates.push(c);
      ratios.push(s / f);
      clientFloorRatios.push(s / c);
    }
    const rssMb = servers.pid === undefined ? undefined : processRssMb(servers.pid);
    return {
      sync: median(syncRates), floor: median(floorRates), ratio: median(ratios),
      clientFloor: median(clientFloorRates), ratioToClientFloor: median(clientFloorRatios),
      cpu: cpu.perRequest(executions, floorRequests, clientFloorRequests),
      ...(rssMb !== undefined ? { memory: { executions: allExecutions, rssMb } } : {}),
    };
  } finally {
    await toFloor?.close();
    await client.close();
    await floorServer?.close();
    await servers.close();
  }
}

interface ProcessCpu {
  readonly all: number;
  readonly mainThread: number;
}

/** CPU time of a process so far, and of its main thread, in microseconds; undefined when /proc cannot tell. */
function cpuOf(pid: number): ProcessCpu | undefined {
  const all = processCpuMicros(pid);
  const mainThread = mainThreadCpuMicros(pid);
  return all === undefined || mainThread === undefined ? undefined : { all, mainThread };
}

/** CPU time of the client (this process), the emulator's and the floor server's processes, by kind of round. */
class CpuTally {
  private readonly sums = {
    sync: { client: noCpu(), server: noCpu() },
    floor: { client: noCpu(), server: noCpu() },
    clientFloor: { client: noCpu(), server: noCpu() },
  };
  private complete = true;

  constructor(
    private readonly emulatorPid: number | undefined,
    private readonly floorPid: number | undefined,
  ) {}

  async during<T>(kind: 'sync' | 'floor' | 'clientFloor', run: () => Promise<T>): Promise<T> {
    const pid = kind === 'sync' ? this.emulatorPid : this.floorPid;
    const server0 = pid === undefined ? undefined : cpuOf(pid);
    const client0 = cpuOf(process.pid);
    const result = await run();
    const client1 = cpuOf(process.pid);
    const server1 = pid === undefined ? undefined : cpuOf(pid);
    if (server0 === undefined || server1 === undefined || client0 === undefined || client1 === undefined) {
      this.complete = false;
      return result;
    }
    add(this.sums[kind].server, server0, server1);
    add(this.sums[kind].client, client0, client1);
    return result;
  }

  perRequest(executions: number, floorRequests: number, clientFloorRequests: number): SyncResult['cpu'] {
    if (!this.complete || executions === 0 || floorRequests === 0 || clientFloorRequests === 0) return undefined;
    const per = (sum: ProcessCpu, n: number): ProcessCpu => ({ all: sum.all / n, mainThread: sum.mainThread / n });
    return {
      client: per(this.sums.sync.client, executions),
      emulator: per(this.sums.sync.server, executions),
      floorClient: per(this.sums.floor.client, floorRequests),
      floorServer: per(this.sums.floor.server, floorRequests),
      clientAgainstFloor: per(this.sums.clientFloor.client, clientFloorRequests),
    };
  }
}

/** A sum of CPU time, added to round by round. */
type CpuSum = { -readonly [K in keyof ProcessCpu]: ProcessCpu[K] };

function noCpu(): CpuSum {
  return { all: 0, mainThread: 0 };
}

function add(sum: CpuSum, before: ProcessCpu, after: ProcessCpu): void {
  sum.all += after.all - before.all;
  sum.mainThread += after.mainThread - before.mainThread;
}

/** Runs one measurement; a failure is reported beside the zeroes instead of ending the benchmark. */
async function trySync(startServers: () => Promise<Servers>): Promise<{ result: SyncResult; note: string }> {
  try {
    return { result: await syncExecutionBenchmark(startServers), note: '' };
  } catch (e) {
    return { result: { sync: 0, floor: 0, ratio: 0, clientFloor: 0, ratioToClientFloor: 0 }, note: ` (failed: ${e instanceof Error ? e.message : String(e)})` };
  }
}

const cpuText = (c: ProcessCpu): string => `${c.all.toFixed(0)} (${c.mainThread.toFixed(0)})`;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(12);

async function main(): Promise<void> {
  const rows: string[] = [];
  const results: Record<number, { flowdeck: number; awsLocal: number }> = {};
  for (const n of SYNC_ONLY ? [] : [10, 100]) {
    results[n] = await chainBenchmark(n);
    const r = results[n]!;
    rows.push(
      `| Pass/Choice chain, ${String(n).padStart(3)} states | ${fmt(r.flowdeck)} | ${fmt(r.awsLocal)} | ${(r.flowdeck / r.awsLocal).toFixed(1).padStart(6)}x |`,
    );
  }
  const separate = await trySync(childProcessServers);
  const inProcess = await trySync(inProcessServers);
  const sync = separate.result;
  const line = (where: string, r: { result: SyncResult; note: string }): string[] => [
    `${where}: StartSyncExecution, 10-state Express flow over HTTP (${SYNC_CONCURRENCY} concurrent callers, ${SYNC_ROUNDS} rounds in ${SYNC_MS} ms, medians): ${r.result.sync.toFixed(0)} executions/s${r.note}`,
    `  bare node:http server there, same client, request and response bytes, alternated with it: ${r.result.floor.toFixed(0)} requests/s; emulator/floor ${r.result.ratio.toFixed(2)}`,
    `  FnfClient's StartSyncExecution against that bare server, alternated with both: ${r.result.clientFloor.toFixed(0)}/s; emulator/that ${r.result.ratioToClientFloor.toFixed(2)}`,
    ...(r.result.cpu
      ? [
          `  CPU µs per request (main thread in brackets): client ${cpuText(r.result.cpu.client)}, emulator process ${cpuText(r.result.cpu.emulator)}; ` +
            `against the floor: client ${cpuText(r.result.cpu.floorClient)}, floor server process ${cpuText(r.result.cpu.floorServer)}; ` +
            `FnfClient against the floor server: ${cpuText(r.result.cpu.clientAgainstFloor)}`,
        ]
      : []),
    ...(r.result.memory ? [`  emulator resident after ${r.result.memory.executions} sync executions: ${r.result.memory.rssMb} MB`] : []),
  ];
  process.stdout.write(
    [
      `Node ${process.version}, ${REPEATS} repeats of ${REPEAT_MS} ms, medians; transitions per second`,
      '| benchmark                     |     flowdeck |    aws-local |  speedup |',
      '|-------------------------------|--------------|--------------|----------|',
      ...rows,
      ...line('Emulator and floor server each in their own process (syncOverHttpFloor)', separate),
      ...line('Emulator and floor server in the client\'s process (syncOverHttpFloorInProcess)', inProcess),
      '',
    ].join('\n'),
  );
  const r100 = results[100];
  process.stdout.write(
    JSON.stringify({
      ...(r100
        ? {
            transitionsPerSec: Math.round(r100.flowdeck),
            awsLocalTransitionsPerSec: Math.round(r100.awsLocal),
            speedupVsAwsLocal: Number((r100.flowdeck / r100.awsLocal).toFixed(2)),
          }
        : {}),
      syncExecutionsPerSec: Math.round(sync.sync),
      httpFloorPerSec: Math.round(sync.floor),
      syncOverHttpFloor: Number(sync.ratio.toFixed(3)),
      clientFloorPerSec: Math.round(sync.clientFloor),
      syncOverClientFloor: Number(sync.ratioToClientFloor.toFixed(3)),
      syncOverHttpFloorInProcess: Number(inProcess.result.ratio.toFixed(3)),
      ...(sync.memory ? { emulatorRssMbAfterSync: sync.memory.rssMb, syncExecutionsRun: sync.memory.executions } : {}),
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:emulator failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
