// An append that asks only to be written resolves before its fsync and does not wait for one; an
// ordinary append still resolves only after an fsync that covers it, also in a batch with the former.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AppendLog, type LogFile } from '../../../emulator/src/store/appendLog';
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

describe('AppendLog durability', () => {
  test("'written' appends resolve before the fsync that follows them; synced ones wait for it", async () => {
    const dir = await tempDir();
    const syncs = gatedSyncs();
    try {
      const path = join(dir.path, 'log.jsonl');
      const { log } = await AppendLog.open<{ n: number }>(path, { wrapFile: syncs.wrap });
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
      const closed = log.close();
      syncs.release();
      await closed;
      const again = await AppendLog.open<{ n: number }>(path);
      assert.deepEqual(again.records.map((r) => r.n), [1, 2, 3]);
      await again.log.close();
    } finally {
      await dir.remove();
    }
  });
});
