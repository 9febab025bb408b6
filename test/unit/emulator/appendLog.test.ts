import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppendLog } from '../../../emulator/src/store/appendLog';
import { tempDir } from './support';

describe('AppendLog', () => {
  test('records appended are read back in order after reopening', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      const first = await AppendLog.open<{ n: number }>(path);
      assert.deepEqual(first.records, []);
      // Concurrent appends are grouped into shared writes but keep their order.
      await Promise.all(Array.from({ length: 50 }, (_, n) => first.log.append({ n })));
      await first.log.close();
      const again = await AppendLog.open<{ n: number }>(path);
      assert.deepEqual(again.records.map((r) => r.n), Array.from({ length: 50 }, (_, n) => n));
      await again.log.append({ n: 50 });
      await again.log.close();
      assert.equal((await readFile(path, 'utf8')).trim().split('\n').length, 51);
    } finally {
      await dir.remove();
    }
  });

  test('a torn last line (crash mid-write) is dropped and the log continues after the last whole record', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      await writeFile(path, '{"n":1}\n{"n":2}\n{"n":');
      const { log, records } = await AppendLog.open<{ n: number }>(path);
      assert.deepEqual(records, [{ n: 1 }, { n: 2 }]);
      await log.append({ n: 3 });
      await log.close();
      // Old plain lines are kept as they were; the new record carries its length and checksum.
      assert.match(await readFile(path, 'utf8'), /^\{"n":1\}\n\{"n":2\}\n\{"n":3\}\t7:[0-9a-f]{8}\n$/);
    } finally {
      await dir.remove();
    }
  });

  test('a damaged line before the end is reported with its line number, not silently skipped', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      await writeFile(path, '{"n":1}\nnot json\n');
      await appendFile(path, '{"n":3}\n');
      await assert.rejects(AppendLog.open(path), /log\.jsonl:2: the record at byte 8 is damaged \(it is not valid JSON\).*cut it at byte 8/);
    } finally {
      await dir.remove();
    }
  });

  test('appending after close fails with a clear error', async () => {
    const dir = await tempDir();
    try {
      const { log } = await AppendLog.open(join(dir.path, 'log.jsonl'));
      await log.close();
      await assert.rejects(log.append({}), /is closed/);
    } finally {
      await dir.remove();
    }
  });
});
