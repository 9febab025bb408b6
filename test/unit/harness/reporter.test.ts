import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Mocha from 'mocha';
import { attachFileReporter } from '../../integration/harness/reporter';

// mocha's runner is an EventEmitter; these are the events and payload fields the reporter reads
const suite = (title: string, root = false) => ({ title, root });
const testCase = (title: string, duration = 3) => ({ title, duration, fullTitle: () => `Suite ${title}` });

describe('integration report file', () => {
  test('lists suites and tests as they end, then failures, then the summary line last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-report-'));
    try {
      const file = join(dir, 'report.txt');
      const runner = new EventEmitter();
      const totals = attachFileReporter(runner as unknown as Mocha.Runner, file);
      runner.emit('suite', suite('', true));
      runner.emit('suite', suite('Suite'));
      runner.emit('pass', testCase('works', 12));
      runner.emit('pending', testCase('later'));
      assert.match(
        readFileSync(file, 'utf8'),
        /✔ works \(12 ms\)\n {2}- later \(skipped\)\n$/,
        'lines are written as tests end',
      );
      runner.emit('fail', testCase('breaks'), new Error('boom'));
      runner.emit('suite end', suite('Suite'));
      runner.emit('end');
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, 4), ['Suite', '  ✔ works (12 ms)', '  - later (skipped)', '  ✘ breaks']);
      assert.ok(lines.includes('1) Suite breaks'));
      assert.ok(lines.some((l) => l.startsWith('Error: boom')));
      assert.equal(lines.at(-1), '1 passed, 1 failed');
      assert.deepEqual(totals, { passed: 1, failed: 1, pending: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an assertion failure shows expected and actual', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-report-'));
    try {
      const file = join(dir, 'report.txt');
      const runner = new EventEmitter();
      attachFileReporter(runner as unknown as Mocha.Runner, file);
      let error: unknown;
      try {
        assert.deepEqual({ a: 1 }, { a: 2 });
      } catch (e) {
        error = e;
      }
      runner.emit('fail', testCase('compares'), error);
      runner.emit('end');
      const text = readFileSync(file, 'utf8');
      assert.match(text, /expected: \{"a":2\}\n {2}actual: {3}\{"a":1\}/);
      assert.match(text, /0 passed, 1 failed\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
