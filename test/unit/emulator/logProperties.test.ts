// Property: whatever happens to the bytes of a log (cut anywhere, garbage appended, a byte
// changed), opening it either gives back a prefix of what was written, nothing invented, or
// refuses with DamagedLogError naming the byte; it never throws anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { AppendLog } from '../../../emulator/src/store/appendLog';
import { DamagedLogError } from '../../../emulator/src/store/recovery';
import { tempDir } from './support';

const RUNS = Number(process.env.FLOWDECK_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261202);

type Damage = { kind: 'cut'; at: number } | { kind: 'append'; bytes: Uint8Array } | { kind: 'flip'; at: number; value: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);

test('a damaged log opens to a prefix of its records or refuses clearly', async () => {
  const dir = await tempDir();
  try {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 12 }), fc.array(damage, { minLength: 1, maxLength: 3 }), async (values, damages) => {
        const path = join(dir.path, `log${round++}.jsonl`);
        const written = values.map((v, i) => ({ i, v }));
        const { log } = await AppendLog.open<{ i: number; v: unknown }>(path, { noSync: true });
        for (const r of written) await log.append(r);
        await log.close();
        let bytes: Buffer = await readFile(path);
        for (const d of damages) {
          if (d.kind === 'cut') bytes = bytes.subarray(0, d.at % (bytes.length + 1));
          else if (d.kind === 'append') bytes = Buffer.concat([bytes, Buffer.from(d.bytes)]);
          else if (bytes.length > 0) {
            bytes = Buffer.from(bytes);
            bytes[d.at % bytes.length] = d.value;
          }
        }
        await writeFile(path, bytes);
        try {
          const { log: again, records } = await AppendLog.open<{ i: number; v: unknown }>(path, { noSync: true, warn: () => undefined });
          await again.close();
          assert.deepEqual(records, written.slice(0, records.length), 'a prefix of what was written');
        } catch (err) {
          assert.ok(err instanceof DamagedLogError, `only DamagedLogError, got ${String(err)}`);
          assert.match(err.message, /the record at byte \d+ is damaged/);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  } finally {
    await dir.remove();
  }
});
