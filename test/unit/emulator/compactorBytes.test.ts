// The Compactor also counts bytes: a few large superseded records (10 MB uploads replaced again
// and again) are compacted away although they are far fewer than the record threshold.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppendLog } from '../../../emulator/src/store/appendLog';
import { Compactor } from '../../../emulator/src/store/compactor';
import { tempDir } from './support';

describe('compaction by bytes', () => {
  test('a file over twice its live bytes with enough garbage bytes is rewritten with the live records only', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'big.jsonl');
      const { log } = await AppendLog.open<{ name: string; text: string }>(path, { noSync: true });
      const latest = new Map<string, string>();
      // Many more records than these would be needed by count; 64 KiB of garbage is enough by bytes.
      const compactor = new Compactor(log, () => [...latest].map(([name, text]) => ({ name, text })), 10_000, () => undefined, 64 * 1024);
      await compactor.start();
      for (let i = 0; i < 6; i++) {
        const record = { name: 'upload.json', text: String(i).repeat(40 * 1024) };
        await log.append(record, { onWritten: () => latest.set(record.name, record.text) });
        compactor.maybeCompact();
        await compactor.idle();
      }
      await log.close();
      const size = (await stat(path)).size;
      // Six 40 KiB versions were written; at most the live one and the one or two since the last rewrite remain.
      assert.ok(size < 3 * 41 * 1024, `${size} bytes`);
      const reopened = await AppendLog.open<{ name: string; text: string }>(path, { noSync: true });
      assert.equal(reopened.records.at(-1)?.text, '5'.repeat(40 * 1024));
      await reopened.log.close();
    } finally {
      await dir.remove();
    }
  });
});
