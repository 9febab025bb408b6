// Current-spec flows through every state type: outputs and exact event sequences.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EVENT_TYPES } from '../../../emulator/src/engine';
import { detail, flow, run, VirtualClock } from './helpers';

const STEP = (name: string): string[] => [
  `StepEntered ${name}`,
  `StepStarted ${name}`,
  `StepSucceeded ${name}`,
  `StepExited ${name}`,
];

describe('current spec: Pass, Succeed, Choice', () => {
  test('Pass with InputConstructor and OutputConstructor, events chained by ScheduleEventId', async () => {
    const { result, events, trace } = await run(
      flow([
        {
          Type: 'Pass',
          Name: 'Greet',
          InputConstructor: {
            'greeting.$': 'format("hello {}", $Input.name)',
            constant: '$Input.name',
            nested: { 'n.$': 'length($Input.name)' },
          },
          OutputConstructor: {
            'said.$': '$Output.greeting',
            'original.$': '$Context.Execution.Input.name',
            'state.$': '$Context.Current.Name',
          },
          End: true,
        },
      ]),
      { input: { name: 'Tom' } },
    );
    assert.deepEqual(result, { status: 'Succeeded', output: { said: 'hello Tom', original: 'Tom', state: 'Greet' } });
    assert.deepEqual(trace, ['ExecutionStarted', ...STEP('Greet'), 'ExecutionSucceeded']);
    assert.deepEqual(detail(events[2]), {
      input: { greeting: 'hello Tom', constant: '$Input.name', nested: { n: 3 } },
    });
    assert.deepEqual(
      events.map((e) => e.EventId),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      events.map((e) => e.ScheduleEventId),
      [0, 1, 2, 3, 4, 5],
    );
    assert.equal(events[0]!.StepName, '');
    assert.match(events[0]!.Time, /^2026-01-01T00:00:00\.000Z$/);
    for (const e of events) assert.ok((EVENT_TYPES as readonly string[]).includes(e.Type));
  });

  test('Choice takes the first true branch, else Default', async () => {
    const definition = flow([
      {
        Type: 'Choice',
        Name: 'Route',
        Branches: [
          { Condition: '$Input.status == "ready" && $Input.size >= 10', Next: 'Big' },
          { Condition: '$Input.status == "ready" || "x" in $Input.tags', Next: 'Small' },
        ],
        Default: 'Other',
      },
      { Type: 'Pass', Name: 'Big', OutputConstructor: { route: 'big' }, End: true },
      { Type: 'Pass', Name: 'Small', OutputConstructor: { route: 'small' }, End: true },
      { Type: 'Pass', Name: 'Other', OutputConstructor: { route: 'other' }, End: true },
    ]);
    const route = async (input: Record<string, unknown>): Promise<unknown> =>
      (await run(definition, { input: input as never })).result.output;
    assert.deepEqual(await route({ status: 'ready', size: 12, tags: [] }), { route: 'big' });
    assert.deepEqual(await route({ status: 'ready', size: 2, tags: [] }), { route: 'small' });
    assert.deepEqual(await route({ status: 'new', size: 2, tags: ['x'] }), { route: 'small' });
    assert.deepEqual(await route({ status: 'new', size: 2, tags: [] }), { route: 'other' });
  });

  test('a Choice condition that is not boolean fails with FnF.ExpressionError', async () => {
    const { result } = await run(
      flow([
        { Type: 'Choice', Name: 'C', Branches: [{ Condition: '$Input.n', Next: 'P' }], Default: 'P' },
        { Type: 'Pass', Name: 'P', End: true },
      ]),
      { input: { n: 1 } },
    );
    assert.equal(result.status, 'Failed');
    assert.equal(result.error, 'FnF.ExpressionError');
    assert.match(result.cause!, /must evaluate to true or false, got a number/);
  });

  test('Succeed ends the scope early with its constructed output', async () => {
    const { result, trace } = await run(
      flow([
        { Type: 'Succeed', Name: 'Done', OutputConstructor: { 'ok.$': '$Input.x' } },
        { Type: 'Pass', Name: 'Never', End: true },
      ]),
      { input: { x: 1 } },
    );
    assert.deepEqual(result.output, { ok: 1 });
    assert.deepEqual(trace, ['ExecutionStarted', ...STEP('Done'), 'ExecutionSucceeded']);
  });

  test('GlobalConstructor writes $Global, readable by later states; $Output there is the raw output', async () => {
    const { result } = await run(
      flow([
        {
          Type: 'Pass',
          Name: 'A',
          InputConstructor: { v: 1 },
          OutputConstructor: { w: 2 },
          GlobalConstructor: { 'seen.$': '$Output.v' },
          Next: 'B',
        },
        {
          Type: 'Pass',
          Name: 'B',
          OutputConstructor: { 'fromGlobal.$': '$Global.seen', 'input.$': '$Input' },
          End: true,
        },
      ]),
    );
    assert.deepEqual(result.output, { fromGlobal: 1, input: { w: 2 } });
  });
});

describe('current spec: Fail', () => {
  test('Fail ends the execution with Code and Detail', async () => {
    const { result, events, trace } = await run(
      flow([{ Type: 'Fail', Name: 'Stop', Code: 'customBizCode', Detail: 'my custom error' }]),
    );
    assert.deepEqual(result, { status: 'Failed', error: 'customBizCode', cause: 'my custom error' });
    assert.deepEqual(trace, [
      'ExecutionStarted',
      'StepEntered Stop',
      'StepStarted Stop',
      'StepFailed Stop',
      'ExecutionFailed',
    ]);
    assert.deepEqual(detail(events.at(-1)), { error: 'customBizCode', cause: 'my custom error' });
  });

  test('a Fail inside a Parallel branch fails the Parallel, which its Catch can handle', async () => {
    const { result } = await run(
      flow([
        {
          Type: 'Parallel',
          Name: 'Par',
          Branches: [
            { StartAt: 'Bad', States: [{ Type: 'Fail', Name: 'Bad', Code: 'BranchBroke', Detail: 'branch 0' }] },
            { StartAt: 'Slow', States: [{ Type: 'Wait', Name: 'Slow', Seconds: 100, End: true }] },
          ],
          Catch: [
            { Errors: ['Other'], Next: 'Nope' },
            { Errors: ['BranchBroke'], Next: 'Handled' },
          ],
          End: true,
        },
        { Type: 'Pass', Name: 'Nope', End: true },
        { Type: 'Pass', Name: 'Handled', End: true },
      ]),
    );
    assert.deepEqual(result, { status: 'Succeeded', output: { Code: 'BranchBroke', Detail: 'branch 0' } });
  });
});

describe('current spec: Wait', () => {
  test('Wait waits Seconds (and Seconds.$) on the clock, scaled by timeScale', async () => {
    const clock = new VirtualClock();
    const { result, events } = await run(
      flow([
        { Type: 'Wait', Name: 'W1', Seconds: 12, Next: 'W2' },
        { Type: 'Wait', Name: 'W2', 'Seconds.$': '$Input.delay', End: true },
      ]),
      { input: { delay: 3 }, clock, timeScale: 0.5 },
    );
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual(clock.delays, [6000, 1500]);
    assert.equal(events.at(-1)!.Time, '2026-01-01T00:00:07.500Z');
  });

  test('Wait Seconds out of the mode range fails with a clear error', async () => {
    const { result } = await run(flow([{ Type: 'Wait', Name: 'W', Seconds: 30, End: true }]), {
      executionMode: 'Express',
    });
    assert.equal(result.error, 'FnF.InvalidArgument');
    assert.match(result.cause!, /Seconds must be a number from 1 to 20 in Express mode, got 30/);
  });
});

describe('current spec: Parallel', () => {
  test('outputs Branch0..N, with Branch* events and a Succeed that ends only its branch', async () => {
    const { result, events } = await run(
      flow([
        {
          Type: 'Parallel',
          Name: 'Par',
          Branches: [
            {
              StartAt: 'Pass1',
              States: [{ Type: 'Pass', Name: 'Pass1', OutputConstructor: { FieldA: 123 }, End: true }],
            },
            {
              StartAt: 'Pass2',
              States: [
                { Type: 'Pass', Name: 'Pass2', InputConstructor: { FieldA: 321 }, Next: 'Done' },
                { Type: 'Succeed', Name: 'Done' },
              ],
            },
          ],
          Next: 'After',
        },
        {
          Type: 'Pass',
          Name: 'After',
          OutputConstructor: { 'a.$': '$Input.Branch0.FieldA', 'b.$': '$Input.Branch1.FieldA' },
          End: true,
        },
      ]),
    );
    assert.deepEqual(result.output, { a: 123, b: 321 });
    const branchEvents = events.filter((e) => e.Type.startsWith('Branch'));
    assert.deepEqual(branchEvents.map((e) => [e.Type, e.StepName, detail(e)['index']]).sort(), [
      ['BranchEntered', 'Par', 0],
      ['BranchEntered', 'Par', 1],
      ['BranchExited', 'Par', 0],
      ['BranchExited', 'Par', 1],
    ]);
    const succeeded = events.find((e) => e.Type === 'StepSucceeded' && e.StepName === 'Par');
    assert.deepEqual(detail(succeeded), { output: { Branch0: { FieldA: 123 }, Branch1: { FieldA: 321 } } });
    // Each branch chains its own events from the Parallel's StepStarted.
    const started = events.find((e) => e.Type === 'StepStarted' && e.StepName === 'Par')!;
    for (const e of events.filter((x) => x.Type === 'BranchEntered')) assert.equal(e.ScheduleEventId, started.EventId);
  });

  test('more than 50 branches is refused before anything runs', async () => {
    const branch = { StartAt: 'P', States: [{ Type: 'Pass', Name: 'P', End: true }] };
    const { result, trace } = await run(
      flow([{ Type: 'Parallel', Name: 'Par', Branches: Array(51).fill(branch), End: true }]),
    );
    assert.equal(result.error, 'FnF.InvalidDefinition');
    assert.match(result.cause!, /51 branches; a Parallel state may have at most 50/);
    assert.deepEqual(trace, ['ExecutionStarted', 'ExecutionFailed']);
  });
});

describe('current spec: Map', () => {
  test('runs the Processor per item and outputs { Items } in input order', async () => {
    const { result, events } = await run(
      flow([
        {
          Type: 'Map',
          Name: 'Each',
          ItemsPath: '$Input.names',
          Processor: {
            StartAt: 'Upper',
            States: [
              {
                Type: 'Pass',
                Name: 'Upper',
                InputConstructor: { 'len.$': 'length($Input.name)', 'name.$': '$Input.name' },
                End: true,
              },
            ],
          },
          End: true,
        },
      ]),
      { input: { names: [{ name: 'Ann' }, { name: 'Bo' }, { name: 'Cyd' }] } },
    );
    assert.deepEqual(result.output, {
      Items: [
        { len: 3, name: 'Ann' },
        { len: 2, name: 'Bo' },
        { len: 3, name: 'Cyd' },
      ],
    });
    assert.equal(events.filter((e) => e.Type === 'IterationEntered').length, 3);
    assert.equal(events.filter((e) => e.Type === 'IterationExited').length, 3);
  });

  test('ItemConstructor builds each iteration input from $Item and $Input', async () => {
    const { result } = await run(
      flow([
        {
          Type: 'Map',
          Name: 'Each',
          ItemsPath: '$Input.ids',
          ItemConstructor: { 'id.$': '$Item', 'prefix.$': '$Input.prefix' },
          Processor: {
            StartAt: 'P',
            States: [
              {
                Type: 'Pass',
                Name: 'P',
                OutputConstructor: { 'key.$': 'format("{}-{}", $Input.prefix, $Input.id)' },
                End: true,
              },
            ],
          },
          End: true,
        },
      ]),
      { input: { ids: [1, 2], prefix: 'k' } },
    );
    assert.deepEqual(result.output, { Items: [{ key: 'k-1' }, { key: 'k-2' }] });
  });

  test('never runs more iterations at once than MaxConcuccency', async () => {
    let running = 0;
    let peak = 0;
    const tasks = {
      async invoke(): Promise<null> {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return null;
      },
    };
    const { result } = await run(
      flow([
        {
          Type: 'Map',
          Name: 'Each',
          ItemsPath: '$Input.items',
          MaxConcuccency: 3,
          Processor: { StartAt: 'T', States: [{ Type: 'Task', Name: 'T', Action: 'Local:Work', End: true }] },
          End: true,
        },
      ]),
      { input: { items: Array.from({ length: 10 }, (_, i) => i) }, tasks },
    );
    assert.equal(result.status, 'Succeeded');
    assert.equal(peak, 3);
  });

  test('ItemsPath that is not an array fails the state', async () => {
    const { result } = await run(
      flow([
        {
          Type: 'Map',
          Name: 'M',
          ItemsPath: '$Input.x',
          Processor: { StartAt: 'P', States: [{ Type: 'Pass', Name: 'P', End: true }] },
          End: true,
        },
      ]),
      { input: { x: 'abc' } },
    );
    assert.equal(result.error, 'FnF.ExpressionError');
    assert.match(result.cause!, /ItemsPath "\$Input.x" must evaluate to an array, got a string/);
  });
});
