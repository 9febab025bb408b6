// The load both emulator benchmarks put on it: a 10-state Express flow started with
// StartSyncExecution by callers in a loop, through a client whose quotas never wait.
import type { FnfClient } from '../../cloud/src/fnf/client';
import { systemClock } from '../../cloud/src/rpc/clock';
import { RateLimiter } from '../../cloud/src/rpc/tokenBucket';
import { cloudflowChain } from './chainFlows';

class NoLimits extends RateLimiter {
  override take(): Promise<void> {
    return Promise.resolve();
  }
}

/** A limiter that never waits: the benchmarks measure the emulator, not the client's quotas. */
export const noLimits = (): RateLimiter => new NoLimits(systemClock);

/** What the load needs of a client (the bundled one or the sources'). */
type SyncClient = Pick<FnfClient, 'createFlow' | 'startSyncExecution'>;

const FLOW_NAME = 'bench10';

/**
 * How long both emulator benchmarks load it before measuring: V8 takes seconds to finish
 * compiling the emulator's hot paths. In 1-second windows of a fresh emulator, its CPU per
 * execution (main thread + the compiler's threads) was 1,991, 972 and 707 µs in the first three,
 * then 300-397 µs in eight of the next nine (547 in one, as the machine slowed), so with half a
 * second of warm-up the first rounds measured the compiler, not the emulator.
 */
export const SYNC_WARMUP_MS = Number(process.env['BENCH_SYNC_WARMUP_MS'] ?? 4000);

/** Creates the Express flow the load starts. */
export async function createBenchFlow(client: SyncClient): Promise<void> {
  await client.createFlow({ Name: FLOW_NAME, Definition: JSON.stringify(cloudflowChain(10)), ExecutionMode: 'Express' });
}

/** `concurrency` callers start executions for `ms`; resolves to how many succeeded and the time taken. */
export async function runSyncExecutions(client: SyncClient, concurrency: number, ms: number): Promise<{ executions: number; elapsedMs: number }> {
  let executions = 0;
  const start = performance.now();
  const caller = async (): Promise<void> => {
    while (performance.now() - start < ms) {
      const execution = await client.startSyncExecution({ FlowName: FLOW_NAME, Input: { v: 1 } });
      if (execution.Status !== 'Succeeded') throw new Error(`sync execution ended ${execution.Status}`);
      executions++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { executions, elapsedMs: performance.now() - start };
}
