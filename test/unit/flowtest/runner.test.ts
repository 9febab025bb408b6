// The runner end to end on small flows: mocks one call at a time, retries and catches seen by the
// flow, Map iterations, strict mode, the virtual clock, exact and subset output with a diff, and
// coverage from the events.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { join } from 'node:path';
import type { TaskEnvironment } from '../../../emulator/src/engine';
import { runTests } from '../../../flowtest/src';
import { MAP_FLOW, TASK_FLOW, realTasks, removeWorkspaces, runIn, workspace } from './helpers';

after(removeWorkspaces);

const testFile = (flow: string, cases: string): string => `flow: ${flow}\ncases:\n${cases}`;

describe('mocks', () => {
  test('a list is consumed one call at a time: a busy answer is retried, then the output goes through', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: retried
    mocks:
      Charge:
        - error: Busy
          cause: try again
        - output: { id: p-1 }
    expect:
      status: Succeeded
      output: { id: p-1 }
      states: [Charge]
`),
    });
    const tasks = realTasks();
    const report = await runIn(dir, tasks);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
    assert.deepEqual(tasks.calls, [], 'a mocked task never runs for real');
    const scheduled = report.cases[0]!.outcome!.events.filter((e) => e.Type === 'TaskScheduled');
    assert.equal(scheduled.length, 2);
  });

  test('a list used up fails the case, saying how many answers it had', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: too few
    mocks:
      Charge: [{ error: Busy }]
    expect: { status: Failed }
`),
    });
    const report = await runIn(dir);
    const c = report.cases[0]!;
    assert.equal(c.passed, false);
    assert.match(c.failures[0]!.message, /called 2 times, but its mock lists 1 answer/);
    assert.equal(c.outcome!.result.error, 'FlowTest.MockExhausted');
  });

  test('a single answer (not a list) serves every call', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: always busy
    mocks:
      Charge: { error: Busy, cause: busy }
    expect: { status: Failed, error: Busy }
`),
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
    assert.equal(report.cases[0]!.outcome!.events.filter((e) => e.Type === 'TaskScheduled').length, 3);
  });

  test('a mocked error the flow catches leads to the catch target', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: declined
    mocks:
      Charge: { error: Declined }
    expect: { status: Failed, error: PaymentDeclined, states: [Charge, Declined] }
`),
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
  });

  test('unmocked tasks run as the emulator would; strict mocks forbid it', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: runs for real
    expect: { status: Succeeded, output: { real: true } }
  - name: strict
    mocks: strict
    expect: { status: Succeeded }
`),
    });
    const tasks = realTasks();
    const report = await runIn(dir, tasks);
    assert.equal(report.cases[0]!.passed, true);
    assert.deepEqual(tasks.calls, ['Charge']);
    const strict = report.cases[1]!;
    assert.equal(strict.passed, false);
    assert.match(strict.failures[0]!.message, /state "Charge" \(FC:InvokeFunction\) ran, but the case has strict mocks/);
  });

  test('strict: true with some mocks given still forbids the others', async () => {
    const dir = workspace({
      'f.flow.yaml': MAP_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: strict but mocked
    strict: true
    input: { items: [1] }
    mocks: { Price: { output: 1 } }
    expect: { status: Succeeded, output: { Items: [1] } }
`),
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
  });
});

describe('Map iterations', () => {
  test('a list applies afresh in every iteration', async () => {
    const dir = workspace({
      'f.flow.yaml': MAP_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: each iteration retries once
    input: { items: [a, b, c] }
    mocks:
      Price:
        - error: Busy
        - output: 7
    expect: { status: Succeeded, output: { Items: [7, 7, 7] } }
`),
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
  });

  test('iterations: gives each iteration its own answers', async () => {
    const dir = workspace({
      'f.flow.yaml': MAP_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: per iteration
    input: { items: [a, b] }
    mocks:
      Price:
        iterations:
          - { output: 1 }
          - [{ error: Busy }, { output: 2 }]
    expect: { status: Succeeded, output: { Items: [1, 2] } }
  - name: too few iterations
    input: { items: [a, b, c] }
    mocks:
      Price:
        iterations: [{ output: 1 }]
    expect: { status: Succeeded }
`),
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
    assert.equal(report.cases[1]!.passed, false);
    assert.match(report.cases[1]!.failures[0]!.message, /in Map iteration 1, but its mock has answers for 1 iteration/);
  });
});

describe('the clock', () => {
  const WAIT_FLOW = `Type: StateMachine
SpecVersion: v1
Name: waits
StartAt: Nap
States:
  - Type: Wait
    Name: Nap
    Seconds: 300
    Next: Done
  - Type: Pass
    Name: Done
    End: true
`;
  test('a 300 s Wait and a 30 s retry interval take no real time on the virtual clock', async () => {
    const dir = workspace({
      'w.flow.yaml': WAIT_FLOW,
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': `flow: w.flow.yaml\ncases:\n  - name: naps\n    expect: { status: Succeeded, states: [Nap, Done] }\n`,
      'r.flowtest.yaml': `flow: f.flow.yaml\ncases:\n  - name: retries\n    mocks: { Charge: [{ error: Busy }, { output: 1 }] }\n    expect: { status: Succeeded }\n`,
    });
    const started = Date.now();
    const report = await runIn(dir);
    const events = report.cases[0]!.outcome!.events;
    const times = events.map((e) => Date.parse(e.Time));
    assert.equal(report.cases[0]!.passed, true);
    assert.equal(times[times.length - 1]! - times[0]!, 300_000, 'flow time moves by the Wait');
    const retry = await runTests({ files: [join(dir, 'r.flowtest.yaml')], tasksFor: () => realTasks() });
    const retryEvents = retry.cases[0]!.outcome!.events;
    assert.equal(Date.parse(retryEvents[retryEvents.length - 1]!.Time) - Date.parse(retryEvents[0]!.Time), 30_000);
    assert.ok(Date.now() - started < 5_000, 'no real waiting');
  });

  test('the execution Timeout fires in flow time: a 300 s Wait in a 60 s flow times out at once', async () => {
    const dir = workspace({
      'w.flow.yaml': WAIT_FLOW.replace('StartAt: Nap', 'StartAt: Nap\nTimeout: 60'),
      't.flowtest.yaml': `flow: w.flow.yaml\ncases:\n  - name: too slow\n    expect: { status: TimedOut, error: FnF.ExecutionTimeout, states: [Nap] }\n`,
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
    const events = report.cases[0]!.outcome!.events;
    assert.equal(Date.parse(events.at(-1)!.Time) - Date.parse(events[0]!.Time), 60_000);
  });

  test('clock: real opts a case into real time', async () => {
    const dir = workspace({
      'w.flow.yaml': WAIT_FLOW.replace('Seconds: 300', 'Seconds: 1'),
      't.flowtest.yaml': `flow: w.flow.yaml\ncases:\n  - name: real nap\n    clock: real\n    expect: { status: Succeeded }\n`,
    });
    const report = await runIn(dir);
    const events = report.cases[0]!.outcome!.events;
    assert.equal(report.cases[0]!.passed, true);
    assert.ok(Date.parse(events[0]!.Time) > Date.UTC(2025, 0, 1), 'real event times, not the virtual epoch');
    assert.ok(report.cases[0]!.outcome!.durationMs >= 990, `the Wait took real time (${report.cases[0]!.outcome!.durationMs} ms)`);
  });

  test('a task waiting for a callback nobody sends ends the case instead of hanging', async () => {
    const flow = TASK_FLOW.replace('TaskMode: RequestComplete', 'TaskMode: WaitForCustomCallback');
    const dir = workspace({
      'f.flow.yaml': flow,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: mocked callback
    mocks: { Charge: { output: { ok: 1 } } }
    expect: { status: Succeeded, output: { ok: 1 } }
  - name: nobody answers
    expect: { status: Succeeded }
`),
    });
    const report = await runIn(dir, realTasks(() => null));
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
    assert.equal(report.cases[1]!.passed, false);
    assert.match(report.cases[1]!.failures[0]!.message, /waits for something that never comes/);
  });
});

describe('expectations', () => {
  const PASS_FLOW = `Type: StateMachine
SpecVersion: v1
Name: p
StartAt: Build
States:
  - Type: Pass
    Name: Build
    InputConstructor:
      a: 1
      b: { c: 2, d: [1, 2] }
    End: true
`;
  test('exact output shows a line diff; subset ignores keys not asked for', async () => {
    const dir = workspace({
      'p.flow.yaml': PASS_FLOW,
      't.flowtest.yaml': testFile('p.flow.yaml', `
  - name: exact but wrong
    expect: { output: { a: 1, b: { c: 3, d: [1, 2] } } }
  - name: subset
    expect: { match: subset, output: { b: { c: 2 } } }
  - name: subset but wrong
    expect: { match: subset, output: { b: { c: 5 } } }
  - name: wrong status and states
    expect: { status: Failed, states: [Build, Nothing] }
`),
    });
    const report = await runIn(dir);
    const [exact, subset, subsetWrong, status] = report.cases;
    assert.equal(exact!.passed, false);
    assert.match(exact!.failures[0]!.message, /- {5}"c": 3,\n\+ {5}"c": 2,/);
    assert.equal(subset!.passed, true, JSON.stringify(subset!.failures));
    assert.equal(subsetWrong!.passed, false);
    assert.equal(subsetWrong!.failures[0]!.actual, '{\n  "b": {\n    "c": 2\n  }\n}');
    assert.deepEqual(status!.failures.map((f) => f.expectation), ['status', 'states']);
    assert.match(status!.failures[1]!.message, /expected state Nothing to run after Build/);
  });

  test('cases run at the same time: three unmocked tasks are in flight together', async () => {
    const cases = [0, 1, 2].map((i) => `  - name: case ${i}\n    expect: { status: Succeeded, output: together }\n`).join('');
    const dir = workspace({ 'f.flow.yaml': TASK_FLOW, 't.flowtest.yaml': testFile('f.flow.yaml', cases) });
    // each call waits until all three have started (or, run one after another, gives up alone)
    const waiting: (() => void)[] = [];
    let together = false;
    const tasks: TaskEnvironment = {
      invoke: () =>
        new Promise((resolve) => {
          waiting.push(() => resolve(together ? 'together' : 'alone'));
          if (waiting.length === 3) {
            together = true;
            for (const w of waiting) w();
          }
          setTimeout(() => resolve('alone'), 3_000).unref();
        }),
    };
    const report = await runTests({ files: [join(dir, 't.flowtest.yaml')], tasksFor: () => tasks });
    assert.deepEqual(report.cases.map((c) => c.outcome?.result.output), ['together', 'together', 'together']);
  });

  test('cases run in parallel and each gets its own result, in file order', async () => {
    const cases = Array.from({ length: 12 }, (_, i) => `  - name: case ${i}\n    input: { i: ${i} }\n    expect: { status: Succeeded }\n`).join('');
    const dir = workspace({ 'p.flow.yaml': PASS_FLOW, 't.flowtest.yaml': testFile('p.flow.yaml', cases) });
    const report = await runIn(dir);
    assert.deepEqual(report.cases.map((c) => c.testCase.name), Array.from({ length: 12 }, (_, i) => `case ${i}`));
    assert.equal(report.passed, 12);
  });

  test('a flow with errors fails its cases with the flow\'s errors, as `flowdeck run` words them', async () => {
    const dir = workspace({
      'p.flow.yaml': PASS_FLOW.replace('End: true', 'Next: Nowhere'),
      't.flowtest.yaml': testFile('p.flow.yaml', '  - name: x\n    expect: {}\n'),
    });
    const report = await runIn(dir);
    const [sentence, ...errors] = report.cases[0]!.failures[0]!.message.split('\n');
    assert.match(sentence!, /p\.flow\.yaml has 1 error\(s\); fix them before testing$/);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /p\.flow\.yaml:11:11 error unknown-state no state named `Nowhere`/);
  });

  test('a flow saved as Express in .flowdeck/flows.json runs under Express limits', async () => {
    // A Wait read from the input: only the run can see it is beyond Express's 20 seconds.
    const flow = 'Type: StateMachine\nSpecVersion: v1\nName: p\nStartAt: Nap\nStates:\n  - Type: Wait\n    Name: Nap\n    Seconds.$: $Input.seconds\n    End: true\n';
    const cases = '  - name: long\n    input: { seconds: 30 }\n    expect: { status: Succeeded }\n';
    const dir = workspace({
      'p.flow.yaml': flow,
      't.flowtest.yaml': testFile('p.flow.yaml', cases),
      '.flowdeck/flows.json': JSON.stringify({ flows: { 'p.flow.yaml': { name: 'p', executionMode: 'Express' } } }),
    });
    const express = await runIn(dir);
    assert.equal(express.cases[0]!.outcome!.result.status, 'Failed');
    assert.match(express.cases[0]!.outcome!.result.cause ?? '', /Seconds must be a number from 1 to 20 in Express mode, got 30/);
    const standard = workspace({ 'p.flow.yaml': flow, 't.flowtest.yaml': testFile('p.flow.yaml', cases) });
    assert.equal((await runIn(standard)).cases[0]!.passed, true, 'the same case passes under Standard limits');
  });

  test('an empty flow file fails its cases with what to write in it', async () => {
    const dir = workspace({ 'p.flow.yaml': '', 't.flowtest.yaml': testFile('p.flow.yaml', '  - name: x\n    expect: {}\n') });
    const report = await runIn(dir);
    assert.match(report.cases[0]!.failures[0]!.message, /p\.flow\.yaml is empty: write a flow in it first/);
  });
});

describe('coverage', () => {
  test('counts states of every scope, Choice branches and Default, Catch and Retry from the events', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: plain
    mocks: { Charge: { output: 1 } }
    expect: { status: Succeeded }
`),
    });
    const first = await runIn(dir);
    assert.deepEqual(first.summary, { states: { covered: 1, total: 2 }, branches: { covered: 0, total: 2 } });
    const cov = first.coverage[0]!;
    const uncovered = cov.targets.filter((t) => !cov.hits.get(t.id)).map((t) => t.label);
    assert.deepEqual(uncovered, ['Charge Retry [Busy]', 'Charge Catch [Declined]', 'Declined']);
    const dir2 = workspace({
      'f.flow.yaml': TASK_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', `
  - name: retry then catch
    mocks: { Charge: [{ error: Busy }, { error: Declined }] }
    expect: { status: Failed }
`),
    });
    const second = await runIn(dir2);
    assert.deepEqual(second.summary, { states: { covered: 2, total: 2 }, branches: { covered: 2, total: 2 } });
  });

  test('states inside a Map processor are their own targets, with their line in the flow', async () => {
    const dir = workspace({
      'f.flow.yaml': MAP_FLOW,
      't.flowtest.yaml': testFile('f.flow.yaml', '  - name: empty\n    input: { items: [] }\n    expect: { status: Succeeded }\n'),
    });
    const report = await runIn(dir);
    const price = report.coverage[0]!.targets.find((t) => t.state === 'Price' && t.kind === 'state')!;
    assert.equal(price.scope, '/Lines');
    assert.equal(price.span.start.line, 11);
    assert.deepEqual(report.summary.states, { covered: 1, total: 2 }, 'no item: the inner task never ran');
    const map = report.coverage[0]!.targets.find((t) => t.state === 'Lines')!;
    assert.deepEqual([map.span.start.line, map.span.end.line], [5, 7], 'a Map\'s statement stops where its processor starts');
  });

  test('a legacy flow (type: flow) runs on the same engine, its task mocked and its steps counted', async () => {
    const LEGACY = `version: v1
type: flow
steps:
  - type: task
    name: Split
    resourceArn: acs:fc:cn-hangzhou:1:services/video/functions/split
  - type: pass
    name: Done
`;
    const dir = workspace({
      'l.flow.yaml': LEGACY,
      't.flowtest.yaml': testFile('l.flow.yaml', `
  - name: split is mocked
    mocks: strict
    expect: { status: Failed, error: FlowTest.UnmockedTask }
  - name: split answers
    mocks: { Split: { output: { parts: 3 } } }
    expect: { status: Succeeded, states: [Split, Done] }
`),
    });
    const report = await runIn(dir);
    assert.equal(report.cases[0]!.passed, false, 'an unmocked task in a strict case fails the case even when the run ends as expected');
    assert.equal(report.cases[1]!.passed, true, JSON.stringify(report.cases[1]!.failures));
    assert.deepEqual(report.summary.states, { covered: 2, total: 2 });
  });
});
