// The installed `flowdeck` (dist/cli.js) runs the CLI bundle from a code cache in the user's cache
// folder: the first run writes it as it ends, the next ones use it as it is, and what a command
// prints and its exit status never depend on it, nor on a cache folder that cannot be written.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../scratchDir';

const ROOT = join(import.meta.dirname, '..', '..', '..');

before(() => {
  // About the shipped executable: bundle it from the current sources first.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function flowdeck(bundle: 'cli.js' | 'cliMain.js', args: readonly string[], cacheHome: string): Ran {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', bundle), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the first run writes the cache as it ends, the next runs use it unchanged, with the same results', (t) => {
  const home = scratchDir(t, 'flowdeck-cli-cache-');
  const folder = join(home, 'flowdeck', 'cli-code-cache');
  const lint = ['lint', 'examples/hello.flow.yaml'];
  const compiled = flowdeck('cliMain.js', lint, home);

  assert.deepEqual(flowdeck('cli.js', lint, home), compiled);
  const [cache, ...others] = readdirSync(folder);
  assert.match(cache ?? '', /^code-[0-9a-f]{32}\.v8cache$/);
  assert.deepEqual(others, []);
  const written = statSync(join(folder, cache!));

  // A cache V8 refused would be written again: the same file, untouched, means it was used.
  assert.deepEqual(flowdeck('cli.js', lint, home), compiled);
  const broken = ['lint', 'test/fixtures/fdl/broken/dangling-start.flow.yaml'];
  assert.deepEqual(flowdeck('cli.js', broken, home), flowdeck('cliMain.js', broken, home));
  assert.equal(flowdeck('cli.js', ['--help'], home).stdout, flowdeck('cliMain.js', ['--help'], home).stdout);
  const after = statSync(join(folder, cache!));
  assert.equal(after.mtimeMs, written.mtimeMs);
  assert.equal(after.ino, written.ino);
  assert.deepEqual(readdirSync(folder), [cache]);
});

test('a cache folder that cannot be written changes nothing but the compile', (t) => {
  const home = scratchDir(t, 'flowdeck-cli-cache-');
  // `flowdeck` under it is a file, so the cache folder cannot be made
  writeFileSync(join(home, 'flowdeck'), 'not a folder');
  const broken = ['lint', 'test/fixtures/fdl/broken/dangling-start.flow.yaml'];
  const ran = flowdeck('cli.js', broken, home);
  assert.deepEqual(ran, flowdeck('cliMain.js', broken, home));
  assert.equal(ran.status, 1);
});
