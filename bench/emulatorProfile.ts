// npm run bench:emulator:profile — where the time of a StartSyncExecution over HTTP goes: the
// emulator and FnfClient in one process, 8 concurrent callers of a 10-state Express flow, profiled
// with V8's sampler after a warm-up. Prints one row per stage (milliseconds of the main thread per
// execution) and writes the profile to out/emulator-sync.cpuprofile (open it in Chrome DevTools).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticCredentials } from '../cloud/src/credentials';
import { FnfClient } from '../cloud/src/fnf/client';
import { systemClock } from '../cloud/src/rpc/clock';
import { RateLimiter } from '../cloud/src/rpc/tokenBucket';
import { startEmulator } from '../emulator/src/server';
import { cloudflowChain } from './lib/chainFlows';
import { stageTable } from './lib/profileTable';

const PROFILE_MS = Number(process.env['BENCH_PROFILE_MS'] ?? 4000);
const CONCURRENCY = 8;

/** A limiter that never waits: the profile is of the emulator, not of the client's quotas. */
class NoLimits extends RateLimiter {
  override take(): Promise<void> {
    return Promise.resolve();
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-profile-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  const client = new FnfClient({
    endpoint: emulator.endpoint,
    credentials: staticCredentials(emulator.accessKeyId, emulator.accessKeySecret),
    rateLimiter: new NoLimits(systemClock),
  });
  const session = new Session();
  try {
    await client.createFlow({ Name: 'bench10', Definition: JSON.stringify(cloudflowChain(10)), ExecutionMode: 'Express' });
    const run = async (ms: number): Promise<number> => {
      let done = 0;
      const start = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() - start < ms) {
          const e = await client.startSyncExecution({ FlowName: 'bench10', Input: { v: 1 } });
          if (e.Status !== 'Succeeded') throw new Error(`sync execution ended ${e.Status}`);
          done++;
        }
      }));
      return done;
    };
    await run(1500); // warm-up: compiled code, pooled connections, the compiled flow
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const executions = await run(PROFILE_MS);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const { profile } = await session.post('Profiler.stop');
    await mkdir('out', { recursive: true });
    await writeFile('out/emulator-sync.cpuprofile', JSON.stringify(profile));
    const { idleMs, busyMs, stages } = stageTable(profile);
    const per = (ms: number): string => ((ms / executions) * 1000).toFixed(0).padStart(6);
    process.stdout.write(
      [
        `${executions} sync executions in ${wallMs.toFixed(0)} ms (${((executions / wallMs) * 1000).toFixed(0)}/s); ` +
          `process CPU ${(((cpu.user + cpu.system) / 1000 / executions) * 1000).toFixed(0)} µs per execution; main thread idle ${((idleMs / (idleMs + busyMs)) * 100).toFixed(0)}%`,
        '| stage | µs per execution | share of busy time |',
        '|---|---:|---:|',
        ...stages.map((s) => `| ${s.stage} | ${per(s.ms)} | ${(s.busyShare * 100).toFixed(1)}% |`),
        `| idle (waiting for fsync and sockets) | ${per(idleMs)} | |`,
        '',
      ].join('\n'),
    );
  } finally {
    session.disconnect();
    await client.close();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:emulator:profile failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
