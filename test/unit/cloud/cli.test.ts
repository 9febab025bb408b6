// The deploy/start/tail commands, run as the real CLI process against an in-process emulator.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';

const root = new URL('../../../', import.meta.url).pathname;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('flowdeck deploy / start / tail', () => {
  let dir: string;
  let emu: RunningEmulator;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]): Promise<Result> =>
    new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join(root, 'cli/src/main.ts'), ...args], { cwd: root, env }, (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      });
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowdeck-cli-cloud-'));
    emu = await startEmulator({ port: 0, dataDir: join(dir, 'data') });
    // No cloud credentials anywhere: the commands must pick the local emulator.
    env = { ...process.env, HOME: dir, ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '', FLOWDECK_EMULATOR_ENDPOINT: emu.endpoint };
  });
  after(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('deploy creates, then updates, and says which target it used', { timeout: 60_000 }, async () => {
    const first = await cli('deploy', 'examples/hello.flow.yaml');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^created flow hello \(Standard\)/);
    assert.match(first.stderr, new RegExp(`target: local emulator at ${emu.endpoint}`));
    const again = await cli('deploy', 'examples/hello.flow.yaml', '--mode', 'Express');
    assert.match(again.stdout, /^updated flow hello/);
    assert.match(again.stderr, /cannot change on update/);
  });

  test('deploy refuses a file with errors unless --force', { timeout: 60_000 }, async () => {
    const bad = join(dir, 'bad.flow.yaml');
    writeFileSync(bad, 'Type: StateMachine\nSpecVersion: v1\nName: bad\nStartAt: Missing\nStates:\n  - Type: Pass\n    Name: Only\n    End: true\n');
    const r = await cli('deploy', bad);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /has \d+ error\(s\); fix them or pass --force/);
  });

  test('start --tail prints each event once, then the status and output; tail replays the same', { timeout: 60_000 }, async () => {
    const r = await cli('start', 'hello', '--input', '{"name":"Tester"}', '--name', 'cli-run', '--tail');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'started execution cli-run of flow hello (Running)');
    const events = lines.filter((l) => /^\d\d:\d\d:\d\d/.test(l));
    assert.match(events[0] ?? '', /ExecutionStarted/);
    assert.match(events[events.length - 1] ?? '', /ExecutionSucceeded/);
    assert.equal(new Set(events).size, events.length);
    assert.ok(lines.includes('status: Succeeded'));
    assert.match(r.stdout, /"greeting": "Hello, Tester!"/);

    const t = await cli('tail', 'hello', 'cli-run');
    assert.equal(t.code, 0, t.stderr);
    assert.deepEqual(t.stdout.trim().split('\n').filter((l) => /^\d\d:\d\d:\d\d/.test(l)), events);
  });

  test('clear errors: bad input, unknown execution, usage', { timeout: 60_000 }, async () => {
    const badInput = await cli('start', 'hello', '--input', '{"name":');
    assert.equal(badInput.code, 1);
    assert.match(badInput.stderr, /--input is not valid JSON at line 1, column \d+/);
    const missing = await cli('tail', 'hello', 'nope');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /ExecutionNotExists \[HTTP 404\].*check the flow and execution names/);
    const usage = await cli('tail', 'hello');
    assert.equal(usage.code, 2);
    const help = await cli('start', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--local/);
  });
});
