// Runs every plain-Node unit test (test/unit/**/*.test.ts) with Node's own test runner,
// transpiling TypeScript on the fly with tsx. Extra arguments filter files by substring.
// Streams the runner's report and ends with the line `N passed, N failed`. A test that runs
// longer than FLOWDECK_UNIT_TIMEOUT_MS (default 120 s) fails instead of hanging the run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.ts')) files.push(relative(root, p));
  }
};
walk(join(root, 'test/unit'));
const chosen = files.filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (chosen.length === 0) {
  console.error(`no unit test file matched ${filters.join(', ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// the tests always run on the vendored corpus (test/fixtures/corpus); the full one is optional
const fullCorpus = process.env.FLOWDECK_CORPUS ?? join(root, '..', 'shared', 'corpus');
if (!existsSync(join(fullCorpus, 'SOURCES.md')))
  console.log(
    `note: the full flow corpus is not at ${fullCorpus} (set FLOWDECK_CORPUS to use one): corpus tests ran on the vendored corpus in test/fixtures/corpus only`,
  );

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-timeout=${process.env.FLOWDECK_UNIT_TIMEOUT_MS ?? 120_000}`,
    ...chosen,
  ],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FLOWDECK_TEST: '1' },
  },
);
// the runner's own totals (`ℹ pass 12`), read line by line as they stream past (the spec
// reporter lists the failures again after them, so they are not at the end)
const totals = { pass: 0, fail: 0, cancelled: 0 };
let seen = false;
let partial = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk.toString('utf8')).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const m = /^ℹ (pass|fail|cancelled) (\d+)$/.exec(line.trimEnd());
    if (m) {
      totals[m[1]] = Number(m[2]);
      seen = true;
    }
  }
});
child.on('close', (code) => {
  // a file that fails to load is reported as one failed test; a crash without totals counts as one
  const failed = totals.fail + totals.cancelled || (code === 0 && seen ? 0 : 1);
  console.log(`${totals.pass} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : code || 1);
});
