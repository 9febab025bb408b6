// What an execution that already started does while storage cannot be written (the behaviour
// emulator/README.md documents): its events are visible at once, but it reads as Running until
// its end is on disk; if the emulator stops before storage is back, the next start reports it as
// interrupted with the history that reached the disk, and nothing it never wrote.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../../emulator/src/server';
import type { LogFile } from '../../../emulator/src/store/appendLog';
import { INTERRUPTED_ERROR } from '../../../emulator/src/store/fnfStore';
import { eventually, FnfTestClient, tempDir, WAIT_FLOW } from './support';

type Events = { Type: string; EventDetail: string }[];

/** A log file whose writes fail with ENOSPC while `full` is set. */
function fullDisk(): { full: boolean; wrap: (file: LogFile) => LogFile } {
  const state = {
    full: false,
    wrap(file: LogFile): LogFile {
      return {
        async write(data, position) {
          if (state.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
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

describe('an execution while storage cannot be written', () => {
  test('reads as Running though its run ended; stopped before space returns, it restarts as interrupted with only what reached the disk', async () => {
    const dir = await tempDir();
    const disk = fullDisk();
    const emulator = await startEmulator({ port: 0, dataDir: dir.path, timeScale: 0.01, wrapLogFile: (_p, f) => disk.wrap(f), ...quiet });
    try {
      const client = new FnfTestClient(emulator.endpoint);
      await client.ok('CreateFlow', { Name: 'w', Definition: WAIT_FLOW, Description: '', Type: 'FDL' });
      // Every write of the start is on disk once StartExecution answers.
      await client.ok('StartExecution', { FlowName: 'w', ExecutionName: 'e', Input: '{"seconds":30}' });
      const onDisk = await eventually(async () => {
        const events = (await client.ok('GetExecutionHistory', { FlowName: 'w', ExecutionName: 'e', Limit: '999' }))['Events'] as Events;
        return events.some((e) => e.Type === 'StepStarted') ? events.length : undefined;
      }, 'the Wait state to start');
      disk.full = true;
      const history = await eventually(async () => {
        const events = (await client.ok('GetExecutionHistory', { FlowName: 'w', ExecutionName: 'e', Limit: '999' }))['Events'] as Events;
        return events.some((e) => e.Type === 'ExecutionSucceeded') ? events : undefined;
      }, 'the run to end in memory');
      // The run ended, but its end is not on disk: the execution does not read as finished.
      assert.equal((await client.ok('DescribeExecution', { FlowName: 'w', ExecutionName: 'e' }))['Status'], 'Running');
      assert.ok(history.length > onDisk);
      await emulator.close();

      const again = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      try {
        const c = new FnfTestClient(again.endpoint);
        const exec = await c.ok('DescribeExecution', { FlowName: 'w', ExecutionName: 'e' });
        assert.equal(exec['Status'], 'Failed');
        const replayed = (await c.ok('GetExecutionHistory', { FlowName: 'w', ExecutionName: 'e', Limit: '999' }))['Events'] as Events;
        // What reached the disk, then the interruption: none of the events that were only in memory.
        assert.deepEqual(replayed.slice(0, onDisk).map((e) => e.Type), history.slice(0, onDisk).map((e) => e.Type));
        assert.equal(replayed.length, onDisk + 1);
        assert.equal(replayed.at(-1)?.Type, 'ExecutionFailed');
        assert.equal(JSON.parse(String(replayed.at(-1)?.EventDetail))['error'], INTERRUPTED_ERROR);
      } finally {
        await again.close();
      }
    } finally {
      await emulator.close();
      await dir.remove();
    }
  });
});
