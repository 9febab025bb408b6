// Runs the integration suite (out/test/integration/index.js) inside a real VS Code: the VS
// Code server build from code-server, its workbench in headless Chromium, the extension loaded
// from this repository as the extension under development, a fresh copy of examples/ as the
// workspace. Streams the suite's report and ends with `N passed, N failed`; exit code 1 when a
// test failed, 2 when the run could not happen.
// Usage: node scripts/test-integration.mjs [--no-build] [--grep REGEX] [--files a,b] [--timeout SECONDS]
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  openSync,
  readSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root, integrationSuite, screenshotsDir } from './lib/paths.mjs';
import { BUNDLES } from './lib/build.mjs';
import { ensureVscode } from './lib/real-vscode.mjs';
import { startVscodeServer } from './lib/vscode-server.mjs';
import { launchBrowser, settled } from './lib/browser.mjs';
import { startScreenshotEndpoint } from './lib/screenshot-endpoint.mjs';

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    grep: { type: 'string' },
    files: { type: 'string' },
    timeout: { type: 'string', default: '900' },
    keep: { type: 'boolean', default: false },
  },
});
const SUMMARY = /^(\d+) passed, (\d+) failed\s*$/;
const log = (...a) => console.error('[integration]', ...a);

function bundle() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('bundling failed (node esbuild.mjs)');
}

/** Prints the lines the suite appended to its report since the last call (its summary line is held back: the launcher prints it last). */
function reportStreamer(file) {
  let offset = 0;
  let partial = '';
  return (flush = false) => {
    if (existsSync(file)) {
      const size = statSync(file).size;
      if (size > offset) {
        const fd = openSync(file, 'r');
        const buf = Buffer.alloc(size - offset);
        readSync(fd, buf, 0, buf.length, offset);
        closeSync(fd);
        offset = size;
        partial += buf.toString('utf8');
      }
    }
    const lines = partial.split('\n');
    partial = flush ? '' : (lines.pop() ?? '');
    const shown = lines.filter((l) => !SUMMARY.test(l));
    if (shown.length) process.stdout.write(`${shown.join('\n')}\n`);
  };
}

async function main() {
  ensureVscode(log);
  if (!opts['no-build']) bundle();
  for (const f of [integrationSuite, ...BUNDLES]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run "npm run build" first`);
  }
  rmSync(screenshotsDir, { recursive: true, force: true });

  const home = mkdtempSync(join(tmpdir(), 'flowdeck-it-'));
  const workspace = join(home, 'workspace');
  // tests deploy, save inputs and write settings: give them a copy, never the repository's examples/
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const reportFile = join(home, 'report.txt');

  let page;
  const shots = await startScreenshotEndpoint(() => page, screenshotsDir);
  const env = {
    FLOWDECK_TEST: '1',
    FLOWDECK_TEST_REPORT: reportFile,
    FLOWDECK_TEST_SCREENSHOT_URL: shots.url,
    FLOWDECK_TEST_REPO_ROOT: root,
    ...(opts.grep ? { FLOWDECK_TEST_GREP: opts.grep } : {}),
    ...(opts.files ? { FLOWDECK_TEST_FILES: opts.files } : {}),
  };
  const started = Date.now();
  const server = await startVscodeServer({
    userDataDir: join(home, 'user-data'),
    extensionsDir: join(home, 'extensions'),
    env,
  });
  const { browser, page: p } = await launchBrowser();
  page = p;
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  let exitCode;
  const stream = reportStreamer(reportFile);
  try {
    // the workbench calls this with 0 when the suite's run() resolves and 1 when it rejects
    const exited = new Promise((resolve) => void page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    const authority = `127.0.0.1:${server.port}`;
    const remote = (path) => `vscode-remote://${authority}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(root.replace(/\/$/, ''))],
      ['extensionTestsPath', remote(integrationSuite)],
    ]);
    await page.goto(`${server.url(workspace)}&payload=${encodeURIComponent(payload)}`);
    const timeoutMs = Number(opts.timeout) * 1000;
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const ticker = setInterval(stream, 250);
    exitCode = await Promise.race([exited, timedOut]);
    clearInterval(ticker);
    clearTimeout(timer);
    stream(true);
    // what the window showed when a run failed or hung helps to see why
    if (exitCode !== 0) {
      await settled(page).catch(() => {});
      await page.screenshot({ path: join(screenshotsDir, 'final.png') }).catch(() => {});
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    await shots.close();
  }

  const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  const summary = SUMMARY.exec(report.trimEnd().split('\n').pop() ?? '');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (exitCode === 'timeout' || !summary) {
    log(
      exitCode === 'timeout'
        ? `the suite did not finish within ${opts.timeout} s`
        : `the suite ended (exit ${exitCode}) without a report`,
    );
    log('VS Code server output (last part):');
    console.error(server.output().slice(-6000));
    if (pageErrors.length) log(`errors in the workbench page:\n${pageErrors.slice(-10).join('\n')}`);
    if (!opts.keep) rmSync(home, { recursive: true, force: true });
    // a run that could not report counts as one failure
    console.log('0 passed, 1 failed');
    return 2;
  }
  if (shots.taken.length) log(`screenshots: ${shots.taken.map((s) => s.slice(root.length)).join(', ')}`);
  if (exitCode !== 0) log('the window at the end: out/screenshots/final.png');
  log(`finished in ${seconds} s${opts.keep ? `; files kept in ${home}` : ''}`);
  if (!opts.keep) rmSync(home, { recursive: true, force: true });
  console.log(`${summary[1]} passed, ${summary[2]} failed`);
  return Number(summary[2]) > 0 || exitCode !== 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    console.log('0 passed, 1 failed');
    process.exit(2);
  },
);
