// Values nested deeper than the engine follows fail the execution with FnF.LimitExceeded and a
// history that says so, instead of a stack overflow with no events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../../emulator/src/engine';
import { MAX_VALUE_DEPTH, valueDepth } from '../../../emulator/src/engine/json';
import { detail, flow, run } from './helpers';

function nested(levels: number): JsonValue {
  let v: JsonValue = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

test('valueDepth counts without recursion and stops past its limit', () => {
  assert.equal(valueDepth(1), 0);
  assert.equal(valueDepth({ a: [1, { b: 2 }] }), 3);
  assert.equal(valueDepth(nested(200_000), 10), 11);
});

test('an execution input 5,000 levels deep fails with FnF.LimitExceeded and two events', async () => {
  const { result, trace, events } = await run(flow([{ Type: 'Pass', Name: 'P', End: true }]), { input: nested(5000) });
  assert.equal(result.status, 'Failed');
  assert.equal(result.error, 'FnF.LimitExceeded');
  assert.match(result.cause ?? '', new RegExp(`more than ${MAX_VALUE_DEPTH} levels`));
  assert.deepEqual(trace, ['ExecutionStarted', 'ExecutionFailed']);
  assert.equal(detail(events[0])['input'], null);
});

test('an input within the limit runs', async () => {
  const { result } = await run(flow([{ Type: 'Pass', Name: 'P', End: true }]), { input: { x: nested(MAX_VALUE_DEPTH - 5) } });
  assert.equal(result.status, 'Succeeded');
});
