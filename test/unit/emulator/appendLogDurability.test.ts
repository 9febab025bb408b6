// An append that asks only to be written resolves before its fsync and does not wait for one; an
// ordinary append still resolves only after an fsync that covers it, also in a batch with the former.
// The fsyncs of the former are paced: one per interval covers all written meanwhile.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AppendLog, type AppendLogOptions, type LogFile } from '../../../emulator/src/store/appendLog';
import { tempDir } from './support';

/** A file whose fsyncs wait until released, counting the ones asked for. */
function gatedSyncs(): { wrap: (file: LogFile) => LogFile; started: () => number; release: () => void } {
  let started = 0;
  let open: () => void = () => undefined;
  let gate = new Promise<void>((r) => (open = r));
  return {
    wrap: (file) => ({
      write: (data, position) => file.write(data, position),
      async datasync() {
        started++;
        await gate;
        return file.datasync();
      },
      truncate: (length) => file.truncate(length),
    }),
    started: () => started,
    release: () => {
      open();
      gate = new Promise<void>((r) => (open = r));
    },
  };
}

const settled = (p: Promise<unknown>): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]);

type Log = AppendLog<{ n: number }>;
type Syncs = ReturnType<typeof gatedSyncs>;

/** Runs `use` on a log in a fresh folder with gated fsyncs (it must close the log); resolves to what reads back after reopening it. */
async function onGatedLog(options: AppendLogOptions, use: (log: Log, syncs: Syncs) => Promise<void>): Promise<number[]> {
  const dir = await tempDir();
  const syncs = gatedSyncs();
  try {
    const path = join(dir.path, 'log.jsonl');
    const { log } = await AppendLog.open<{ n: number }>(path, { ...options, wrapFile: syncs.wrap });
    await use(log, syncs);
    const again = await AppendLog.open<{ n: number }>(path);
    await again.log.close();
    return again.records.map((r) => r.n);
  } finally {
    await dir.remove();
  }
}

/** Closes the log, releasing the fsync it waits for. */
async function closeReleasing(log: Log, syncs: Syncs): Promise<void> {
  const closed = log.close();
  syncs.release();
  await closed;
}

/** Waits until `count` fsyncs have started, bounded generously (a loaded machine may be slow). */
async function untilStarted(syncs: Syncs, count: number): Promise<number> {
  for (let waited = 0; syncs.started() < count && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  return syncs.started();
}

describe('AppendLog durability', () => {
  test("'written' appends resolve before the fsync that follows them; synced ones wait for it", async () => {
    const read = await onGatedLog({}, async (log, syncs) => {
      let applied = 0;
      assert.equal(await settled(log.append({ n: 1 }, { durability: 'written', onWritten: () => applied++ })), true);
      assert.equal(applied, 1);
      assert.equal(syncs.started(), 1, 'its fsync was started at once');
      // A batch with any synced record waits for its own fsync as a whole.
      const mixed = Promise.all([log.append({ n: 2 }, { durability: 'written' }), log.append({ n: 3 })]);
      assert.equal(await settled(mixed), false);
      syncs.release();
      await new Promise((r) => setTimeout(r, 20));
      syncs.release();
      assert.equal(await settled(mixed), true);
      await closeReleasing(log, syncs);
    });
    assert.deepEqual(read, [1, 2, 3]);
  });

  test("'written' appends right after an fsync wait for the next paced one, which comes by itself", async () => {
    const read = await onGatedLog({}, async (log, syncs) => {
      await log.append({ n: 1 }, { durability: 'written' });
      assert.equal(syncs.started(), 1);
      syncs.release();
      for (let n = 2; n <= 4; n++) assert.equal(await settled(log.append({ n }, { durability: 'written' })), true);
      assert.equal(await untilStarted(syncs, 2), 2, 'the paced fsync came without close');
      syncs.release();
      await closeReleasing(log, syncs);
    });
    assert.deepEqual(read, [1, 2, 3, 4]);
  });

  test('closing the log runs a waiting paced fsync instead of waiting for its turn', async () => {
    // An interval no test outlives: only close can start the second fsync.
    const read = await onGatedLog({ writtenSyncIntervalMs: 3_600_000 }, async (log, syncs) => {
      await log.append({ n: 1 }, { durability: 'written' });
      syncs.release();
      for (let n = 2; n <= 3; n++) assert.equal(await settled(log.append({ n }, { durability: 'written' })), true);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(syncs.started(), 1, 'no fsync per append: the next one waits for its turn');
      const closed = log.close();
      assert.equal(await untilStarted(syncs, 2), 2, 'close started the waiting fsync');
      assert.equal(await settled(closed), false, 'close waits for that fsync');
      syncs.release();
      await closed;
    });
    assert.deepEqual(read, [1, 2, 3]);
  });
});
