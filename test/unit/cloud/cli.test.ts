// The deploy/start/tail commands (through the command table, output captured) against an
// emulator on loopback.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';
import { formatEventLine } from '../../../cloud/src/fnf/eventFormat';
import { flowdeck } from '../cli/flowdeck';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials/providers';

const root = new URL('../../../', import.meta.url).pathname;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('flowdeck deploy / start / tail', () => {
  let dir: string;
  let emu: RunningEmulator;
  const saved: Record<string, string | undefined> = {};

  const cli = async (...argv: string[]): Promise<Result> => {
    const { code, out, err } = await flowdeck(argv, { cwd: root });
    return { code, stdout: out, stderr: err };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowdeck-cli-cloud-'));
    emu = await startEmulator({ port: 0, dataDir: join(dir, 'data') });
    // No cloud credentials anywhere: the commands must pick the local emulator.
    const env: Record<string, string> = { HOME: dir, ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '', FLOWDECK_EMULATOR_ENDPOINT: emu.endpoint };
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('with no emulator running, deploy says which command starts one', { timeout: 60_000 }, async () => {
    const closed = await startEmulator({ port: 0, dataDir: join(dir, 'closed') });
    const endpoint = closed.endpoint;
    await closed.close();
    process.env['FLOWDECK_EMULATOR_ENDPOINT'] = endpoint;
    try {
      const r = await cli('deploy', 'examples/hello.flow.yaml');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /NetworkError|could not reach/);
      assert.match(r.stderr, /Start one in another terminal with `flowdeck emulator`/);
    } finally {
      process.env['FLOWDECK_EMULATOR_ENDPOINT'] = emu.endpoint;
    }
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

  test('deploy takes the flow name, mode and description saved for the file in the nearest .flowdeck/flows.json; options win', { timeout: 60_000 }, async () => {
    // examples/.flowdeck/flows.json saves express-quote.flow.yaml as the Express flow `express-quote`.
    const saved = await cli('deploy', 'examples/express-quote.flow.yaml');
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stderr, /settings: examples\/\.flowdeck\/flows\.json \(flow express-quote, Express\)/);
    assert.match(saved.stdout, /^created flow express-quote \(Express\)/);
    const client = new FnfClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret) });
    try {
      const flow = await client.describeFlow('express-quote');
      assert.equal(flow.Description, 'Shipping quotes, answered synchronously.');
      const sync = await client.startSyncExecution({ FlowName: 'express-quote', Input: { weightKg: 3, express: true } });
      assert.equal(sync.Status, 'Succeeded');
    } finally {
      await client.close();
    }
    const overridden = await cli('deploy', 'examples/express-quote.flow.yaml', '--name', 'quote-standard', '--mode', 'Standard');
    assert.equal(overridden.code, 0, overridden.stderr);
    assert.match(overridden.stdout, /^created flow quote-standard \(Standard\)/);

    // A flows.json that cannot be read stops the deploy and says which file to fix.
    const folder = mkdtempSync(join(dir, 'broken-settings-'));
    mkdirSync(join(folder, '.flowdeck'));
    writeFileSync(join(folder, '.flowdeck', 'flows.json'), '{"flows": ');
    writeFileSync(join(folder, 'hi.flow.yaml'), readFileSync(join(root, 'examples/hello.flow.yaml'), 'utf8'));
    const broken = await cli('deploy', join(folder, 'hi.flow.yaml'));
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /flows\.json is not valid JSON .*; fix or delete it/);
  });

  test('deploy refuses a file with errors unless --force', { timeout: 60_000 }, async () => {
    const bad = join(dir, 'bad.flow.yaml');
    writeFileSync(bad, 'Type: StateMachine\nSpecVersion: v1\nName: bad\nStartAt: Missing\nStates:\n  - Type: Pass\n    Name: Only\n    End: true\n');
    const r = await cli('deploy', bad);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /has \d+ error\(s\); fix them or pass --force/);
  });

  test('start --tail prints each event once in the editor tail\'s lines, then the status and output; tail replays the same', { timeout: 60_000 }, async () => {
    const r = await cli('start', 'hello', '--input', '{"name":"Tester"}', '--name', 'cli-run', '--tail');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'started execution cli-run of flow hello (Running)');
    const events = lines.filter((l) => /^\d\d:\d\d:\d\d/.test(l));
    assert.match(events[0] ?? '', /ExecutionStarted/);
    assert.match(events[events.length - 1] ?? '', /ExecutionSucceeded/);
    assert.equal(new Set(events).size, events.length);
    const client = new FnfClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret) });
    const history: string[] = [];
    for await (const e of client.getExecutionHistory({ FlowName: 'hello', ExecutionName: 'cli-run' })) history.push(formatEventLine(e));
    await client.close();
    assert.deepEqual(events, history);
    const summary = lines.slice(lines.indexOf('Status: Succeeded'));
    assert.deepEqual(summary.slice(0, 4), ['Status: Succeeded', 'Output:', '{', '  "greeting": "Hello, Tester!"']);
    assert.match(summary.at(-1) ?? '', /^Duration: \d+ ms$/);

    const t = await cli('tail', 'hello', 'cli-run');
    assert.equal(t.code, 0, t.stderr);
    assert.deepEqual(t.stdout.trim().split('\n').filter((l) => /^\d\d:\d\d:\d\d/.test(l)), events);
  });

  test('start --qualifier runs a published version, not the latest definition', { timeout: 60_000 }, async () => {
    // Version 1 greets with "Hello"; the flow is then redeployed to greet with "Hi".
    const hello = readFileSync(join(root, 'examples/hello.flow.yaml'), 'utf8').replace('Name: hello', 'Name: versioned');
    const file = join(dir, 'versioned.flow.yaml');
    writeFileSync(file, hello);
    assert.equal((await cli('deploy', file)).code, 0);
    const client = new FnfClient({ endpoint: emu.endpoint, credentials: staticCredentials(emu.accessKeyId, emu.accessKeySecret) });
    await client.caller.call('PublishFlowVersion', { FlowName: 'versioned' });
    writeFileSync(file, hello.replace('Hello, {}!', 'Hi, {}!'));
    assert.equal((await cli('deploy', file)).code, 0);

    const v1 = await cli('start', 'versioned', '--input', '{"name":"Ann"}', '--qualifier', '1', '--tail');
    assert.equal(v1.code, 0, v1.stderr);
    assert.match(v1.stdout, /"greeting": "Hello, Ann!"/);
    const latest = await cli('start', 'versioned', '--input', '{"name":"Ann"}', '--tail');
    assert.match(latest.stdout, /"greeting": "Hi, Ann!"/);
    const missing = await cli('start', 'versioned', '--qualifier', '9');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /FlowVersionNotExists/);
  });

  test('clear errors: bad input, unknown execution, usage', { timeout: 60_000 }, async () => {
    const badInput = await cli('start', 'hello', '--input', '{"name":');
    assert.equal(badInput.code, 1);
    assert.match(badInput.stderr, /--input: not valid JSON at line 1, column \d+/);
    const missing = await cli('tail', 'hello', 'nope');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /ExecutionNotExists \[HTTP 404\].*check the flow and execution names/);
    const help = await cli('start', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--local/);
  });
});
