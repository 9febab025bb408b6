// What SyncRunRetention keeps of ended Express sync runs: the latest histories overall and those
// of the latest runs that did not succeed, the latest results of each flow, and nothing of a
// deleted flow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncRunRetention } from '../../../emulator/src/store/syncRunRetention';

interface Run {
  name: string;
  events: readonly unknown[];
  readonly exec: { readonly FlowId: string; readonly Status: string };
}

const run = (flowId: string, name: string, status = 'Succeeded'): Run => ({ name, events: [1, 2], exec: { FlowId: flowId, Status: status } });

describe('SyncRunRetention', () => {
  test('histories are let go oldest first across flows; results oldest first within each flow', () => {
    const kept = new SyncRunRetention<Run>(2, 2);
    const [a1, a2, b1, a3] = [run('A', 'a1'), run('A', 'a2'), run('B', 'b1'), run('A', 'a3')];
    assert.equal(kept.ended(a1, true), undefined);
    assert.equal(kept.ended(a2, true), undefined);
    assert.equal(kept.ended(b1, true), undefined);
    assert.deepEqual(a1.events, []);
    assert.deepEqual(a2.events, [1, 2]);
    assert.equal(kept.ended(a3, true)?.name, 'a1');
    assert.deepEqual(a2.events, []);
    assert.deepEqual(b1.events, [1, 2]);
  });

  test('the latest runs that did not succeed keep their history besides the latest runs, until their own limit', () => {
    const kept = new SyncRunRetention<Run>(2, 100, 2);
    const failed1 = run('A', 'failed1', 'Failed');
    const timedOut = run('A', 'timedOut', 'TimedOut');
    const failed3 = run('A', 'failed3', 'Failed');
    kept.ended(failed1, true);
    kept.ended(timedOut, true);
    const ok = [1, 2, 3].map((i) => run('A', `ok${i}`));
    for (const r of ok) kept.ended(r, true);
    // Out of the latest two long since, yet kept as one of the latest two that did not succeed.
    assert.deepEqual([failed1, timedOut].map((r) => r.events.length), [2, 2]);
    assert.deepEqual(ok.map((r) => r.events.length), [0, 2, 2]);
    kept.ended(failed3, true);
    assert.deepEqual([failed1, timedOut, failed3].map((r) => r.events.length), [0, 2, 2]);
    // Leaving the latest does not take the events of one the other list still keeps.
    kept.ended(run('A', 'ok4'), true);
    kept.ended(run('A', 'ok5'), true);
    assert.deepEqual(failed3.events.length, 2);
  });

  test('a result read back keeps no history and counts against its flow like any other', () => {
    const kept = new SyncRunRetention<Run>(5, 1);
    const replayed = run('A', 'old');
    assert.equal(kept.ended(replayed, false), undefined);
    assert.deepEqual(replayed.events, [1, 2], 'its events are not the retention\'s to drop');
    assert.equal(kept.ended(run('A', 'new'), true)?.name, 'old');
  });

  test('a deleted flow\'s runs are let go: later runs of other flows do not touch them', () => {
    const kept = new SyncRunRetention<Run>(2, 1);
    const a1 = run('A', 'a1');
    kept.ended(a1, true);
    kept.flowDeleted('A');
    assert.equal(kept.ended(run('B', 'b1'), true), undefined);
    assert.equal(kept.ended(run('B', 'b2'), true)?.name, 'b1');
    // Still tracked, a1 would have been the oldest history, emptied when b2 ended.
    assert.deepEqual(a1.events, [1, 2]);
  });
});
