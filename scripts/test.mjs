// `npm test`: lint, type check, bundle, unit tests, the integration suite in a real VS Code,
// then `npm start --smoke` (the packaged VSIX installed into that VS Code and shown with the
// examples). Every step runs even after an earlier one failed, so one run shows everything;
// only the last two need the bundles. The very last line is `N passed, N failed`: unit plus
// integration tests, with each failed check (lint, type check, bundle, smoke) counted as one
// failure. Exit code 0 only when everything passed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/paths.mjs';

const SUMMARY = /^(\d+) passed, (\d+) failed\s*$/;
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

/** Runs a step, streaming its output; resolves to { ok, counts? } (counts from its summary line). */
function step(name, cmd, args) {
  console.log(
    `\n=== ${name}: ${[cmd === process.execPath ? 'node' : cmd, ...args.map((a) => a.replace(root, ''))].join(' ')}`,
  );
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      last = (last + d.toString('utf8')).slice(-2000);
    });
    child.on('close', (code) => {
      const lines = last.trimEnd().split('\n');
      const m = SUMMARY.exec(lines[lines.length - 1] ?? '');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({
        name,
        ok: code === 0,
        seconds,
        counts: m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined,
      });
    });
  });
}

const results = [];
results.push(await step('lint', process.execPath, [bin('eslint', 'bin/eslint.js'), '.']));
results.push(await step('type check', process.execPath, [bin('typescript', 'bin/tsc'), '-b']));
const bundle = await step('bundle', process.execPath, ['esbuild.mjs']);
results.push(bundle);
results.push(await step('unit tests', process.execPath, ['scripts/test-unit.mjs']));
// the example flow tests through the bundled CLI, as a user runs them (ends with `N passed, N failed`)
if (bundle.ok) results.push(await step('flow tests (flowdeck test examples/)', process.execPath, ['dist/cli.js', 'test', 'examples/']));
else results.push({ name: 'flow tests (flowdeck test examples/)', ok: false, seconds: '0', skipped: true });
if (bundle.ok)
  results.push(
    await step('integration tests (real VS Code)', process.execPath, ['scripts/test-integration.mjs', '--no-build']),
  );
else results.push({ name: 'integration tests (real VS Code)', ok: false, seconds: '0', skipped: true });
// what `npm start` does, end to end: package the VSIX, install it into the real VS Code, start
// the emulator and the server, and check in Chromium that the examples show with the extension
if (bundle.ok)
  results.push(
    await step('npm start smoke check (installed VSIX)', process.execPath, ['scripts/start.mjs', '--smoke']),
  );
else results.push({ name: 'npm start smoke check (installed VSIX)', ok: false, seconds: '0', skipped: true });

let passed = 0;
let failed = 0;
console.log('\n=== summary');
for (const r of results) {
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
  } else if (!r.ok) failed += 1;
  // a step that failed while reporting no failed test (a crash, a timeout) still counts
  if (!r.ok && r.counts && r.counts.failed === 0) failed += 1;
  const detail = r.skipped
    ? 'skipped: the bundle failed'
    : r.counts
      ? `${r.counts.passed} passed, ${r.counts.failed} failed`
      : r.ok
        ? 'ok'
        : 'FAILED';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(40)} ${detail.padEnd(26)} ${r.seconds} s`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
