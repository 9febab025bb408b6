// UUIDs as the services and Node write them: version 4, the RFC 4122 variant, 122 random bits,
// never repeated, in either case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuidV4 } from '../../../cloud/src/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('writes version 4 UUIDs of the RFC 4122 variant, lower case unless asked, never the same twice', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const upper = i % 3 === 0;
    const id = uuidV4(upper);
    assert.match(upper ? id.toLowerCase() : id, V4, id);
    assert.equal(id, upper ? id.toUpperCase() : id.toLowerCase());
    assert.ok(!seen.has(id.toLowerCase()), `${id} came twice`);
    seen.add(id.toLowerCase());
  }
});

test('every random hex digit takes every value about equally often', () => {
  // 32 digits, of which the version digit is fixed and the variant digit takes 8-b only.
  const counts = Array.from({ length: 32 }, () => new Array<number>(16).fill(0));
  const n = 16_000;
  for (let i = 0; i < n; i++) {
    const digits = uuidV4().replaceAll('-', '');
    for (let d = 0; d < 32; d++) (counts[d] as number[])[parseInt(digits[d] as string, 16)]!++;
  }
  for (let d = 0; d < 32; d++) {
    const row = counts[d] as number[];
    if (d === 12) {
      assert.equal(row[4], n);
      continue;
    }
    const values = d === 16 ? [8, 9, 10, 11] : Array.from({ length: 16 }, (_, v) => v);
    const expected = n / values.length;
    // Each count is within 25% of its expectation (about 8 standard deviations at these sizes).
    for (const v of values) assert.ok(Math.abs((row[v] as number) - expected) < expected / 4, `digit ${d} was ${v.toString(16)} ${row[v]} times of ${n}`);
    assert.equal(values.reduce((sum, v) => sum + (row[v] as number), 0), n, `digit ${d} left its range`);
  }
});
