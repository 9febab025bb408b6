// The wait before validating after an edit follows what the document's validations cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS, ValidationPacer } from '../../../server/src/lsp/pacing';

function pacerAt(start = 1000): { pacer: ValidationPacer; clock: { t: number } } {
  const clock = { t: start };
  return { pacer: new ValidationPacer(() => clock.t), clock };
}

test('a document never validated waits the shortest time', () => {
  const { pacer } = pacerAt();
  assert.equal(pacer.delayFor('a'), MIN_DEBOUNCE_MS);
});

test('cheap validations wait the shortest time, costly ones twice their cost up to the longest wait', () => {
  const { pacer, clock } = pacerAt();
  pacer.record('small', 1);
  clock.t += 1000;
  assert.equal(pacer.delayFor('small'), MIN_DEBOUNCE_MS);
  pacer.record('medium', 40);
  clock.t += 1000;
  assert.equal(pacer.delayFor('medium'), 80);
  pacer.record('large', 900);
  clock.t += 1000;
  assert.equal(pacer.delayFor('large'), MAX_DEBOUNCE_MS);
});

test('the next validation starts no sooner than the last one\'s cost after it ended', () => {
  const { pacer, clock } = pacerAt();
  pacer.record('a', 300);
  clock.t += 10;
  assert.equal(pacer.delayFor('a'), 290, 'the rest of the 300 ms pause, longer than the 200 ms wait');
  clock.t += 250;
  assert.equal(pacer.delayFor('a'), MAX_DEBOUNCE_MS);
});

test('the validation of a document as it opens sets the typical cost but leaves no rest: the first edit waits only its quiet time', () => {
  const { pacer, clock } = pacerAt();
  pacer.recordOpening('a', 1500, false);
  clock.t += 10;
  assert.equal(pacer.delayFor('a'), MAX_DEBOUNCE_MS, 'the longest wait, not the rest of 1,500 ms');
  assert.equal(pacer.mayValidateEarly('a'), false, 'a costly document still waits for its quiet time');
  pacer.record('a', 1500);
  clock.t += 10;
  assert.equal(pacer.delayFor('a'), 1490, 'a costly validation while typing is rested as before');
});

test('the typical cost follows recent validations: after a whole parse, cheap edits soon wait little', () => {
  const { pacer, clock } = pacerAt();
  pacer.record('a', 300); // the whole flow, on open
  clock.t += 1000;
  pacer.record('a', 4); // an edit of one state
  clock.t += 1000;
  assert.equal(pacer.delayFor('a'), 156, 'twice (300 / 4 + 4 * 3 / 4)');
  pacer.record('a', 4);
  pacer.record('a', 4);
  clock.t += 1000;
  assert.equal(pacer.delayFor('a'), MIN_DEBOUNCE_MS, 'three cheap edits later, the shortest wait');
  pacer.forget('a');
  assert.equal(pacer.delayFor('a'), MIN_DEBOUNCE_MS);
});

test("where edits are re-checked alone, the opening validation's cost is no guide: the first edit waits the shortest time, and its cost teaches the wait", () => {
  const { pacer, clock } = pacerAt();
  pacer.recordOpening('a', 1500, true);
  clock.t += 10;
  assert.equal(pacer.delayFor('a'), MIN_DEBOUNCE_MS, 'no rest and no wait learnt from the whole document');
  assert.equal(pacer.mayValidateEarly('a'), false, 'an edit might cost the whole 1,500 ms: it waits for its quiet time');
  pacer.record('a', 3);
  clock.t += 10;
  assert.equal(pacer.delayFor('a'), MIN_DEBOUNCE_MS);
  assert.equal(pacer.mayValidateEarly('a'), true, 'a cheap edit measured: it may run before a request');
  pacer.record('a', 400); // an edit outside the state list: the whole document again
  clock.t += 10;
  assert.equal(pacer.delayFor('a'), 390, 'a costly validation while typing is rested as before');
  pacer.recordOpening('small', 2, true);
  assert.equal(pacer.mayValidateEarly('small'), true, 'in a small flow even a whole validation may run before a request');
});
