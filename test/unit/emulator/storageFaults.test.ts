// Fault injection on the emulator's storage: a full disk (an injected ENOSPC), writes cut half
// way, damaged tails, and races of one name under concurrency. Each test checks the two promises
// of the log: nothing acknowledged is lost, nothing unacknowledged appears.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppendLog, type LogFile } from '../../../emulator/src/store/appendLog';
import { encodeRecord } from '../../../emulator/src/store/recordFormat';
import { startEmulator } from '../../../emulator/src/server';
import { eventually, FnfTestClient, PASS_CHOICE_FLOW, tempDir, WAIT_FLOW } from './support';

/** A log file whose writes fail with ENOSPC while `full` is set; `partial` writes half first. */
function fullDisk(): { full: boolean; partial: boolean; wrap: (file: LogFile) => LogFile } {
  const state = {
    full: false,
    partial: false,
    wrap(file: LogFile): LogFile {
      return {
        async write(data, position) {
          if (state.full) {
            if (state.partial && data.length > 1) await file.write(data.subarray(0, Math.floor(data.length / 2)), position);
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return file.write(data, position);
        },
        datasync: () => file.datasync(),
        truncate: (length) => file.truncate(length),
      };
    },
  };
  return state;
}

const quiet = { onWarning: () => undefined, onError: () => undefined };

describe('storage faults', () => {
  test('a full disk: appends reject, the file is cut back to whole records, later appends and a reopen are clean', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      const disk = fullDisk();
      const warnings: string[] = [];
      const { log } = await AppendLog.open<{ n: number }>(path, { wrapFile: disk.wrap, warn: (m) => warnings.push(m) });
      await log.append({ n: 1 });
      disk.full = true;
      disk.partial = true;
      await assert.rejects(log.append({ n: 2 }), (e: Error) => e.name === 'StorageUnavailableError' && /ENOSPC: the disk is full/.test(e.message));
      disk.full = false;
      await log.append({ n: 3 });
      await log.close();
      assert.ok(warnings.some((w) => /could not write/.test(w)), 'the failure is said once');
      assert.ok(warnings.some((w) => /writes succeed again/.test(w)), 'and so is the recovery');
      const again = await AppendLog.open<{ n: number }>(path, { warn: (m) => warnings.push(m) });
      assert.deepEqual(again.records.map((r) => r.n), [1, 3], 'acknowledged records kept, the refused one absent');
      await again.log.close();
    } finally {
      await dir.remove();
    }
  });

  test('appends marked untilWritten wait through a full disk and land in order', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      const disk = fullDisk();
      const { log } = await AppendLog.open<{ n: number }>(path, { wrapFile: disk.wrap, warn: () => undefined, retryMs: 1 });
      disk.full = true;
      let landed = 0;
      const waiting = [1, 2, 3].map((n) => log.append({ n }, { untilWritten: true }).then(() => landed++));
      await assert.rejects(log.append({ n: 99 }), /could not write/);
      assert.equal(landed, 0);
      disk.full = false;
      await Promise.all(waiting);
      await log.close();
      const again = await AppendLog.open<{ n: number }>(path);
      assert.deepEqual(again.records.map((r) => r.n), [1, 2, 3]);
      await again.log.close();
    } finally {
      await dir.remove();
    }
  });

  test('StartExecution on a full disk answers 503, leaves no Running execution, and works once space is back', async () => {
    const dir = await tempDir();
    const disk = fullDisk();
    const emulator = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 0.001, wrapLogFile: (_p, f) => disk.wrap(f), ...quiet });
    try {
      const client = new FnfTestClient(emulator.endpoint);
      await client.ok('CreateFlow', { Name: 'f', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      disk.full = true;
      disk.partial = true;
      const refused = await client.call('StartExecution', { FlowName: 'f', ExecutionName: 'e1' });
      assert.equal(refused.status, 503);
      assert.equal(refused.body['Code'], 'ServiceUnavailable');
      const created = await client.call('CreateFlow', { Name: 'g', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      assert.equal(created.status, 503);
      const gone = await client.call('DescribeExecution', { FlowName: 'f', ExecutionName: 'e1' });
      assert.equal(gone.body['Code'], 'ExecutionNotExists', 'a refused start leaves nothing behind');
      disk.full = false;
      await client.ok('StartExecution', { FlowName: 'f', ExecutionName: 'e1' });
      const done = await client.ok('DescribeExecution', { FlowName: 'f', ExecutionName: 'e1', WaitTimeSeconds: '10' });
      assert.equal(done['Status'], 'Succeeded');
    } finally {
      await emulator.close();
    }
    const again = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
    try {
      const client = new FnfTestClient(again.endpoint);
      assert.equal((await client.ok('DescribeExecution', { FlowName: 'f', ExecutionName: 'e1' }))['Status'], 'Succeeded');
      assert.equal((await client.call('DescribeFlow', { Name: 'g' })).body['Code'], 'FlowNotExists');
    } finally {
      await again.close();
      await dir.remove();
    }
  });

  test('an execution whose end meets a full disk ends once space is back, with its whole history', async () => {
    const dir = await tempDir();
    const disk = fullDisk();
    const emulator = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 0.001, wrapLogFile: (_p, f) => disk.wrap(f), ...quiet });
    try {
      const client = new FnfTestClient(emulator.endpoint);
      await client.ok('CreateFlow', { Name: 'w', Definition: WAIT_FLOW, Description: '', Type: 'FDL' });
      await client.ok('StartExecution', { FlowName: 'w', ExecutionName: 'e', Input: '{"seconds":20}' });
      disk.full = true;
      // The run ends while the disk is full; it cannot read as finished before its end is on disk.
      await new Promise<void>((r) => setTimeout(r, 100));
      assert.equal((await client.ok('DescribeExecution', { FlowName: 'w', ExecutionName: 'e' }))['Status'], 'Running');
      disk.full = false;
      const done = await client.ok('DescribeExecution', { FlowName: 'w', ExecutionName: 'e', WaitTimeSeconds: '20' });
      assert.equal(done['Status'], 'Succeeded');
      const live = (await client.ok('GetExecutionHistory', { FlowName: 'w', ExecutionName: 'e', Limit: '999' }))['Events'];
      await emulator.close();
      const again = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      try {
        const replayed = (await new FnfTestClient(again.endpoint).ok('GetExecutionHistory', { FlowName: 'w', ExecutionName: 'e', Limit: '999' }))['Events'];
        assert.deepEqual(replayed, live);
      } finally {
        await again.close();
      }
    } finally {
      await emulator.close();
      await dir.remove();
    }
  });

  test('damaged tails are cut off and reported; damage before the tail refuses to open with the byte to cut at', async () => {
    const whole = Buffer.concat([encodeRecord({ n: 1 }), encodeRecord({ n: 2 })]);
    const cases: { name: string; tail: Buffer; why: RegExp }[] = [
      { name: 'torn record', tail: encodeRecord({ n: 3 }).subarray(0, 9), why: /no newline/ },
      { name: 'checksum mismatch', tail: Buffer.from(encodeRecord({ n: 3 }).toString('latin1').replace('"n":3', '"n":4'), 'latin1'), why: /checksum does not match/ },
      { name: 'trailing garbage', tail: Buffer.from('garbage\n\x00\x00\x00'), why: /not valid JSON/ },
      { name: 'zero-filled tail', tail: Buffer.alloc(4096), why: /no newline/ },
      { name: 'null line', tail: Buffer.from('null\n'), why: /not a JSON object/ },
      { name: 'invalid UTF-8', tail: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x0a]), why: /not valid JSON/ },
    ];
    for (const c of cases) {
      const dir = await tempDir();
      try {
        const path = join(dir.path, 'log.jsonl');
        await writeFile(path, Buffer.concat([whole, c.tail]));
        const warnings: string[] = [];
        const { log, records } = await AppendLog.open<{ n: number }>(path, { warn: (m) => warnings.push(m) });
        assert.deepEqual(records.map((r) => r.n), [1, 2], c.name);
        assert.equal(warnings.length, 1, c.name);
        assert.match(warnings[0] as string, new RegExp(`dropped a damaged tail of ${c.tail.length} byte\\(s\\)`), c.name);
        assert.match(warnings[0] as string, c.why, c.name);
        await log.append({ n: 5 });
        await log.close();
        const again = await AppendLog.open<{ n: number }>(path);
        assert.deepEqual(again.records.map((r) => r.n), [1, 2, 5], `${c.name}: the next append is not glued to leftovers`);
        await again.log.close();
        // Damage with whole records after it is not a torn tail.
        await writeFile(path, Buffer.concat([whole, c.tail, Buffer.from('\n'), encodeRecord({ n: 6 })]));
        await assert.rejects(AppendLog.open(path), new RegExp(`:3: the record at byte ${whole.length} is damaged.*truncate -s ${whole.length}`), c.name);
        assert.equal((await readFile(path)).length, whole.length + c.tail.length + 1 + encodeRecord({ n: 6 }).length, 'left unchanged');
      } finally {
        await dir.remove();
      }
    }
  });

  test('an invalid UTF-8 byte inside an older plain record does not shift where the next record goes', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      await writeFile(path, Buffer.concat([Buffer.from('{"n":1,"s":"'), Buffer.from([0xff]), Buffer.from('"}\n{"n":2}\n')]));
      for (const n of [3, 4]) {
        const { log } = await AppendLog.open<{ n: number }>(path);
        await log.append({ n });
        await log.close();
      }
      const { log, records } = await AppendLog.open<{ n: number }>(path);
      assert.deepEqual(records.map((r) => r.n), [1, 2, 3, 4]);
      await log.close();
    } finally {
      await dir.remove();
    }
  });

  test('100 concurrent CreateFlow of one name: exactly one succeeds and it is the one kept', async () => {
    const dir = await tempDir();
    const emulator = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
    try {
      const client = new FnfTestClient(emulator.endpoint);
      const answers = await Promise.all(Array.from({ length: 100 }, () => client.call('CreateFlow', { Name: 'race', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' })));
      const ok = answers.filter((a) => a.status === 200);
      assert.equal(ok.length, 1);
      assert.ok(answers.filter((a) => a.status !== 200).every((a) => a.body['Code'] === 'FlowAlreadyExists'));
      await emulator.close();
      const again = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      try {
        assert.equal((await new FnfTestClient(again.endpoint).ok('DescribeFlow', { Name: 'race' }))['Id'], ok[0]?.body['Id']);
      } finally {
        await again.close();
      }
    } finally {
      await emulator.close();
      await dir.remove();
    }
  });

  test('create/delete/start race: every StartExecution answered 200 can be described, before and after a restart', async () => {
    const dir = await tempDir();
    const emulator = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 0.001, ...quiet });
    const started: string[] = [];
    try {
      const client = new FnfTestClient(emulator.endpoint);
      const creates = Array.from({ length: 20 }, () => client.call('CreateFlow', { Name: 'r', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' }));
      const starts = Array.from({ length: 120 }, (_, i) =>
        client.call('StartExecution', { FlowName: 'r', ExecutionName: `e${i}` }).then((a) => {
          if (a.status === 200) started.push(`e${i}`);
          else assert.equal(a.body['Code'], 'FlowNotExists');
        }));
      await Promise.all([...creates, ...starts]);
      assert.ok(started.length > 0);
      for (const name of started) {
        await client.ok('DescribeExecution', { FlowName: 'r', ExecutionName: name, WaitTimeSeconds: '10' });
      }
      await emulator.close();
      const again = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      try {
        const c2 = new FnfTestClient(again.endpoint);
        const listed = await eventually(async () => {
          const names: string[] = [];
          let token: string | undefined;
          do {
            const page = await c2.ok('ListExecutions', { FlowName: 'r', Limit: '100', ...(token ? { NextToken: token } : {}) });
            for (const e of page['Executions'] as { Name: string }[]) names.push(e.Name);
            token = page['NextToken'] as string | undefined;
          } while (token);
          return names;
        }, 'the list');
        assert.deepEqual([...listed].sort(), [...started].sort(), 'exactly the acknowledged starts');
      } finally {
        await again.close();
      }
    } finally {
      await emulator.close();
      await dir.remove();
    }
  });

  test('a torn tail in the fnf log is reported on start, naming the file', async () => {
    const dir = await tempDir();
    try {
      const first = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      await new FnfTestClient(first.endpoint).ok('CreateFlow', { Name: 'kept', Definition: PASS_CHOICE_FLOW, Description: '', Type: 'FDL' });
      await first.close();
      await appendFile(join(dir.path, 'fnf.jsonl'), '{"k":"flow","flow":{"Na');
      const warnings: string[] = [];
      const second = await startEmulator({ port: 0, dataDir: dir.path, onWarning: (m) => warnings.push(m) });
      try {
        assert.equal(warnings.length, 1);
        assert.match(warnings[0] as string, /fnf\.jsonl: dropped a damaged tail of 23 byte\(s\) in 1 line\(s\)/);
        await new FnfTestClient(second.endpoint).ok('DescribeFlow', { Name: 'kept' });
      } finally {
        await second.close();
      }
    } finally {
      await dir.remove();
    }
  });
});
