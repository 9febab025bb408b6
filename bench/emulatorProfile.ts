// npm run bench:emulator:profile — where the time of a StartSyncExecution over HTTP goes: 8
// concurrent FnfClient callers of a 10-state Express flow, profiled with V8's sampler after a
// warm-up. By default the emulator runs in a child process (`flowdeck emulator` from the sources,
// started with --cpu-prof) as users run it, and two tables follow: the client's process and the
// emulator's, each in microseconds of its main thread per execution. BENCH_PROFILE_IN_PROCESS=1
// runs the emulator in the client's process instead (one table). Profiles are written to
// out/emulator-sync*.cpuprofile (open them in Chrome DevTools).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticCredentials } from '../cloud/src/credentials';
import { FnfClient } from '../cloud/src/fnf/client';
import { startEmulator } from '../emulator/src/server';
import { startEmulatorChild } from './lib/emulatorChild';
import { stageTable } from './lib/profileTable';
import { createBenchFlow, noLimits, runSyncExecutions, SYNC_WARMUP_MS } from './lib/syncLoad';

const PROFILE_MS = Number(process.env['BENCH_PROFILE_MS'] ?? 4000);
const IN_PROCESS = process.env['BENCH_PROFILE_IN_PROCESS'] === '1';
const CONCURRENCY = 8;

interface Target {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Stops the emulator; resolves to its own profile when it ran in a child process. */
  close(): Promise<Profiler.Profile | undefined>;
}

async function inProcessTarget(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-profile-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  return {
    ...emulator,
    endpoint: emulator.endpoint,
    close: async () => {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
      return undefined;
    },
  };
}

async function childTarget(): Promise<Target> {
  const profileDir = await mkdtemp(join(tmpdir(), 'flowdeck-profile-child-'));
  // From the sources: the stage table tells stages apart by each function's file.
  const emulator = await startEmulatorChild(['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '200'], true);
  return {
    endpoint: emulator.endpoint,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    close: async () => {
      await emulator.close();
      const [file] = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile'));
      const profile = file ? (JSON.parse(await readFile(join(profileDir, file), 'utf8')) as Profiler.Profile) : undefined;
      await rm(profileDir, { recursive: true, force: true });
      return profile;
    },
  };
}

function table(title: string, profile: Profiler.Profile, executions: number, window?: { fromUs: number; toUs: number }): string[] {
  const { idleMs, busyMs, stages } = stageTable(profile, window);
  const per = (ms: number): string => ((ms / executions) * 1000).toFixed(0).padStart(6);
  return [
    `${title}: busy ${per(busyMs)} µs per execution; main thread idle ${((idleMs / (idleMs + busyMs)) * 100).toFixed(0)}%`,
    '| stage | µs per execution | share of busy time |',
    '|---|---:|---:|',
    ...stages.map((s) => `| ${s.stage} | ${per(s.ms)} | ${(s.busyShare * 100).toFixed(1)}% |`),
    `| idle (waiting for fsync and sockets) | ${per(idleMs)} | |`,
    '',
  ];
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

async function main(): Promise<void> {
  const target = IN_PROCESS ? await inProcessTarget() : await childTarget();
  const client = new FnfClient({
    endpoint: target.endpoint,
    credentials: staticCredentials(target.accessKeyId, target.accessKeySecret),
    rateLimiter: noLimits(),
  });
  const session = new Session();
  let closed = false;
  try {
    await createBenchFlow(client);
    const run = async (ms: number): Promise<number> => (await runSyncExecutions(client, CONCURRENCY, ms)).executions;
    await run(SYNC_WARMUP_MS);
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const fromUs = nowUs();
    const executions = await run(PROFILE_MS);
    const toUs = nowUs();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const { profile } = await session.post('Profiler.stop');
    await client.close();
    closed = true;
    const emulatorProfile = await target.close();
    await mkdir('out', { recursive: true });
    await writeFile('out/emulator-sync.cpuprofile', JSON.stringify(profile));
    if (emulatorProfile) await writeFile('out/emulator-sync-emulator.cpuprofile', JSON.stringify(emulatorProfile));
    process.stdout.write(
      [
        `${executions} sync executions in ${wallMs.toFixed(0)} ms (${((executions / wallMs) * 1000).toFixed(0)}/s); ` +
          `client process CPU ${(((cpu.user + cpu.system) / 1000 / executions) * 1000).toFixed(0)} µs per execution; emulator ${IN_PROCESS ? 'in the same process' : 'in a child process'}`,
        ...table(IN_PROCESS ? 'one process (client and emulator)' : 'client process', profile, executions),
        ...(emulatorProfile ? table('emulator process', emulatorProfile, executions, { fromUs, toUs }) : []),
      ].join('\n'),
    );
  } finally {
    session.disconnect();
    if (!closed) {
      await client.close();
      await target.close();
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:emulator:profile failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
