// The serialised text of the engine's values: a large value's text is remembered per object (the
// interpreter never changes a value, so several events share one text); a small value is written
// out again each time, as remembering it cost more than writing it. Changing a value after its
// text was taken, which the interpreter never does, shows which of the two happened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../../emulator/src/engine';
import { jsonBytes, jsonText } from '../../../emulator/src/engine/json';

test('text and byte counts are those of JSON.stringify, for small and large values', () => {
  const values: JsonValue[] = [null, 0, 'naïve', [1, 'two'], { v: 1 }, { text: '数据'.repeat(600) }, Array.from({ length: 300 }, (_, i) => i)];
  for (const v of values) {
    assert.equal(jsonText(v), JSON.stringify(v));
    assert.equal(jsonBytes(v), Buffer.byteLength(JSON.stringify(v)));
  }
});

test('a large value is written out once; a small one each time', () => {
  const large: { [key: string]: JsonValue } = { items: Array.from({ length: 400 }, (_, i) => `item-${i}`) };
  const small: { [key: string]: JsonValue } = { v: 1 };
  const largeText = jsonText(large);
  assert.equal(jsonText(small), '{"v":1}');
  // Another value in between, so the one-value memo in front holds neither.
  jsonText({ other: true });
  large['items'] = [];
  small['v'] = 2;
  jsonText({ other: true });
  assert.equal(jsonText(large), largeText, 'the large value\'s text was remembered');
  assert.equal(jsonText(small), '{"v":2}', 'the small value was written out again');
});
