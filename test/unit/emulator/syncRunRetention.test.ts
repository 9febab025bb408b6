// What SyncRunRetention keeps of ended Express sync runs: the latest histories overall, the latest
// results of each flow, and nothing of a deleted flow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncRunRetention } from '../../../emulator/src/store/syncRunRetention';

interface Run {
  name: string;
  events: readonly unknown[];
  readonly exec: { readonly FlowId: string };
}

const run = (flowId: string, name: string): Run => ({ name, events: [1, 2], exec: { FlowId: flowId } });

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
