// Folding ranges beyond the client's limit: the outermost levels are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limitFoldingRanges } from '../../../server/src/lsp/foldingLimit';

const r = (startLine: number, endLine: number) => ({ startLine, endLine });
// States: 0-20 holds three states (1-6, 7-13, 14-20), each holding one block.
const RANGES = [r(0, 20), r(1, 6), r(2, 4), r(7, 13), r(8, 10), r(14, 20), r(15, 18)];

test('under the limit (or without one) every range is kept', () => {
  assert.deepEqual(limitFoldingRanges(RANGES, undefined), RANGES);
  assert.deepEqual(limitFoldingRanges(RANGES, 7), RANGES);
});

test('over the limit, whole outer levels first, then the next level in document order', () => {
  assert.deepEqual(limitFoldingRanges(RANGES, 1), [r(0, 20)]);
  assert.deepEqual(limitFoldingRanges(RANGES, 4), [r(0, 20), r(1, 6), r(7, 13), r(14, 20)]);
  assert.deepEqual(limitFoldingRanges(RANGES, 5), [r(0, 20), r(1, 6), r(2, 4), r(7, 13), r(14, 20)]);
  assert.deepEqual(limitFoldingRanges(RANGES, 0), []);
});
