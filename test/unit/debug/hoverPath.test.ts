// The expression a debug hover evaluates: the whole FDL path under the mouse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathAt } from '../../../client/src/debug/fdlPath';

test('a hover covers the whole variable path, from any character of it', () => {
  const line = '      Condition: $Input.order.lines[0].sku == "" && $Context.Current.RetryCount > 1';
  const start = line.indexOf('$Input');
  for (const c of [start, start + 3, start + 14, start + 24]) {
    assert.deepEqual(pathAt(line, c), { text: '$Input.order.lines[0].sku', start, end: start + '$Input.order.lines[0].sku'.length });
  }
  assert.equal(pathAt(line, line.indexOf('$Context') + 10)?.text, '$Context.Current.RetryCount');
  assert.equal(pathAt(line, 3), undefined);
  assert.equal(pathAt('  source: $.list', 13)?.text, '$.list');
});
