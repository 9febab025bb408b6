import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usageError } from '../../../cli/src/command';

test('usageError exits with status 2', () => {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    assert.equal(usageError('x'), 2);
  } finally {
    process.stderr.write = write;
  }
});
