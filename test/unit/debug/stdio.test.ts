// The DAP contract `flowdeck debug-adapter` meets on its own, over stdio from the built CLI:
// initialize, launch {program, input}, setBreakpoints on a state's Name line, configurationDone,
// stopped (breakpoint), stackTrace naming the state, scopes/variables with $Input, evaluate in
// the repl, next stopping (step) at the following state, continue to exited/terminated.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DapClient } from './dapClient';
import { lineOf, ORDER_FLOW, ROOT, SMALL_ORDER } from './support';

describe('flowdeck debug-adapter over stdio', () => {
  let child: ChildProcessWithoutNullStreams | undefined;

  before(() => {
    // The contract is about the shipped CLI: bundle it from the current sources first.
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  after(() => {
    if (child && child.exitCode === null) child.kill();
  });

  test('meets the DAP contract from initialize to exited', async () => {
    child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'debug-adapter'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const proc = child;
    const dap = DapClient.overStreams(
      (data) => proc.stdin.write(data),
      (listener) => proc.stdout.on('data', listener),
    );
    const closed = new Promise<number | null>((resolve) => proc.on('close', resolve));

    const init = await dap.ok<DebugProtocol.Capabilities>('initialize', { adapterID: 'flowdeck', linesStartAt1: true, columnsStartAt1: true });
    assert.equal(init.supportsConfigurationDoneRequest, true);
    assert.equal(init.supportsConditionalBreakpoints, true);
    await dap.next('initialized');

    const input = JSON.parse(readFileSync(SMALL_ORDER, 'utf8')) as unknown;
    const launched = dap.request('launch', { program: ORDER_FLOW, input, timeScale: 0.01 });
    const nameLine = lineOf(ORDER_FLOW, 'Name: PriceLines');
    const bps = await dap.ok<DebugProtocol.SetBreakpointsResponse['body']>('setBreakpoints', {
      source: { path: ORDER_FLOW },
      breakpoints: [{ line: nameLine }],
    });
    assert.equal(bps.breakpoints[0]!.verified, true);
    await dap.ok('configurationDone');
    assert.equal((await launched).success, true);

    const stop = await dap.stopped();
    assert.equal(stop.body.reason, 'breakpoint');
    const threadId = stop.body.threadId!;
    const top = await dap.topFrame(threadId);
    assert.match(top.name, /PriceLines/);

    const vars = await dap.variables(top.id);
    assert.ok(vars.has('$Input'), [...vars.keys()].join(', '));
    assert.equal(await dap.evaluate('$Input.customerId', top.id, 'repl'), '"c-1001"');
    assert.equal(await dap.evaluate('length($Input.lines)', top.id, 'repl'), '2');

    await dap.ok('next', { threadId });
    const step = await dap.stopped();
    assert.equal(step.body.reason, 'step');
    assert.match((await dap.topFrame(step.body.threadId!)).name, /^Fulfil/);

    await dap.ok('continue', { threadId });
    const exited = await dap.next<DebugProtocol.ExitedEvent>('exited');
    assert.equal(exited.body.exitCode, 0);
    await dap.next('terminated');
    assert.ok(dap.output.some((l) => l.includes('ExecutionSucceeded')));

    await dap.ok('disconnect', {});
    assert.equal(await closed, 0, stderr);
  });
});
