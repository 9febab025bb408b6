// `npm start`: Flowdeck in a real VS Code in the browser, with examples/ as the workspace.
// Builds if needed, installs VS Code if missing, packages the extension and installs that
// VSIX, starts the local emulator and points the extension at it (FLOWDECK_EMULATOR_ENDPOINT),
// then serves VS Code on http://127.0.0.1:${PORT:-8080} until Ctrl+C.
// `--smoke` opens the page in headless Chromium, saves out/screenshots/start.png and exits.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root, vsixPath, screenshotsDir } from './lib/paths.mjs';
import { BUNDLES, ensureBuilt, npmRun } from './lib/build.mjs';
import { ensureVscode, VSCODE_VERSION } from './lib/real-vscode.mjs';
import { installVsix, startVscodeServer } from './lib/vscode-server.mjs';
import { launchBrowser, settled } from './lib/browser.mjs';

const { values: opts } = parseArgs({ options: { smoke: { type: 'boolean', default: false } } });
const log = (...a) => console.error('[start]', ...a);
const state = join(root, '.vscode-test');
const examples = join(root, 'examples');
const cleanups = [];

function packageIfStale() {
  const fresh =
    existsSync(vsixPath) && statSync(vsixPath).mtimeMs >= Math.max(...[...BUNDLES, join(root, 'package.json')].map((f) => statSync(f).mtimeMs));
  if (fresh) return;
  log('packaging the extension (vsce)...');
  npmRun('package');
}

/** Starts `flowdeck emulator` on a free port; resolves to its endpoint, or undefined if it cannot start. */
function startEmulator() {
  const dataDir = join(state, 'emulator-data');
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [join(root, 'dist', 'cli.js'), 'emulator', '--port', '0', '--data-dir', dataDir, '--workspace', examples],
    {
      cwd: examples,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined, 'it did not report an endpoint within 30 s'), 30_000);
    const onData = (d) => {
      output += d;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) finish(m[1]);
    };
    const onExit = (code) => finish(undefined, `exit ${code}`);
    function finish(endpoint, why) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      if (endpoint) {
        cleanups.push(
          () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGINT')))),
        );
        child.stdout.resume();
        child.stderr.resume();
      } else {
        child.kill();
        log(
          `the local emulator did not start (${why}); the extension will start its own when needed.\n${output.trim().slice(-1500)}`,
        );
      }
      resolve(endpoint);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', onExit);
  });
}

async function smoke(url) {
  const { browser, page } = await launchBrowser();
  try {
    await page.goto(url);
    // the explorer lists the examples once the workbench has loaded the folder
    await page
      .getByRole('treeitem', { name: /hello\.flow\.yaml/ })
      .first()
      .click({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'StateMachine' }).first().waitFor({ timeout: 30_000 });
    // the installed extension has claimed the file once the status bar names its language
    await page.locator('.statusbar-item', { hasText: 'FDL (YAML)' }).first().waitFor({ timeout: 30_000 });
    // the extension has activated: its CodeLens sits above the flow's root
    await page.locator('.codelens-decoration', { hasText: 'Deploy' }).first().waitFor({ timeout: 60_000 });
    // and the grammar has coloured the keys (tokens other than the default class mtk1)
    await page.waitForFunction(
      () => document.querySelectorAll('.view-lines span > span:not(.mtk1)').length > 10,
      undefined,
      { timeout: 30_000 },
    );
    await settled(page);
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, 'start.png');
    await page.screenshot({ path });
    log(`smoke check passed: the workbench shows examples/hello.flow.yaml (${path})`);
  } finally {
    await browser.close();
  }
}

async function main() {
  ensureBuilt(log, { strictTypes: false });
  ensureVscode(log);
  packageIfStale();
  const extensionsDir = join(state, 'extensions');
  const userDataDir = join(state, 'user-data');
  installVsix(vsixPath, extensionsDir, userDataDir);
  log(`installed ${vsixPath.slice(root.length)} into ${extensionsDir.slice(root.length)}`);

  const emulator = await startEmulator();
  if (emulator) log(`local emulator: ${emulator} (data in .vscode-test/emulator-data)`);
  const port = opts.smoke ? undefined : Number(process.env.PORT || 8080);
  const server = await startVscodeServer({
    userDataDir,
    extensionsDir,
    port,
    defaultFolder: examples,
    env: emulator ? { FLOWDECK_EMULATOR_ENDPOINT: emulator } : {},
  }).catch((e) => {
    throw new Error(`${e.message}\n(is port ${port} in use? set PORT to another one: PORT=8081 npm start)`);
  });
  cleanups.unshift(() => server.close());
  const url = server.url(examples);

  if (opts.smoke) return smoke(url);
  console.log(
    `\nFlowdeck is running in VS Code ${VSCODE_VERSION} with examples/ open:\n\n    ${server.url()}\n\nPress Ctrl+C to stop.`,
  );
  let stopping = false;
  await new Promise((resolve) => {
    const stop = () => {
      stopping = true;
      log('stopping...');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.process.once('exit', (code, signal) => {
      if (!stopping) log(`the VS Code server stopped on its own (${code ?? signal})`);
      resolve();
    });
  });
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  for (const c of cleanups) await c().catch(() => {});
}
process.exit(code);
