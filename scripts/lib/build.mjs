// Builds (type check + bundles) when the bundles are missing or older than any source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

const sourceDirs = ['client', 'server', 'cloud', 'emulator', 'cli', 'schemas', 'webview'];
/** The bundles esbuild.mjs writes for the extension and the CLI (the vsix ships them all). */
export const BUNDLES = ['dist/client.js', 'dist/server.js', 'dist/serverStart.js', 'dist/cli.js', 'dist/cliMain.js'].map((f) => join(root, f));

function newestSource() {
  let newest = Math.max(
    ...['package.json', 'esbuild.mjs', 'tsconfig.base.json'].map((f) => statSync(join(root, f)).mtimeMs),
  );
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of sourceDirs) if (existsSync(join(root, d))) walk(join(root, d));
  return newest;
}

export function isBuildCurrent() {
  if (!BUNDLES.every(existsSync)) return false;
  const oldestBundle = Math.min(...BUNDLES.map((f) => statSync(f).mtimeMs));
  return oldestBundle >= newestSource();
}

/** Runs an npm script in the repository, streaming its output; throws when it fails. */
export function npmRun(script, extraArgs = []) {
  const r = spawnSync('npm', ['run', '--silent', script, ...(extraArgs.length ? ['--', ...extraArgs] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`npm run ${script} failed (exit ${r.status})`);
}

/**
 * Bundles when the bundles are stale. The type check runs first; with `strictTypes: false` its
 * errors are reported but do not stop the bundling (a type error elsewhere in the tree should
 * not keep `npm start` from running what does bundle; `npm test` stays strict).
 */
export function ensureBuilt(log = console.error, { strictTypes = true } = {}) {
  if (isBuildCurrent()) return false;
  log('type checking (tsc -b)...');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    if (strictTypes) throw new Error('the type check failed (tsc -b)');
    log('the type check failed (see above): bundling anyway; `npm test` will fail until it is fixed');
  }
  log('bundling (esbuild)...');
  npmRun('bundle');
  return true;
}
