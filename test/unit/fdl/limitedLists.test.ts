// A long flow's outline and folding stop at their limits: what is computed up to the limit is
// exactly what cutting the whole list would keep, in YAML and JSON, with nested states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { limitFoldingRanges, limitSymbols } from '../../../server/src/service/itemLimits';
import { generateFdl } from '../../../bench/lib/generate';

const root = join(import.meta.dirname, '..', '..', '..');
const yamlFlow = generateFdl(300);
const FLOWS = [
  { uri: 'file:///w/long.flow.yaml', languageId: 'yaml', text: yamlFlow },
  { uri: 'file:///w/long.flow.json', languageId: 'json', text: JSON.stringify(load(yamlFlow), null, 2) },
  // Parallel branches and a Map processor: nested outlines and deeper folds.
  { uri: 'file:///w/order.flow.yaml', languageId: 'yaml', text: readFileSync(join(root, 'examples', 'order-processing.flow.yaml'), 'utf8') },
];

for (const flow of FLOWS) {
  test(`${flow.uri.split('/').pop()}: each limit keeps what cutting the whole list keeps, and says so`, () => {
    const service = createLanguageService();
    const doc = TextDocument.create(flow.uri, flow.languageId, 1, flow.text);
    const allSymbols = service.documentSymbols(doc);
    const allRanges = service.foldingRanges(doc);
    assert.ok(allSymbols.length > 3 && allRanges.length > 10, 'a flow with something to cut');
    for (const max of [0, 1, 2, 3, 7, 50, 299, 300, 301, 1000, 5000]) {
      let symbolsCut = false;
      let rangesCut = false;
      const symbols = service.documentSymbols(doc, { max, onExceeded: () => (symbolsCut = true) });
      const ranges = service.foldingRanges(doc, { max, onExceeded: () => (rangesCut = true) });
      const expectedSymbols = limitSymbols(allSymbols, max);
      assert.deepEqual(symbols, expectedSymbols.items, `outline within ${max}`);
      assert.equal(symbolsCut, expectedSymbols.exceeded, `outline cut at ${max}`);
      assert.deepEqual(ranges, limitFoldingRanges(allRanges, max), `folding within ${max}`);
      assert.equal(rangesCut, allRanges.length > max, `folding cut at ${max}`);
    }
  });
}
