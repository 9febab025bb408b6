// Servers the benchmarks run in child Node processes, as users run the emulator (`flowdeck
// emulator`, `npm start`): each child runs its script bundled as shipped (bundle.ts) and is killed
// on every way out of the benchmark (return, throw, Ctrl+C, process.exit).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundle } from './bundle';

export interface ChildServer {
  readonly endpoint: string;
  /** Everything the child printed on stdout until its endpoint showed. */
  readonly banner: string;
  readonly pid: number;
  /** Stops the child with SIGINT (so a `--cpu-prof` child writes its profile) and waits for its exit. */
  close(): Promise<void>;
}

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const running = new Set<ChildProcess>();
const folders = new Set<string>();

// The last resort: whatever ends this process, no child outlives it, nor its temporary folders.
function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
}

/** Removes `folder` when this process ends, if nothing removed it before; returns the undo. */
export function removeOnExit(folder: string): () => void {
  folders.add(folder);
  return () => folders.delete(folder);
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

export interface ChildServerOptions {
  /** Script path relative to the repository root, bundled by esbuild and run with `node`... */
  readonly script: string;
  /** ...or run from the sources with tsx, so that a CPU profile names each function's own file. */
  readonly fromSources?: boolean;
  readonly args: readonly string[];
  /** Extra node options, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** The first capture group of this pattern on stdout is the endpoint. */
  readonly ready: RegExp;
  readonly timeoutMs?: number;
}

export function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const run = options.fromSources ? ['--import', 'tsx', options.script] : [bundle(options.script, `child-${basename(options.script, '.ts')}`)];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...run, ...options.args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  let stdout = '';
  let stderr = '';
  return new Promise<ChildServer>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${options.script} ${why}\n${(stdout + stderr).trim().slice(-1500)}`));
    };
    const timer = setTimeout(() => fail(`did not report an endpoint within ${options.timeoutMs ?? 30_000} ms`), options.timeoutMs ?? 30_000);
    const onExit = (code: number | null): void => fail(`exited (${code}) before it reported an endpoint`);
    child.once('exit', onExit);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const onData = (d: Buffer): void => {
      stdout += d.toString();
      const endpoint = options.ready.exec(stdout)?.[1];
      if (endpoint === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({
        endpoint,
        banner: stdout,
        pid: child.pid!,
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
          const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(forced);
        },
      });
    };
    child.stdout.on('data', onData);
  });
}

/**
 * CPU time (user + system, microseconds) a process has used so far, from /proc (Linux; undefined
 * elsewhere). Its resolution is the kernel's clock tick, 10 ms: read it around whole rounds.
 */
export function processCpuMicros(pid: number): number | undefined {
  return cpuMicrosIn(`/proc/${pid}/stat`);
}

/**
 * The same for a process's main thread alone (the JavaScript thread), without the threads V8 and
 * libuv run beside it (parallel garbage collection, file system work).
 */
export function mainThreadCpuMicros(pid: number): number | undefined {
  return cpuMicrosIn(`/proc/${pid}/task/${pid}/stat`);
}

function cpuMicrosIn(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** Resident memory of a process of this machine in MB (Linux), or undefined when it cannot be read. */
export function processRssMb(pid: number): number | undefined {
  try {
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Math.round(Number(kib) / 102.4) / 10;
  } catch {
    return undefined;
  }
}
