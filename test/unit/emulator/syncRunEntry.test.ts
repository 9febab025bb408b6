// SyncRunEntry: an Express sync run's events kept as recorded and written out when read, in order,
// whether they are read once at the end or several times while the run goes on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordedEvent } from '../../../emulator/src/engine';
import { SyncRunEntry } from '../../../emulator/src/store/syncRunEntry';
import type { StoredExecution } from '../../../emulator/src/store/records';

const exec = { FlowName: 'f', FlowId: 'id', Name: 'run' } as StoredExecution;

const recorded = (id: number, fields?: RecordedEvent['fields']): RecordedEvent => ({
  EventId: id, ScheduleEventId: id - 1, Type: 'StepEntered', StepName: `S${id}`, Time: '2026-01-01T00:00:00.000Z', fields,
});

describe('SyncRunEntry', () => {
  test('recorded events read as history events, their details written out', () => {
    const entry = new SyncRunEntry(exec);
    entry.record(recorded(1, { input: { a: [1, 'x'] } }));
    entry.record(recorded(2));
    assert.deepEqual(entry.events, [
      { EventId: 1, ScheduleEventId: 0, Type: 'StepEntered', StepName: 'S1', Time: '2026-01-01T00:00:00.000Z', EventDetail: '{"input":{"a":[1,"x"]}}' },
      { EventId: 2, ScheduleEventId: 1, Type: 'StepEntered', StepName: 'S2', Time: '2026-01-01T00:00:00.000Z', EventDetail: '{}' },
    ]);
  });

  test('read while the run goes on, the history keeps its order and each event is written once', () => {
    const entry = new SyncRunEntry(exec);
    entry.record(recorded(1, { output: 1 }));
    const first = entry.events[0];
    entry.record(recorded(2, { output: 2 }));
    entry.record(recorded(3, { output: 3 }));
    assert.deepEqual(entry.events.map((e) => e.EventId), [1, 2, 3]);
    assert.equal(entry.events[0], first);
    assert.deepEqual(entry.events.map((e) => e.EventDetail), ['{"output":1}', '{"output":2}', '{"output":3}']);
  });

  test('letting the history go drops what was recorded but not yet read', () => {
    const entry = new SyncRunEntry(exec);
    entry.record(recorded(1));
    entry.events = [];
    assert.deepEqual(entry.events, []);
    assert.equal(entry.resultOnly, true);
  });
});
