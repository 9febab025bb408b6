// The emulator as a process: killed mid-run it loses no finished execution; `flowdeck emulator`
// prints its endpoint and credentials and stops cleanly on SIGTERM.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { startEmulator } from '../../../emulator/src/server';
import { INTERRUPTED_ERROR } from '../../../emulator/src/store/fnfStore';
import { FnfTestClient, PASS_CHOICE_FLOW, tempDir, WAIT_FLOW } from './support';

const root = new URL('../../../', import.meta.url).pathname;

/** Spawns `node --import tsx <script> ...args` and resolves with the first stdout line matching `pattern`. */
async function spawnUntil(args: string[], pattern: RegExp): Promise<{ child: ChildProcessWithoutNullStreams; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before printing ${pattern}: ${out}${err}`)));
  });
  return { child, match };
}

type Events = { EventId: number; Type: string; EventDetail: string }[];

async function snapshot(client: FnfTestClient, flow: string, name: string): Promise<{ exec: Record<string, unknown>; events: Events }> {
  const exec = await client.ok('DescribeExecution', { FlowName: flow, ExecutionName: name });
  delete exec['RequestId'];
  const events = (await client.ok('GetExecutionHistory', { FlowName: flow, ExecutionName: name, Limit: '999' }))['Events'] as Events;
  return { exec, events };
}

describe('emulator process', () => {
  test('killed mid-run, a restarted emulator still has every finished execution and marks running ones failed', async () => {
    const dir = await tempDir();
    try {
      const first = await spawnUntil(['test/unit/emulator/fixtures/emulatorProcess.ts', dir.path], /\{"endpoint":"([^"]+)"/);
      const client = new FnfTestClient(String(first.match[1]));
      await client.ok('CreateFlow', { Name: 'quick', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      await client.ok('CreateFlow', { Name: 'slow', Definition: WAIT_FLOW, Description: '', Type: 'FDL' });
      const finished: string[] = [];
      for (let i = 0; i < 5; i++) {
        const name = `done_${i}`;
        await client.ok('StartExecution', { FlowName: 'quick', ExecutionName: name, Input: JSON.stringify({ fail: i === 3, i }) });
        await client.ok('DescribeExecution', { FlowName: 'quick', ExecutionName: name, WaitTimeSeconds: '10' });
        finished.push(name);
      }
      const before = await Promise.all(finished.map((n) => snapshot(client, 'quick', n)));
      for (const b of before) assert.notEqual(b.exec['Status'], 'Running');
      // Two executions in a five-minute Wait: running when the process dies.
      for (const name of ['waiting_1', 'waiting_2']) {
        await client.ok('StartExecution', { FlowName: 'slow', ExecutionName: name, Input: '{"seconds":300}' });
        const running = await client.ok('DescribeExecution', { FlowName: 'slow', ExecutionName: name });
        assert.equal(running['Status'], 'Running');
      }

      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      // A crash can also leave half a record at the end of the log.
      await appendFile(join(dir.path, 'fnf.jsonl'), '{"k":"event","flowId":"x","exec":"y","ev');

      const second = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        const again = new FnfTestClient(second.endpoint);
        const after = await Promise.all(finished.map((n) => snapshot(again, 'quick', n)));
        assert.deepEqual(after, before, 'finished executions and their histories are intact');
        for (const name of ['waiting_1', 'waiting_2']) {
          const { exec, events } = await snapshot(again, 'slow', name);
          assert.equal(exec['Status'], 'Failed');
          assert.ok(exec['StoppedTime']);
          const last = events.at(-1);
          assert.equal(last?.Type, 'ExecutionFailed');
          assert.equal(JSON.parse(String(last?.EventDetail))['error'], INTERRUPTED_ERROR);
          assert.deepEqual(events.map((e) => e.EventId), events.map((_, i) => i + 1));
        }
        // The names of interrupted executions are taken, like any finished execution's.
        const reuse = await again.call('StartExecution', { FlowName: 'slow', ExecutionName: 'waiting_1' });
        assert.equal(reuse.body['Code'], 'ExecutionAlreadyExists');
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a second emulator on the same data folder is refused while the first runs', async () => {
    const dir = await tempDir();
    try {
      const first = await startEmulator({ port: 0, dataDir: dir.path });
      try {
        await assert.rejects(startEmulator({ port: 0, dataDir: dir.path }), /already runs an emulator on the data folder/);
      } finally {
        await first.close();
      }
      const reopened = await startEmulator({ port: 0, dataDir: dir.path });
      await reopened.close();
    } finally {
      await dir.remove();
    }
  });

  test('`flowdeck emulator --allowed-host` (repeatable) names the hosts it answers besides loopback; a bad name is a usage error', async () => {
    const dir = await tempDir();
    try {
      const { child, match } = await spawnUntil(
        ['cli/src/main.ts', 'emulator', '--port', '0', '--data-dir', dir.path, '--allowed-host', 'dev.example.test', '--allowed-host', '192.168.1.20'],
        /allowed hosts: +([^\n]+)\n/,
      );
      assert.equal(match[1], 'dev.example.test, 192.168.1.20');
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      const bad = spawn(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', 'emulator', '--data-dir', dir.path, '--allowed-host', 'http://dev.example.test:80'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      bad.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const [code] = (await once(bad, 'exit')) as [number | null];
      assert.equal(code, 2, err);
      assert.match(err, /--allowed-host takes a host name or address without scheme or port/);
    } finally {
      await dir.remove();
    }
  });

  test('`flowdeck emulator` prints endpoint and credentials, serves, and exits 0 on SIGTERM', async () => {
    const dir = await tempDir();
    try {
      const { child, match } = await spawnUntil(
        ['cli/src/main.ts', 'emulator', '--port', '0', '--data-dir', dir.path, '--access-key-id', 'me', '--access-key-secret', 's3cret'],
        /access key secret: ([^\n]+)\n/,
      );
      assert.equal(match[1], '(the one given with --access-key-secret)', 'a custom secret is not printed');
      assert.ok(!match.input.includes('s3cret'));
      let printed = '';
      child.stdout.on('data', (d: Buffer) => (printed += d.toString()));
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(match.input)?.[1];
      assert.ok(endpoint, match.input);
      assert.match(match.input, /access key id:\s+me\n/);
      const r = await new FnfTestClient(endpoint, 'me', 's3cret').call('ListFlows');
      assert.equal(r.status, 200);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0);
      assert.match(printed, /stopping the emulator/);
    } finally {
      await dir.remove();
    }
  });

  test('`flowdeck emulator` on a port in use says so and exits 1', async () => {
    const dir = await tempDir();
    const taken = await startEmulator({ port: 0, dataDir: dir.path });
    const other = await tempDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', 'emulator', '--port', String(taken.port), '--data-dir', other.path], { cwd: root });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 1);
      assert.match(err, new RegExp(`port ${taken.port} is already in use`));
    } finally {
      await taken.close();
      await dir.remove();
      await other.remove();
    }
  });

  test('`flowdeck emulator` rejects bad options with exit status 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', 'emulator', '--faults', 'throttle=5'], { cwd: root });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(err, /throttleRate must be a number from 0 to 1/);
  });
});
