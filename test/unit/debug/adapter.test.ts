// The debug adapter driven over DAP messages: breakpoints bound to states, stepping through
// Parallel and Map, conditions, hit counts, logpoints, exception breakpoints, evaluate,
// setVariable, restart and the end of the run.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { exitCode, FIXTURES, launch, lineOf, ORDER_FLOW, SMALL_ORDER } from './support';

const FANOUT = join(FIXTURES, 'fanout.flow.yaml');
const FAILING = join(FIXTURES, 'failing.flow.yaml');
const LEGACY = join(FIXTURES, 'legacy.flow.yaml');
const ITEMS = { items: [{ sku: 'a' }, { sku: 'b' }] };

describe('debug adapter: breakpoints', () => {
  test('a breakpoint on any line of a state binds to it, moved to its first line; elsewhere it is not verified', async () => {
    const nameLine = lineOf(ORDER_FLOW, 'Name: ChargePayment');
    const inParameters = lineOf(ORDER_FLOW, 'card.$: $Input.card', 'Name: ChargePayment');
    const { dap, breakpoints } = await launch({
      args: { program: ORDER_FLOW, inputFile: SMALL_ORDER, timeScale: 0.01 },
      breakpoints: [{ line: nameLine }, { line: inParameters }, { line: 1 }],
    });
    assert.deepEqual(
      breakpoints.map((b) => [b.verified, b.line]),
      [
        [true, nameLine - 1],
        [true, nameLine - 1],
        [false, 1],
      ],
    );
    const stop = await dap.stopped();
    assert.equal(stop.body.reason, 'breakpoint');
    assert.deepEqual(await dap.stack(stop.body.threadId!), [
      'ChargePayment (Task)',
      'Fulfil › Branch 1',
      'Execution order-processing',
    ]);
    const top = await dap.topFrame(stop.body.threadId!);
    assert.equal(top.line, nameLine - 1);
    assert.equal(top.source?.path, ORDER_FLOW);
    const vars = await dap.variables(top.id);
    const input = JSON.parse(vars.get('$Input')!.value) as { customerId: string; lines: { amount: number }[] };
    assert.equal(input.customerId, 'c-1001');
    assert.equal(input.lines.length, 2, 'the priced lines from the Map');
    assert.equal(await dap.evaluate('$Input.customerId', top.id), '"c-1001"');
    assert.equal(await dap.evaluate('length($Input.lines)', top.id), '2');
    assert.equal(await dap.evaluate('$Input.lines[0].amount > 0', top.id, 'hover'), 'true');
    await dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(dap), 0);
    assert.ok(dap.output.some((l) => /ExecutionSucceeded/.test(l)));
    assert.ok(dap.output.some((l) => l.includes('Status: Succeeded')));
  });

  test('next runs the state and stops before the following one, with $Output and the task result', async () => {
    const { dap } = await launch({
      args: { program: ORDER_FLOW, inputFile: SMALL_ORDER, timeScale: 0.01 },
      breakpoints: [{ line: lineOf(ORDER_FLOW, 'Name: ChargePayment') }],
    });
    const stop = await dap.stopped();
    await dap.ok('next', { threadId: stop.body.threadId });
    const step = await dap.stopped();
    assert.equal(step.body.reason, 'step');
    // ChargePayment ends its branch: the next state in scope is the one after the Parallel.
    const top = await dap.topFrame(step.body.threadId!);
    assert.match(top.name, /^Confirm/);
    const vars = await dap.variables(top.id);
    const output = JSON.parse(vars.get('$Output')!.value) as { payment: { paymentId: string } };
    assert.match(output.payment.paymentId, /^pay-c-1001-/);
    assert.ok(vars.has('$Context'));
    await dap.ok('continue', { threadId: step.body.threadId });
    assert.equal(await exitCode(dap), 0);
  });

  test('a condition (FDL) stops only where it holds; a hit count skips the first hits', async () => {
    const quote = lineOf(FANOUT, 'Name: Quote');
    const conditional = await launch({
      args: { program: FANOUT, input: ITEMS },
      breakpoints: [{ line: quote, condition: '$Input.sku == "b"' }],
    });
    let stop = await conditional.dap.stopped();
    let top = await conditional.dap.topFrame(stop.body.threadId!);
    assert.equal(await conditional.dap.evaluate('$Input.sku', top.id), '"b"');
    await conditional.dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(conditional.dap), 0);

    const counted = await launch({ args: { program: FANOUT, input: ITEMS }, breakpoints: [{ line: quote, hitCondition: '2' }] });
    stop = await counted.dap.stopped();
    top = await counted.dap.topFrame(stop.body.threadId!);
    const vars = await counted.dap.variables(top.id);
    assert.match(vars.get('Map iteration')!.value, /"Index":[01]/);
    await counted.dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(counted.dap), 0);
    assert.equal(counted.dap.events.filter((e) => e.event === 'stopped').length, 1);
  });

  test('a condition that does not parse leaves the breakpoint unverified with the reason', async () => {
    const { dap, breakpoints } = await launch({
      args: { program: FANOUT, input: ITEMS },
      breakpoints: [{ line: lineOf(FANOUT, 'Name: Quote'), condition: '$Input.sku ==' }],
    });
    assert.equal(breakpoints[0]!.verified, false);
    assert.ok(breakpoints[0]!.message);
    assert.equal(await exitCode(dap), 0);
  });

  test('a breakpoint in another flow file than the one debugged is not verified', async () => {
    const { dap } = await launch({ args: { program: FANOUT, input: ITEMS, stopOnEntry: true } });
    const stop = await dap.stopped();
    const other = await dap.ok<DebugProtocol.SetBreakpointsResponse['body']>('setBreakpoints', {
      source: { path: FAILING },
      breakpoints: [{ line: lineOf(FAILING, 'Name: Charge') }],
    });
    assert.equal(other.breakpoints[0]!.verified, false);
    assert.match(other.breakpoints[0]!.message ?? '', /fanout\.flow\.yaml/);
    await dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(dap), 0);
  });

  test('Run Without Debugging (noDebug) runs to the end past breakpoints', async () => {
    const { dap } = await launch({
      args: { program: FANOUT, input: ITEMS, noDebug: true, stopOnEntry: true },
      breakpoints: [{ line: lineOf(FANOUT, 'Name: Quote') }],
    });
    assert.equal(await exitCode(dap), 0);
    assert.ok(!dap.events.some((e) => e.event === 'stopped'));
    assert.ok(dap.output.some((l) => l.includes('ExecutionSucceeded')));
  });

  test('without a "mode", a flow saved as Express in .flowdeck/flows.json runs under Express limits, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-debug-mode-'));
    try {
      const program = join(dir, 'nap.flow.yaml');
      // The Wait's length comes from the input: only the run can see it is beyond Express's 20 seconds.
      writeFileSync(program, 'Type: StateMachine\nSpecVersion: v1\nName: nap\nStartAt: Nap\nStates:\n  - Type: Wait\n    Name: Nap\n    Seconds.$: $Input.seconds\n    End: true\n');
      mkdirSync(join(dir, '.flowdeck'));
      writeFileSync(join(dir, '.flowdeck', 'flows.json'), JSON.stringify({ flows: { 'nap.flow.yaml': { name: 'nap', executionMode: 'Express' } } }));
      const express = await launch({ args: { program, input: { seconds: 30 }, timeScale: 0.0001 }, exceptionFilters: [] });
      assert.equal(await exitCode(express.dap), 1);
      assert.ok(express.dap.output.includes(`Express limits, as ${join(dir, '.flowdeck', 'flows.json')} saves this flow ("mode" in the launch configuration chooses them).\n`));
      assert.ok(express.dap.output.some((l) => l.includes('Seconds must be a number from 1 to 20 in Express mode, got 30')));
      const standard = await launch({ args: { program, input: { seconds: 30 }, timeScale: 0.0001, mode: 'Standard' } });
      assert.equal(await exitCode(standard.dap), 0);
      assert.ok(!standard.dap.output.some((l) => l.includes('saves this flow')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a logpoint prints its message with expressions filled in and does not stop', async () => {
    const { dap } = await launch({
      args: { program: FANOUT, input: ITEMS },
      breakpoints: [{ line: lineOf(FANOUT, 'Name: Quote'), logMessage: 'quoting {$Input.sku}' }],
    });
    assert.equal(await exitCode(dap), 0);
    assert.deepEqual(dap.output.filter((l) => l.startsWith('quoting')).sort(), ['quoting a\n', 'quoting b\n']);
    assert.ok(!dap.events.some((e) => e.event === 'stopped'));
  });
});

describe('debug adapter: stepping through Parallel and Map', () => {
  test('stepIn enters a branch or an iteration (a thread each), next stays in it, stepOut finishes the scope', async () => {
    const { dap } = await launch({ args: { program: FANOUT, input: ITEMS, stopOnEntry: true } });
    let stop = await dap.stopped();
    assert.equal(stop.body.reason, 'entry');
    const root = stop.body.threadId!;
    assert.match((await dap.topFrame(root)).name, /^Prepare/);

    await dap.ok('next', { threadId: root });
    stop = await dap.stopped();
    assert.equal(stop.body.reason, 'step');
    assert.match((await dap.topFrame(root)).name, /^Fan \(Parallel\)/);

    await dap.ok('stepIn', { threadId: root });
    stop = await dap.stopped();
    const branch = stop.body.threadId!;
    assert.notEqual(branch, root);
    assert.deepEqual(await dap.stack(branch), ['Left1 (Pass)', 'Fan › Branch 0', 'Execution fanout']);
    const { threads } = await dap.ok<DebugProtocol.ThreadsResponse['body']>('threads');
    assert.ok(threads.some((t) => t.name === 'Fan › Branch 0'));

    await dap.ok('next', { threadId: branch });
    stop = await dap.stopped();
    assert.equal(stop.body.threadId, branch);
    assert.match((await dap.topFrame(branch)).name, /^Left2/);

    // stepOut finishes the branch (Left3 runs without a stop) and stops after the Parallel.
    await dap.ok('stepOut', { threadId: branch });
    stop = await dap.stopped();
    assert.equal(stop.body.threadId, root);
    assert.ok(dap.output.some((l) => /StepExited\s+Left3/.test(l)));
    assert.match((await dap.topFrame(root)).name, /^Each \(Map\)/);

    await dap.ok('stepIn', { threadId: root });
    stop = await dap.stopped();
    const iteration = stop.body.threadId!;
    assert.deepEqual(await dap.stack(iteration), ['Quote (Task)', 'Each › Iteration 0', 'Execution fanout']);
    let top = await dap.topFrame(iteration);
    let vars = await dap.variables(top.id);
    assert.equal(vars.get('$Input')!.value, '{"sku":"a"}');
    assert.equal(vars.get('Map iteration')!.value, '{"State":"Each","Index":0,"Item":{"sku":"a"}}');

    await dap.ok('next', { threadId: iteration });
    stop = await dap.stopped();
    top = await dap.topFrame(iteration);
    assert.match(top.name, /^Priced/);
    vars = await dap.variables(top.id);
    assert.equal(vars.get('$Output')!.value, '{"sku":"a","price":42}');
    assert.equal(vars.get('Last task result (Quote)')!.value, '{"Body":{"price":42}}');

    await dap.ok('stepOut', { threadId: iteration });
    stop = await dap.stopped();
    assert.equal(stop.body.threadId, root);
    top = await dap.topFrame(root);
    assert.match(top.name, /^Done/);
    vars = await dap.variables(top.id);
    assert.equal(vars.get('$Output')!.value, '{"Items":[{"sku":"a","price":42},{"sku":"b","price":42}]}');

    await dap.ok('continue', { threadId: root });
    assert.equal(await exitCode(dap), 0);
    const exitedThreads = dap.events.filter((e) => e.event === 'thread' && (e as DebugProtocol.ThreadEvent).body.reason === 'exited');
    assert.ok(exitedThreads.length >= 4, 'branch and iteration threads end with their Parallel/Map');
  });

  test('legacy flows: a foreach iteration is a thread, expressions use the legacy spec', async () => {
    const { dap } = await launch({ args: { program: LEGACY }, breakpoints: [{ line: lineOf(LEGACY, 'name: inner') }] });
    const stop = await dap.stopped();
    const stack = await dap.stack(stop.body.threadId!);
    assert.match(stack[0]!, /^inner \(pass\)/);
    assert.match(stack[1]!, /^each › Iteration [01]$/);
    const top = await dap.topFrame(stop.body.threadId!);
    const x = await dap.evaluate('$.x', top.id);
    assert.ok(x === '1' || x === '2', x);
    assert.ok((await dap.variables(top.id)).has('$input'));
    await dap.ok('continue', { threadId: stop.body.threadId });
    const again = await dap.stopped();
    await dap.ok('continue', { threadId: again.body.threadId });
    assert.equal(await exitCode(dap), 0);
  });
});

describe('debug adapter: errors', () => {
  test('"all task errors" stops at every failed task call, including one a Catch handles', async () => {
    const { dap } = await launch({ args: { program: FAILING }, exceptionFilters: ['taskErrors'] });
    let stop = await dap.stopped();
    assert.equal(stop.body.reason, 'exception');
    assert.match(stop.body.description ?? '', /GatewayBusy.*Catch/);
    let top = await dap.topFrame(stop.body.threadId!);
    assert.match(top.name, /^Busy/);
    await dap.ok('continue', { threadId: stop.body.threadId });
    stop = await dap.stopped();
    assert.equal(stop.body.text, 'CardDeclined: card ****9999 was declined');
    top = await dap.topFrame(stop.body.threadId!);
    assert.match(top.name, /^Charge \(Task\) \(failed: CardDeclined\)/);
    const info = await dap.ok<DebugProtocol.ExceptionInfoResponse['body']>('exceptionInfo', { threadId: stop.body.threadId });
    assert.equal(info.exceptionId, 'CardDeclined');
    assert.equal(info.breakMode, 'unhandled');
    const vars = await dap.variables(top.id);
    assert.match(vars.get('Error')!.value, /"Code":"CardDeclined"/);
    await dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(dap), 1);
    assert.ok(dap.output.some((l) => l.includes('Error: CardDeclined')));
  });

  test('"uncaught errors" stops once, where the execution would fail; no filter never stops', async () => {
    const uncaught = await launch({ args: { program: FAILING }, exceptionFilters: ['uncaught'] });
    const stop = await uncaught.dap.stopped();
    assert.match((await uncaught.dap.topFrame(stop.body.threadId!)).name, /^Charge/);
    await uncaught.dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(uncaught.dap), 1);
    assert.equal(uncaught.dap.events.filter((e) => e.event === 'stopped').length, 1);

    const none = await launch({ args: { program: FAILING }, exceptionFilters: [] });
    assert.equal(await exitCode(none.dap), 1);
    assert.ok(!none.dap.events.some((e) => e.event === 'stopped'));
  });

  test('a launch with a broken input or a missing file fails with a message', async () => {
    const { FlowDebugSession } = await import('../../../debug/src');
    const { DapClient } = await import('./dapClient');
    const dap = DapClient.inProcess(new FlowDebugSession({ cwd: FIXTURES }));
    await dap.ok('initialize', { adapterID: 'flowdeck' });
    const missing = await dap.request('launch', { program: 'nope.flow.yaml' });
    assert.equal(missing.success, false);
    assert.match(missing.message ?? JSON.stringify(missing.body), /Cannot read nope\.flow\.yaml/);
    const badInput = await dap.request('launch', { program: FANOUT, input: '{"items": [' });
    assert.equal(badInput.success, false);
    assert.match(JSON.stringify(badInput.body), /not valid JSON/);
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-debug-'));
    try {
      writeFileSync(join(dir, 'new.flow.yaml'), '');
      const empty = await dap.request('launch', { program: join(dir, 'new.flow.yaml') });
      assert.equal(empty.success, false);
      assert.match(empty.message ?? JSON.stringify(empty.body), /new\.flow\.yaml is empty: write a flow in it first/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('debug adapter: changing things', () => {
  test('setVariable changes $Input (whole or inside) before the state runs', async () => {
    const { dap } = await launch({ args: { program: ORDER_FLOW, inputFile: SMALL_ORDER, stopOnEntry: true }, exceptionFilters: [] });
    const stop = await dap.stopped();
    const top = await dap.topFrame(stop.body.threadId!);
    const { scopes } = await dap.ok<DebugProtocol.ScopesResponse['body']>('scopes', { frameId: top.id });
    const { variables } = await dap.ok<DebugProtocol.VariablesResponse['body']>('variables', { variablesReference: scopes[0]!.variablesReference });
    const input = variables.find((v) => v.name === '$Input')!;
    const inside = await dap.ok<DebugProtocol.VariablesResponse['body']>('variables', { variablesReference: input.variablesReference });
    assert.ok(inside.variables.some((v) => v.name === 'customerId'));
    const set = await dap.ok<DebugProtocol.SetVariableResponse['body']>('setVariable', {
      variablesReference: input.variablesReference,
      name: 'customerId',
      value: '""',
    });
    assert.equal(set.value, '""');
    assert.equal(await dap.evaluate('$Input.customerId', top.id), '""');
    const bad = await dap.request('setVariable', { variablesReference: scopes[0]!.variablesReference, name: '$Input', value: 'not json' });
    assert.equal(bad.success, false);
    await dap.ok('continue', { threadId: stop.body.threadId });
    // With no customer, CheckOrder chooses RejectOrder: the execution fails.
    assert.equal(await exitCode(dap), 1);
    assert.ok(dap.output.some((l) => l.includes('InvalidOrder')));
  });

  test('restart runs the flow again from the start; terminate ends it with exit code 1', async () => {
    const { dap } = await launch({ args: { program: FANOUT, input: ITEMS, stopOnEntry: true } });
    let stop = await dap.stopped();
    assert.equal(stop.body.reason, 'entry');
    await dap.ok('restart', {});
    stop = await dap.stopped();
    assert.equal(stop.body.reason, 'entry');
    assert.match((await dap.topFrame(stop.body.threadId!)).name, /^Prepare/);
    assert.ok(!dap.events.some((e) => e.event === 'exited'), 'the replaced run does not end the session');
    await dap.ok('terminate', {});
    assert.equal(await exitCode(dap), 1);
    assert.ok(dap.output.some((l) => l.includes('Status: Stopped')));
  });

  test('pause stops the running execution at its next state', async () => {
    // The 1 s Wait of AwaitWarehouse keeps the execution running while pause arrives.
    const { dap } = await launch({ args: { program: ORDER_FLOW, inputFile: SMALL_ORDER } });
    await dap.next('output', (e: DebugProtocol.OutputEvent) => e.body.output.includes('StepStarted          AwaitWarehouse'));
    await dap.ok('pause', { threadId: 1 });
    const stop = await dap.stopped();
    assert.equal(stop.body.reason, 'pause');
    await dap.ok('continue', { threadId: stop.body.threadId });
    assert.equal(await exitCode(dap), 0);
  });
});
