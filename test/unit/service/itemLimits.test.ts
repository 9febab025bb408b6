// Outline symbols and folding ranges beyond a limit: which ones are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { limitFoldingRanges, limitSymbols } from '../../../server/src/service/itemLimits';

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

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const sym = (name: string, children: DocumentSymbol[] = []): DocumentSymbol => ({ name, kind: SymbolKind.Object, range, selectionRange: range, children });
const names = (list: readonly DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? []).map((n) => `${s.name}/${n}`)]);
// A, B (holding B1, B2), C
const OUTLINE = [sym('A'), sym('B', [sym('B1'), sym('B2')]), sym('C')];

test('symbols within the limit are returned as they are', () => {
  for (const limit of [5, 6, 100]) {
    const { items, exceeded } = limitSymbols(OUTLINE, limit);
    assert.deepEqual(names(items), ['A', 'B', 'B/B1', 'B/B2', 'C']);
    assert.equal(exceeded, false);
    assert.equal(items[1], OUTLINE[1], 'an untouched symbol is not copied');
  }
});

test('over the limit, the first symbols as the outline reads top down, nested ones included', () => {
  assert.deepEqual(names(limitSymbols(OUTLINE, 3).items), ['A', 'B', 'B/B1']);
  assert.deepEqual(names(limitSymbols(OUTLINE, 4).items), ['A', 'B', 'B/B1', 'B/B2']);
  assert.deepEqual(names(limitSymbols(OUTLINE, 1).items), ['A']);
  assert.deepEqual(limitSymbols(OUTLINE, 0).items, []);
  for (const limit of [0, 1, 3, 4]) assert.equal(limitSymbols(OUTLINE, limit).exceeded, true, `limit ${limit}`);
  assert.equal(OUTLINE[1]!.children!.length, 2, 'the input is left as it was');
});
