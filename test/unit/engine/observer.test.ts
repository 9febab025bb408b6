// RunObserver: beforeState/afterState around every state of both specs, scope frames for Parallel
// branches, Map iterations and legacy foreach, pausing, replacing the input, and task failures
// that Retry and Catch handle.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  wouldFailExecution,
  type JsonValue,
  type RunObserver,
  type ScopeFrame,
  type StateOutcome,
  type StateVisit,
  type TaskEnvironment,
} from '../../../emulator/src/engine';
import { TaskError } from '../../../emulator/src/engine/types';
import { flow, run, start, until } from './helpers';

function scopeText(scope: ScopeFrame): string {
  const parts: string[] = [];
  for (let s: ScopeFrame | undefined = scope; s && s.kind !== 'execution'; s = s.parent) {
    parts.unshift(`${s.stateName}[${s.kind} ${s.index}]`);
  }
  return parts.join('/');
}

/** Records `before X @scope`, `after X kind` lines. */
function recorder(): { observer: RunObserver; lines: string[]; visits: StateVisit[]; outcomes: StateOutcome[] } {
  const lines: string[] = [];
  const visits: StateVisit[] = [];
  const outcomes: StateOutcome[] = [];
  return {
    lines,
    visits,
    outcomes,
    observer: {
      beforeState(v) {
        visits.push(v);
        lines.push(`before ${v.stateName}${v.scope.kind === 'execution' ? '' : ` @${scopeText(v.scope)}`}`);
      },
      afterState(v, o) {
        outcomes.push(o);
        lines.push(`after ${v.stateName} ${o.kind}`);
      },
      taskFailed(v, f) {
        lines.push(`taskFailed ${v.stateName} ${f.error} ${f.recovery} retries=${f.retryCount}`);
      },
    },
  };
}

const echoTasks: TaskEnvironment = { invoke: (r) => ({ echoed: r.parameters }) };

describe('run observer (current spec)', () => {
  test('sees every state before and after it runs, with its input, $Context and the raw task result', async () => {
    const rec = recorder();
    const { result } = await run(
      flow([
        { Type: 'Pass', Name: 'A', InputConstructor: { n: 1 }, Next: 'B' },
        {
          Type: 'Task',
          Name: 'B',
          Action: 'X:Do',
          TaskMode: 'RequestComplete',
          Parameters: { 'v.$': '$Input.n' },
          OutputConstructor: { 'got.$': '$Output.echoed.v' },
          End: true,
        },
      ]),
      { input: { start: true }, tasks: echoTasks, observer: rec.observer },
    );
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual(rec.lines, ['before A', 'after A succeeded', 'before B', 'after B succeeded']);
    assert.deepEqual(rec.visits[0]!.input, { start: true });
    assert.deepEqual(rec.visits[1]!.input, { n: 1 });
    const ctx = rec.visits[1]!.context() as { Execution: { Input: JsonValue }; Current: { Name: string } };
    assert.deepEqual(ctx.Execution.Input, { start: true });
    assert.equal(ctx.Current.Name, 'B');
    assert.deepEqual(rec.outcomes[1], { kind: 'succeeded', output: { got: 1 }, result: { echoed: { v: 1 } } });
  });

  test('Parallel branches and Map iterations run in scopes of their own', async () => {
    const rec = recorder();
    const { result } = await run(
      flow([
        {
          Type: 'Parallel',
          Name: 'Fan',
          Branches: [
            { StartAt: 'L', States: [{ Type: 'Pass', Name: 'L', End: true }] },
            { StartAt: 'R', States: [{ Type: 'Pass', Name: 'R', End: true }] },
          ],
          Next: 'Each',
        },
        {
          Type: 'Map',
          Name: 'Each',
          ItemsPath: '$Context.Execution.Input.items',
          Processor: { StartAt: 'Item', States: [{ Type: 'Pass', Name: 'Item', End: true }] },
          End: true,
        },
      ]),
      { input: { items: ['x', 'y'] }, observer: rec.observer },
    );
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual([...rec.lines].sort(), [
      'after Each succeeded',
      'after Fan succeeded',
      'after Item succeeded',
      'after Item succeeded',
      'after L succeeded',
      'after R succeeded',
      'before Each',
      'before Fan',
      'before Item @Each[iteration 0]',
      'before Item @Each[iteration 1]',
      'before L @Fan[branch 0]',
      'before R @Fan[branch 1]',
    ]);
    const items = rec.visits.filter((v) => v.stateName === 'Item');
    assert.deepEqual(items.map((v) => v.scope.item), ['x', 'y']);
    assert.notEqual(items[0]!.scope, items[1]!.scope);
    assert.equal(items[0]!.scope.parent, rec.visits.find((v) => v.stateName === 'Each')!.scope);
    assert.equal(items[0]!.scope.depth, 1);
  });

  test('beforeState is awaited: the run pauses there until it resolves', async () => {
    let release: (() => void) | undefined;
    const entered: string[] = [];
    const { handle, events } = start(
      flow([
        { Type: 'Pass', Name: 'A', Next: 'B' },
        { Type: 'Pass', Name: 'B', End: true },
      ]),
      {
        observer: {
          beforeState: (v) => {
            entered.push(v.stateName);
            if (v.stateName !== 'B') return;
            return new Promise<void>((resolve) => (release = resolve));
          },
        },
      },
    );
    await until(() => release !== undefined, 'the pause before B');
    assert.deepEqual(entered, ['A', 'B']);
    assert.ok(!events.some((e) => e.StepName === 'B'), 'B has not started while paused');
    release!();
    const result = await handle.done;
    assert.equal(result.status, 'Succeeded');
    assert.ok(events.some((e) => e.Type === 'StepExited' && e.StepName === 'B'));
  });

  test('a stop while paused ends the run without running the state', async () => {
    let release: (() => void) | undefined;
    const { handle, events } = start(flow([{ Type: 'Pass', Name: 'A', End: true }]), {
      observer: { beforeState: () => new Promise<void>((resolve) => (release = resolve)) },
    });
    await until(() => release !== undefined, 'the pause before A');
    handle.stop();
    release!();
    assert.equal((await handle.done).status, 'Stopped');
    assert.ok(!events.some((e) => e.StepName === 'A'));
  });

  test('beforeState can replace the state input', async () => {
    const { result } = await run(flow([{ Type: 'Pass', Name: 'A', End: true }]), {
      input: { v: 1 },
      observer: { beforeState: () => ({ input: { v: 2 } }) },
    });
    assert.deepEqual(result.output, { v: 2 });
  });

  test('every failed task call is reported with what Retry and Catch do about it', async () => {
    const rec = recorder();
    let calls = 0;
    const tasks: TaskEnvironment = {
      invoke: () => {
        calls++;
        throw new TaskError(calls < 2 ? 'Busy' : 'Declined', `call ${calls}`);
      },
    };
    const { result } = await run(
      flow([
        {
          Type: 'Task',
          Name: 'Pay',
          Action: 'X:Pay',
          TaskMode: 'RequestComplete',
          Retry: [{ Errors: ['Busy'], MaxAttempts: 2, IntervalSeconds: 1 }],
          Catch: [{ Errors: ['Declined'], Next: 'Sorry' }],
          Next: 'Done',
        },
        { Type: 'Pass', Name: 'Done', End: true },
        { Type: 'Fail', Name: 'Sorry', Code: 'Declined', Detail: 'no' },
      ]),
      { tasks, observer: rec.observer },
    );
    assert.equal(result.status, 'Failed');
    assert.deepEqual(rec.lines, [
      'before Pay',
      'taskFailed Pay Busy retry retries=0',
      'taskFailed Pay Declined catch retries=1',
      'after Pay caught',
      'before Sorry',
      'after Sorry failed',
    ]);
    const sorry = rec.visits.find((v) => v.stateName === 'Sorry')!;
    assert.equal(wouldFailExecution(sorry, 'Declined'), true);
    const pay = rec.visits.find((v) => v.stateName === 'Pay')!;
    assert.equal(wouldFailExecution(pay, 'Busy'), false);
  });

  test('an error a Parallel state catches is not one that would fail the execution', async () => {
    const visits: StateVisit[] = [];
    const failed: string[] = [];
    const { result } = await run(
      flow([
        {
          Type: 'Parallel',
          Name: 'Fan',
          Branches: [{ StartAt: 'Boom', States: [{ Type: 'Fail', Name: 'Boom', Code: 'Oops', Detail: 'x' }] }],
          Catch: [{ Errors: ['Oops'], Next: 'Ok' }],
          End: true,
        },
        { Type: 'Pass', Name: 'Ok', End: true },
      ]),
      {
        observer: {
          afterState: (v, o) => {
            if (o.kind === 'failed') {
              visits.push(v);
              failed.push(v.stateName);
            }
          },
        },
      },
    );
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual(failed, ['Boom']);
    assert.equal(wouldFailExecution(visits[0]!, 'Oops'), false);
    assert.equal(wouldFailExecution(visits[0]!, 'Other'), true);
  });

  test('without an observer the history is the same as with one', async () => {
    const definition = flow([
      { Type: 'Pass', Name: 'A', Next: 'Fan' },
      {
        Type: 'Parallel',
        Name: 'Fan',
        Branches: [{ StartAt: 'L', States: [{ Type: 'Pass', Name: 'L', End: true }] }],
        End: true,
      },
    ]);
    const plain = await run(definition, { input: { a: 1 } });
    const observed = await run(definition, { input: { a: 1 }, observer: recorder().observer });
    assert.deepEqual(observed.trace, plain.trace);
    assert.deepEqual(observed.result, plain.result);
  });
});

describe('run observer (legacy spec)', () => {
  test('steps, foreach iterations and task failures are observed', async () => {
    const rec = recorder();
    const tasks: TaskEnvironment = {
      invoke: () => {
        throw new TaskError('Nope', 'always');
      },
    };
    const { result } = await run(
      {
        version: 'v1',
        type: 'flow',
        steps: [
          { type: 'pass', name: 'first', outputMappings: [{ target: 'list', source: [1, 2] }] },
          {
            type: 'foreach',
            name: 'each',
            iterationMapping: { collection: '$.list', item: 'x' },
            steps: [{ type: 'pass', name: 'inner' }],
          },
          { type: 'task', name: 'call', resourceArn: 'acs:mns:::queues/q', catch: [{ errors: ['Nope'] }] },
        ],
      },
      { tasks, observer: rec.observer },
    );
    assert.equal(result.status, 'Succeeded', JSON.stringify(result));
    assert.deepEqual(rec.lines.filter((l) => !l.includes('inner')), [
      'before first',
      'after first succeeded',
      'before each',
      'after each succeeded',
      'before call',
      'taskFailed call Nope catch retries=0',
      'after call caught',
    ]);
    assert.deepEqual(rec.lines.filter((l) => l.startsWith('before inner')).sort(), [
      'before inner @each[iteration 0]',
      'before inner @each[iteration 1]',
    ]);
    const first = rec.visits[0]!;
    assert.equal(first.dialect, 'legacy');
    assert.deepEqual(rec.visits[1]!.input, { list: [1, 2] });
  });
});
