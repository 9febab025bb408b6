// kill -9 of an emulator process while writes are in flight, three times on one data folder: after
// each restart every acknowledged write is there, and nothing appears that was never sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { startEmulator } from '../../../emulator/src/server';
import { FnfTestClient, PASS_CHOICE_FLOW, tempDir } from './support';

const root = new URL('../../../', import.meta.url).pathname;

async function spawnEmulator(dataDir: string): Promise<{ endpoint: string; kill(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/emulator/fixtures/emulatorProcess.ts', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"endpoint":"([^"]+)"/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}${err}`)));
  });
  return {
    endpoint,
    async kill() {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    },
  };
}

test('kill -9 during concurrent writes loses no acknowledged flow or execution and invents none', async () => {
  const dir = await tempDir();
  const sentFlows = new Set<string>();
  const ackedFlows = new Set<string>();
  const sentExecs = new Set<string>();
  const ackedExecs = new Set<string>();
  try {
    for (let round = 0; round < 3; round++) {
      const emu = await spawnEmulator(dir.path);
      const client = new FnfTestClient(emu.endpoint);
      if (round === 0) await client.ok('CreateFlow', { Name: 'base', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      ackedFlows.add('base');
      sentFlows.add('base');
      let acks = 0;
      let killed = false;
      const worker = async (w: number): Promise<void> => {
        for (let i = 0; i < 60 && !killed; i++) {
          const id = `r${round}w${w}i${i}`;
          const flow = i % 3 === 0;
          (flow ? sentFlows : sentExecs).add(id);
          try {
            const a = flow
              ? await client.call('CreateFlow', { Name: id, Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' })
              : await client.call('StartExecution', { FlowName: 'base', ExecutionName: id });
            if (a.status === 200) {
              (flow ? ackedFlows : ackedExecs).add(id);
              acks++;
            }
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      // Kill once some writes are acknowledged, while the others are in flight.
      while (acks < 40 + round * 10) await new Promise<void>((r) => setImmediate(r));
      killed = true;
      await emu.kill();
      await Promise.all(workers);

      const again = await startEmulator({ port: 0, dataDir: dir.path, onWarning: () => undefined });
      try {
        const c = new FnfTestClient(again.endpoint);
        const flows = new Set<string>();
        let token: string | undefined;
        do {
          const page = await c.ok('ListFlows', { Limit: '1000', ...(token ? { NextToken: token } : {}) });
          for (const f of page['Flows'] as { Name: string }[]) flows.add(f.Name);
          token = page['NextToken'] as string | undefined;
        } while (token);
        const execs = new Set<string>();
        token = undefined;
        do {
          const page = await c.ok('ListExecutions', { FlowName: 'base', Limit: '100', ...(token ? { NextToken: token } : {}) });
          for (const e of page['Executions'] as { Name: string }[]) execs.add(e.Name);
          token = page['NextToken'] as string | undefined;
        } while (token);
        for (const f of ackedFlows) assert.ok(flows.has(f), `acknowledged flow ${f} is kept (round ${round})`);
        for (const f of flows) assert.ok(sentFlows.has(f), `flow ${f} was sent`);
        for (const e of ackedExecs) assert.ok(execs.has(e), `acknowledged execution ${e} is kept (round ${round})`);
        for (const e of execs) assert.ok(sentExecs.has(e), `execution ${e} was sent`);
      } finally {
        await again.close();
      }
    }
  } finally {
    await dir.remove();
  }
});
