import { readFileSync } from 'node:fs';
import { staticCredentials } from '/work/wt/emuperf3/cloud/src/credentials';
import { FnfClient } from '/work/wt/emuperf3/cloud/src/fnf/client';
import { systemClock } from '/work/wt/emuperf3/cloud/src/rpc/clock';
import { RateLimiter } from '/work/wt/emuperf3/cloud/src/rpc/tokenBucket';
import { startEmulatorChild } from '/work/wt/emuperf3/bench/lib/emulatorChild';
import { cloudflowChain } from '/work/wt/emuperf3/bench/lib/chainFlows';
class NoLimits extends RateLimiter { override take(): Promise<void> { return Promise.resolve(); } }
const stat = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return [Number(f[11]) * 10000, Number(f[12]) * 10000]; };
void (async () => {
const emu = await startEmulatorChild();
const client = new FnfClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret), rateLimiter: new NoLimits(systemClock) });
try {
  await client.createFlow({ Name: 'bench10', Definition: JSON.stringify(cloudflowChain(10)), ExecutionMode: 'Express' });
  const run = async (ms: number) => { let done = 0; const t = performance.now(); await Promise.all(Array.from({ length: 8 }, async () => { while (performance.now() - t < ms) { await client.startSyncExecution({ FlowName: 'bench10', Input: { v: 1 } }); done++; } })); return done; };
  await run(1500);
  const a = stat(emu.pid); const c0 = process.cpuUsage();
  const n = await run(4000);
  const b = stat(emu.pid); const c = process.cpuUsage(c0);
  console.log(`n=${n} emu user ${((b[0]-a[0])/n).toFixed(0)} sys ${((b[1]-a[1])/n).toFixed(0)}; client user ${(c.user/n).toFixed(0)} sys ${(c.system/n).toFixed(0)}`);
} finally { await client.close(); await emu.close(); }
})();
