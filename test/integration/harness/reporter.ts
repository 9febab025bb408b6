// A mocha reporter that appends to a file as each test ends, so the launcher can stream the
// report to the terminal while the suite runs inside the extension host (whose console is
// not the terminal's). Ends with the line `N passed, N failed` that the launcher parses.
import { appendFileSync, writeFileSync } from 'node:fs';
import type Mocha from 'mocha';

const EVENTS = {
  suiteBegin: 'suite',
  pass: 'pass',
  fail: 'fail',
  pending: 'pending',
  end: 'end',
} as const;

export interface ReportTotals {
  passed: number;
  failed: number;
  pending: number;
}

/** Attaches to a runner; `write` defaults to appending to `file`. */
export function attachFileReporter(runner: Mocha.Runner, file: string | undefined): ReportTotals {
  const write = (line: string): void => {
    if (file) appendFileSync(file, `${line}\n`);
    else console.log(line);
  };
  if (file) writeFileSync(file, '');
  const totals: ReportTotals = { passed: 0, failed: 0, pending: 0 };
  const failures: { title: string; error: unknown }[] = [];
  let depth = 0;
  const indent = (): string => '  '.repeat(Math.max(depth, 0));

  runner.on(EVENTS.suiteBegin, (suite: Mocha.Suite) => {
    if (suite.root) return;
    write(`${indent()}${suite.title}`);
    depth++;
  });
  runner.on('suite end', (suite: Mocha.Suite) => {
    if (!suite.root) depth--;
  });
  runner.on(EVENTS.pass, (test: Mocha.Test) => {
    totals.passed++;
    write(`${indent()}✔ ${test.title} (${test.duration ?? 0} ms)`);
  });
  runner.on(EVENTS.pending, (test: Mocha.Test) => {
    totals.pending++;
    write(`${indent()}- ${test.title} (skipped)`);
  });
  runner.on(EVENTS.fail, (test: Mocha.Test, error: unknown) => {
    totals.failed++;
    failures.push({ title: test.fullTitle(), error });
    write(`${indent()}✘ ${test.title}`);
  });
  runner.once(EVENTS.end, () => {
    failures.forEach((f, i) => {
      write('');
      write(`${i + 1}) ${f.title}`);
      write(describeError(f.error));
    });
    write('');
    write(`${totals.passed} passed, ${totals.failed} failed`);
  });
  return totals;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const detail =
      'actual' in error && 'expected' in error
        ? `\n  expected: ${show(error.expected)}\n  actual:   ${show(error.actual)}`
        : '';
    return `${error.stack ?? error.message}${detail}`;
  }
  return String(error);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
