// Legacy flows (type: flow): every step type, mappings, $local merging, goto, retry/catch, and
// documented examples run against local handler modules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonValue } from '../../../emulator/src/engine';
import { detail, loadFlow, run, VirtualClock } from './helpers';

const legacy = (steps: JsonValue[], extra: Record<string, JsonValue> = {}): JsonValue => ({
  version: 'v1',
  type: 'flow',
  steps,
  ...extra,
});

describe('legacy spec', () => {
  test('pass steps merge outputs into $local; flow outputMappings read $input and $local', async () => {
    const { result, trace, events } = await run(
      legacy(
        [
          {
            type: 'pass',
            name: 'p1',
            outputMappings: [
              { target: 'names', source: ['A', 'B', 'C'] },
              { target: 'who', source: '$input.user' },
            ],
          },
          {
            type: 'pass',
            name: 'p2',
            inputMappings: [{ target: 'first', source: '$local.names[0]' }],
            outputMappings: [{ target: 'picked', source: '$input.first' }],
          },
        ],
        {
          inputMappings: [{ target: 'user', source: '$input.name' }],
          outputMappings: [
            { target: 'result', source: '$local' },
            { target: 'user', source: '$input.user' },
          ],
        },
      ),
      { input: { name: 'Ann', ignored: true } },
    );
    assert.deepEqual(result.output, { result: { names: ['A', 'B', 'C'], who: 'Ann', picked: 'A' }, user: 'Ann' });
    assert.deepEqual(trace, [
      'ExecutionStarted',
      'StepEntered p1',
      'StepStarted p1',
      'StepSucceeded p1',
      'StepExited p1',
      'StepEntered p2',
      'StepStarted p2',
      'StepSucceeded p2',
      'StepExited p2',
      'ExecutionSucceeded',
    ]);
    // Without inputMappings a step's input is the parent input merged with the parent local.
    assert.deepEqual(detail(events[1]), { input: { user: 'Ann' } });
  });

  test('choice runs the first matching choice, its steps, then its goto; no match runs the default', async () => {
    const definition = legacy([
      {
        type: 'choice',
        name: 'route',
        choices: [
          {
            condition: '$.status == "ready" && $.size > 10',
            steps: [{ type: 'pass', name: 'big', outputMappings: [{ target: 'route', source: 'big' }] }],
            goto: 'finish',
          },
          { condition: '$.status == `ready`', goto: 'small' },
        ],
        default: {
          steps: [{ type: 'pass', name: 'other', outputMappings: [{ target: 'route', source: 'other' }] }],
          goto: 'finish',
        },
      },
      { type: 'pass', name: 'small', outputMappings: [{ target: 'route', source: 'small' }] },
      { type: 'pass', name: 'finish', outputMappings: [{ target: 'finished', source: true }] },
    ]);
    const out = async (input: Record<string, JsonValue>): Promise<JsonValue | undefined> =>
      (await run(definition, { input })).result.output;
    assert.deepEqual(await out({ status: 'ready', size: 20 }), { route: 'big', finished: true });
    assert.deepEqual(await out({ status: 'ready', size: 1 }), { route: 'small', finished: true });
    assert.deepEqual(await out({ status: 'new', size: 1 }), { route: 'other', finished: true });
  });

  test('a choice with no match and no default ends; the flow goes on with the next step', async () => {
    const { result } = await run(
      legacy([
        { type: 'choice', name: 'maybe', choices: [{ condition: '$.go == true', goto: 'skip' }] },
        { type: 'pass', name: 'next', outputMappings: [{ target: 'ran', source: 'next' }] },
        { type: 'pass', name: 'skip', outputMappings: [{ target: 'last', source: 'skip' }] },
      ]),
      { input: { go: false } },
    );
    assert.deepEqual(result.output, { ran: 'next', last: 'skip' });
  });

  test('parallel and foreach output nothing by default; their $local is the array of branch/iteration locals', async () => {
    const { result, trace } = await run(
      legacy([
        {
          type: 'parallel',
          name: 'par',
          branches: [
            { steps: [{ type: 'pass', name: 'a', outputMappings: [{ target: 'a', source: 1 }] }] },
            { steps: [{ type: 'pass', name: 'b', outputMappings: [{ target: 'b', source: 2 }] }] },
          ],
          outputMappings: [{ target: 'branches', source: '$local' }],
        },
        {
          type: 'parallel',
          name: 'silent',
          branches: [{ steps: [{ type: 'pass', name: 'c', outputMappings: [{ target: 'c', source: 3 }] }] }],
        },
        {
          type: 'foreach',
          name: 'each',
          iterationMapping: { collection: '$.items', item: 'item', index: 'i' },
          steps: [
            {
              type: 'pass',
              name: 'double',
              outputMappings: [
                { target: 'pos', source: '$input.i' },
                { target: 'v', source: '$input.item' },
              ],
            },
          ],
          outputMappings: [
            { target: 'values', source: '$local[*].v' },
            { target: 'positions', source: '$local[*].pos' },
          ],
        },
      ]),
      { input: { items: ['x', 'y', 'z'] } },
    );
    assert.deepEqual(result.output, { branches: [{ a: 1 }, { b: 2 }], values: ['x', 'y', 'z'], positions: [0, 1, 2] });
    assert.equal(trace.filter((t) => t === 'IterationEntered each').length, 3);
    assert.equal(trace.filter((t) => t === 'BranchEntered par').length, 2);
  });

  test('wait takes duration (constant or $.path) or a timestamp; a past timestamp does not wait', async () => {
    const clock = new VirtualClock();
    const { result } = await run(
      legacy([
        { type: 'wait', name: 'w1', duration: 10 },
        { type: 'wait', name: 'w2', duration: '$.sleep' },
        { type: 'wait', name: 'w3', timestamp: '2026-01-01T00:01:00Z' },
        { type: 'wait', name: 'w4', timestamp: '2019-05-02T15:04:05Z' },
      ]),
      { input: { sleep: 5 }, clock },
    );
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual(clock.delays, [10000, 5000, 45000]);
  });

  test('succeed ends its series; fail fails the flow with error and cause; end stops after the step', async () => {
    const ok = await run(
      legacy([
        { type: 'pass', name: 'a', end: true },
        { type: 'fail', name: 'never' },
      ]),
    );
    assert.equal(ok.result.status, 'Succeeded');
    const s = await run(
      legacy([
        { type: 'succeed', name: 'done' },
        { type: 'fail', name: 'never' },
      ]),
    );
    assert.equal(s.result.status, 'Succeeded');
    const f = await run(
      legacy([{ type: 'fail', name: 'handle_failure', error: 'StatusIsNotReady', cause: 'status is not ready' }]),
    );
    assert.deepEqual(f.result, { status: 'Failed', error: 'StatusIsNotReady', cause: 'status is not ready' });
  });

  test('task retry uses intervalSeconds x multiplier^n; catch goto with errorMappings from $local.error/cause', async () => {
    const clock = new VirtualClock();
    const { result } = await run(
      legacy([
        {
          type: 'task',
          name: 'call',
          resourceArn: 'acs:fc:cn-hangzhou:123:services/s/functions/flaky',
          inputMappings: [
            { target: 'key', source: 'legacy-retry' },
            { target: 'failTimes', source: 9 },
          ],
          retry: [
            { errors: ['TransientError'], intervalSeconds: 2, maxAttempts: 3, multiplier: 3, maxIntervalSeconds: 10 },
          ],
          catch: [{ errors: ['FnF.ALL'], goto: 'recover' }],
          errorMappings: [
            { target: 'errCode', source: '$local.error' },
            { target: 'errMsg', source: '$local.cause' },
          ],
        },
        { type: 'fail', name: 'never' },
        { type: 'pass', name: 'recover' },
      ]),
      { clock },
    );
    assert.deepEqual(result.output, { errCode: 'TransientError', errMsg: 'call 4 of legacy-retry failed' });
    assert.deepEqual(clock.delays, [2000, 6000, 10000]);
  });

  test('waitForCallback passes $context.task.token through inputMappings and resumes on report', async () => {
    const seen: JsonValue[] = [];
    const { until, start } = await import('./helpers');
    const { handle, finished } = start(
      legacy([
        {
          type: 'task',
          name: 'approve',
          resourceArn: 'acs:mns:::/queues/approvals/messages',
          pattern: 'waitForCallback',
          inputMappings: [{ target: 'taskToken', source: '$context.task.token' }],
          serviceParams: { MessageBody: '$', Priority: 1 },
          outputMappings: [{ target: 'k', source: '$local.key' }],
        },
      ]),
      { tasks: { invoke: (r) => (seen.push(r.parameters), null) }, newTaskToken: () => 'tok' },
    );
    await until(() => handle.pendingTaskTokens().length === 1, 'the callback');
    assert.deepEqual(seen, [{ MessageBody: { taskToken: 'tok' }, Priority: 1 }]);
    handle.reportTaskSucceeded('tok', { key: 'value' });
    assert.deepEqual((await finished).result.output, { k: 'value' });
  });

  test('undocumented loop steps are refused with a clear message', async () => {
    const { result } = await run(legacy([{ type: 'loop', name: 'l', steps: [] }]));
    assert.equal(result.error, 'FnF.InvalidDefinition');
    assert.match(result.cause!, /loop steps are not documented/);
  });

  test('a step over 32 KiB (input + output + local) fails', async () => {
    const { result } = await run(
      legacy([{ type: 'pass', name: 'big', outputMappings: [{ target: 'copy', source: '$input.s' }] }]),
      {
        input: { s: 'x'.repeat(17000) },
      },
    );
    assert.equal(result.error, 'FnF.LimitExceeded');
    assert.match(result.cause!, /step "big": its input, output and local together are \d+ bytes/);
  });
});

describe('documented legacy examples', () => {
  test('foreach example: toUpperCase per name, collected with $local[*].name', async () => {
    const { result } = await run(loadFlow('flows/foreach-steps.yaml'), { input: { names: ['a', 'b', 'c'] } });
    assert.deepEqual(result.output, { names: ['A', 'B', 'C'] });
  });

  const trip = {
    trip_order_id: 'trip-1',
    book_train_ticket_result: 'succeeded',
    book_flight_result: 'succeeded',
    book_hotel_result: 'succeeded',
    cancel_flight_result: 'succeeded',
    cancel_train_ticket_result: 'succeeded',
  };

  test('trip booking saga, happy path', async () => {
    const { result } = await run(loadFlow('flows/trip-booking-saga.yml'), { input: trip });
    assert.deepEqual(result, {
      status: 'Succeeded',
      output: {
        trip_order_id: 'trip-1',
        book_train_ticket_transaction_id: 'bookTrainTicket-new',
        book_flight_transaction_id: 'bookFlight-new',
        book_hotel_transaction_id: 'bookHotel-new',
      },
    });
  });

  test('trip booking saga: a failed hotel booking compensates the flight and the train, then fails', async () => {
    const { result, trace } = await run(loadFlow('flows/trip-booking-saga.yml'), {
      input: { ...trip, book_hotel_result: 'failed' },
    });
    assert.deepEqual(result, { status: 'Failed', error: '', cause: 'the flow reached the fail step "OrderFailed1"' });
    const entered = trace.filter((t) => t.startsWith('StepEntered')).map((t) => t.slice('StepEntered '.length));
    assert.deepEqual(entered, [
      'BookTrainTicket',
      'BookFlight',
      'BookHotel',
      'CancelFlight',
      'CancelTrainTicket',
      'OrderFailed1',
    ]);
  });
});
