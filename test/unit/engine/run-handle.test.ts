// The RunHandle contract: events start after startRun returns, long synchronous chains let the
// event loop in, limits can be tightened, and a compiled definition is reused safely.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startRun, type HistoryEvent, type JsonValue } from '../../../emulator/src/engine';
import { flow, run, workspaceTasks } from './helpers';

const chain = (n: number): JsonValue =>
  flow(
    Array.from({ length: n }, (_, i) => ({
      Type: 'Pass',
      Name: `S${i}`,
      ...(i === n - 1 ? { End: true } : { Next: `S${i + 1}` }),
    })),
  );

describe('RunHandle', () => {
  test('startRun returns before the first event; events arrive in EventId order', async () => {
    const events: HistoryEvent[] = [];
    const handle = startRun({
      definition: chain(3),
      input: {},
      flowName: 'f',
      executionName: 'e',
      tasks: workspaceTasks(),
      onEvent: (e) => events.push(e),
    });
    assert.equal(events.length, 0);
    const result = await handle.done;
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual(
      events.map((e) => e.EventId),
      Array.from({ length: events.length }, (_, i) => i + 1),
    );
  });

  test('a long chain of synchronous states yields to the event loop while it runs', async () => {
    let otherWorkRanAt = -1;
    const events: HistoryEvent[] = [];
    const handle = startRun({
      definition: chain(1200),
      input: {},
      flowName: 'f',
      executionName: 'e',
      tasks: workspaceTasks(),
      onEvent: (e) => events.push(e),
    });
    setImmediate(() => (otherWorkRanAt = events.length));
    assert.equal((await handle.done).status, 'Succeeded');
    assert.ok(
      otherWorkRanAt > 0 && otherWorkRanAt < events.length,
      `other work ran after ${otherWorkRanAt} of ${events.length} events`,
    );
  });

  test('limits can be tightened per run', async () => {
    const { result } = await run(chain(5), { limits: { maxEvents: 10 } });
    assert.equal(result.error, 'FnF.LimitExceeded');
    assert.match(result.cause!, /reached 10 history events/);
  });

  test('one definition object runs many times, concurrently, with independent results', async () => {
    const definition = flow([{ Type: 'Pass', Name: 'Echo', InputConstructor: { 'v.$': '$Input.v' }, End: true }]);
    const results = await Promise.all([1, 2, 3].map((v) => run(definition, { input: { v } })));
    assert.deepEqual(
      results.map((r) => r.result.output),
      [{ v: 1 }, { v: 2 }, { v: 3 }],
    );
    // An invalid definition fails every run the same way.
    const bad = flow([{ Type: 'Pass', Name: 'A', Next: 'Missing' }]);
    for (let i = 0; i < 2; i++) assert.equal((await run(bad)).result.error, 'FnF.InvalidDefinition');
  });
});
