// Installs a real VS Code for tests and `npm start`: the VS Code server build that ships inside
// the code-server npm package (code-server 4.100.3 = VS Code 1.100.3, the newest release that
// runs on Node 20), plus Debian's chromium and ripgrep. Only the npm registry and Debian's
// package archive are reachable here, so nothing is downloaded from anywhere else: the native
// modules are built from source and ripgrep comes from Debian instead of GitHub.
// Everything is cached under the git-ignored .vscode-test/ so a second run starts in seconds.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from './paths.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const installDir = join(root, '.vscode-test', 'code-server');
export const vscodeDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
export const serverMain = join(vscodeDir, 'out', 'server-main.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const readyMarker = join(installDir, 'ready.json');
// the native modules the server and the extension host load (kerberos is not needed)
const nativeModules = ['@vscode/spdlog', '@parcel/watcher', 'native-watchdog', 'node-pty'];

function run(cmd, args, cwd, what) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${what} failed (${cmd} ${args.join(' ')} in ${cwd}, exit ${r.status ?? r.signal}):\n${out}`);
  }
  return r.stdout;
}

const onPath = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).stdout.trim();

/** Installs Debian's chromium and ripgrep when missing (apt-get update once, then install). */
export function ensureSystemPackages(log = console.error) {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!onPath('rg')) missing.push('ripgrep');
  if (missing.length === 0) return;
  if (!onPath('apt-get')) {
    throw new Error(
      `This machine has no apt-get, so ${missing.join(' and ')} cannot be installed for the browser-based VS Code: ` +
        `install them with your package manager (or set CHROMIUM_PATH to a Chromium), or use a desktop VS Code instead ` +
        `(npm run package, then install dist/flowdeck.vsix, or open the repository and press F5).`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${missing.join(', ')}: install them with "sudo apt-get install -y ${missing.join(' ')}" and run again`,
    );
  }
  log(`installing ${missing.join(', ')} from Debian (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env });
    if (r.status !== 0)
      throw new Error(
        `apt-get ${args.join(' ')} failed:\n${(r.stderr || r.stdout).trim().split('\n').slice(-20).join('\n')}`,
      );
  };
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

function nodeGyp() {
  const bundled = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
  return existsSync(bundled) ? [process.execPath, [bundled]] : ['npx', ['--yes', 'node-gyp']];
}

function linkForce(target, path) {
  try {
    lstatSync(path);
    unlinkSync(path);
  } catch {
    // nothing to replace
  }
  symlinkSync(target, path);
}

/** True when a previous run finished the install of this exact version. */
export function isVscodeInstalled() {
  if (!existsSync(readyMarker) || !existsSync(serverMain)) return false;
  try {
    return JSON.parse(readFileSync(readyMarker, 'utf8')).codeServer === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

/** Installs the VS Code server build (once) and returns the path of server-main.js. */
export function ensureVscode(log = console.error) {
  ensureSystemPackages(log);
  if (isVscodeInstalled()) return serverMain;
  const started = Date.now();
  log(
    `installing VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) into ${installDir} (about a minute, once)...`,
  );
  mkdirSync(installDir, { recursive: true });
  // its own package.json keeps it out of the project's lockfile
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify(
      {
        private: true,
        description: 'VS Code for Flowdeck tests',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
      },
      null,
      2,
    ),
  );
  const pkg = join(installDir, 'node_modules', 'code-server', 'package.json');
  const installed = existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION;
  if (!installed) {
    // code-server's own postinstall refuses root and downloads ripgrep from GitHub: skip it
    run(
      'npm',
      ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'],
      installDir,
      'npm install code-server',
    );
  }
  if (!existsSync(join(vscodeDir, 'node_modules'))) {
    run(
      'npm',
      ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
      vscodeDir,
      "npm install of VS Code's own modules",
    );
  }
  const [gypCmd, gypArgs] = nodeGyp();
  const nodeDir = join(dirname(process.execPath), '..');
  for (const m of nativeModules) {
    const dir = join(vscodeDir, 'node_modules', m);
    if (!existsSync(dir)) continue;
    log(`  building ${m}...`);
    run(gypCmd, [...gypArgs, 'rebuild', `--nodedir=${nodeDir}`], dir, `building the native module ${m}`);
  }
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  linkForce(onPath('rg'), join(rgDir, 'rg'));
  // the server resolves some modules through node_modules.asar, as in the packaged desktop app
  linkForce('node_modules', join(vscodeDir, 'node_modules.asar'));
  writeFileSync(
    readyMarker,
    JSON.stringify({ codeServer: CODE_SERVER_VERSION, vscode: VSCODE_VERSION, installedAt: new Date().toISOString() }),
  );
  log(`VS Code ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return serverMain;
}

/** Removes the cached install (used by `--reinstall`). */
export function removeVscode() {
  rmSync(installDir, { recursive: true, force: true });
}
