// `npm run test:desktop`: the same integration suite in desktop VS Code, downloaded by
// @vscode/test-electron (needs access to update.code.visualstudio.com, so it is not part of
// `npm test` or CI here). VS Code version: FLOWDECK_VSCODE_VERSION (default 1.100.3, the
// version `npm test` runs; `stable` for the newest). Needs a display (xvfb-run on Linux).
// Usage: node scripts/test-desktop.mjs [--no-build] [--grep REGEX] [--files a,b]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root, integrationSuite } from './lib/paths.mjs';
import { VSCODE_VERSION } from './lib/real-vscode.mjs';

const { values: opts } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, grep: { type: 'string' }, files: { type: 'string' } },
});
const { runTests } = createRequire(join(root, 'package.json'))('@vscode/test-electron');

if (!opts['no-build'] && spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0)
  process.exit(2);
const home = mkdtempSync(join(tmpdir(), 'flowdeck-desktop-'));
const workspace = join(home, 'workspace');
cpSync(join(root, 'examples'), workspace, { recursive: true });
const reportFile = join(home, 'report.txt');

let code = 0;
try {
  await runTests({
    version: process.env.FLOWDECK_VSCODE_VERSION ?? VSCODE_VERSION,
    extensionDevelopmentPath: root,
    extensionTestsPath: integrationSuite,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(home, 'user-data'),
    ],
    extensionTestsEnv: {
      FLOWDECK_TEST: '1',
      FLOWDECK_TEST_REPORT: reportFile,
      FLOWDECK_TEST_REPO_ROOT: root,
      ...(opts.grep ? { FLOWDECK_TEST_GREP: opts.grep } : {}),
      ...(opts.files ? { FLOWDECK_TEST_FILES: opts.files } : {}),
    },
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
}
const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8').trimEnd() : '';
console.log(report || '0 passed, 1 failed');
rmSync(home, { recursive: true, force: true });
process.exit(code);
