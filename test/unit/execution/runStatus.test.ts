import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStateRun, stateRuns } from '../../../client/src/execution/views/runStatus';

const labels = { running: 'running', runs: (n: number) => `${n} runs`, failed: 'failed', didNotFinish: 'did not finish' };

let id = 0;
const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, 0, ms)).toISOString();
const ev = (Type: string, StepName: string, ms: number, EventDetail?: unknown) => ({ EventId: ++id, Type, StepName, Time: at(ms), EventDetail });

describe('run status of each state', () => {
  test('entered and exited: succeeded, with the time it took', () => {
    const runs = stateRuns([ev('ExecutionStarted', '', 0), ev('StepEntered', 'Check', 10), ev('StepSucceeded', 'Check', 25), ev('StepExited', 'Check', 30)]);
    assert.equal(describeStateRun(runs.get('Check')!, labels), '✓ 20 ms');
  });

  test('a state still running, then a state entered once per Map item', () => {
    const running = stateRuns([ev('StepEntered', 'Wait', 0)]);
    assert.equal(describeStateRun(running.get('Wait')!, labels), '… running');
    const items = stateRuns([ev('StepEntered', 'Price', 0), ev('StepExited', 'Price', 5), ev('StepEntered', 'Price', 6), ev('StepExited', 'Price', 1500)]);
    assert.equal(describeStateRun(items.get('Price')!, labels), '✓ 2 runs · 1.5 s');
  });

  test('a failure sticks, with its error and cause; an unfinished state is marked when the execution ends', () => {
    const runs = stateRuns([
      ev('StepEntered', 'Charge', 0),
      ev('StepFailed', 'Charge', 5, '{"error":"CardDeclined","cause":"insufficient funds"}'),
      ev('StepEntered', 'Charge', 6),
      ev('StepExited', 'Charge', 7),
      ev('StepEntered', 'Ship', 8),
      ev('ExecutionFailed', '', 9, '{"error":"CardDeclined"}'),
    ]);
    assert.equal(describeStateRun(runs.get('Charge')!, labels), '✗ CardDeclined: insufficient funds');
    assert.equal(runs.get('Ship')!.status, 'stopped');
    assert.equal(describeStateRun(runs.get('Ship')!, labels), '■ did not finish');
    assert.deepEqual([...runs.keys()], ['Charge', 'Ship']);
  });
});
