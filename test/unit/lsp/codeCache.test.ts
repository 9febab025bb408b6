// The language server's code cache: a bundle runs as `require` would run it, its compiled code is
// kept for the next start and used only for the very text it was made from; a broken or missing
// cache, or no cache folder, never stops it. Each run is a process of its own, as a server start is
// (V8 keeps what it compiled in one process, which would hide the cache).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../scratchDir';

const LOADER = join(import.meta.dirname, '../../../server/src/lsp/codeCache.ts');

/** A program that says where it runs from and that `require` works in it. */
const program = (word: string): string =>
  `module.exports.word = ${JSON.stringify(word)};\n` +
  `console.log(JSON.stringify({ word: module.exports.word, file: __filename, dir: __dirname, sep: require('node:path').sep, self: this === exports }));\n`;

interface Run {
  readonly outcome: string;
  readonly ran: { word: string; file: string; dir: string; sep: string; self: boolean };
}

/** Runs `file` through the loader in a fresh process; `write` writes the cache before it ends. */
function run(file: string, cacheDir: string | undefined, write = false): Run {
  const script = `const r = require(${JSON.stringify(LOADER)}).runWithCodeCache(process.argv[1], process.argv[2] || undefined, 60000);` +
    `if (process.argv[3] === 'write') r.writeCache(); console.log(JSON.stringify({ outcome: r.outcome }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, file, cacheDir ?? '', write ? 'write' : ''], { encoding: 'utf8' });
  const [ran, result] = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { outcome: result!['outcome'] as string, ran: ran as unknown as Run['ran'] };
}

function scratch(t: TestContext): { dir: string; file: string; cacheDir: string; caches(): string[] } {
  const dir = scratchDir(t, 'flowdeck-code-cache-');
  const cacheDir = join(dir, 'cache');
  return { dir, file: join(dir, 'program.js'), cacheDir, caches: () => readdirSync(cacheDir).sort() };
}

test('without a cache folder the program runs as require runs it', (t) => {
  const s = scratch(t);
  writeFileSync(s.file, program('plain'));
  const r = run(s.file, undefined);
  assert.equal(r.outcome, 'off');
  assert.deepEqual(r.ran, { word: 'plain', file: s.file, dir: s.dir, sep: '/', self: true });
});

test('the cache written by one start is used by the next, for the same text only', (t) => {
  const s = scratch(t);
  writeFileSync(s.file, program('first'));
  assert.equal(run(s.file, s.cacheDir, true).outcome, 'absent');
  const [cache] = s.caches();
  assert.match(cache ?? '', /^code-[0-9a-f]{32}\.v8cache$/);
  const again = run(s.file, s.cacheDir);
  assert.equal(again.outcome, 'used');
  assert.equal(again.ran.word, 'first');

  // Another text of the same length (V8 would take the old cache for it): compiled afresh, and
  // its cache replaces the old one.
  writeFileSync(s.file, program('other'));
  const changed = run(s.file, s.cacheDir, true);
  assert.equal(changed.outcome, 'absent');
  assert.equal(changed.ran.word, 'other');
  assert.equal(s.caches().length, 1);
  assert.notEqual(s.caches()[0], cache);
  assert.equal(run(s.file, s.cacheDir).outcome, 'used');
});

test('a damaged cache is refused and replaced; an unwritable folder costs nothing but the cache', (t) => {
  const s = scratch(t);
  writeFileSync(s.file, program('sturdy'));
  run(s.file, s.cacheDir, true);
  const cacheFile = join(s.cacheDir, s.caches()[0]!);
  const bytes = readFileSync(cacheFile);
  bytes.fill(7, 16, 64);
  writeFileSync(cacheFile, bytes);
  const damaged = run(s.file, s.cacheDir, true);
  assert.equal(damaged.outcome, 'rejected');
  assert.equal(damaged.ran.word, 'sturdy');
  assert.equal(run(s.file, s.cacheDir).outcome, 'used');

  // A file where the folder should be: no cache, no failure.
  const blocked = join(s.dir, 'blocked');
  writeFileSync(blocked, '');
  const r = run(s.file, join(blocked, 'cache'), true);
  assert.equal(r.outcome, 'absent');
  assert.equal(r.ran.word, 'sturdy');
});

test('a program that changes V8 flags as it starts gets no cache: none made after could ever be used', (t) => {
  const s = scratch(t);
  writeFileSync(s.file, `require('node:v8').setFlagsFromString('--no-allocation-site-pretenuring');\n${program('flags')}`);
  assert.equal(run(s.file, s.cacheDir, true).outcome, 'absent');
  assert.equal(run(s.file, s.cacheDir).outcome, 'absent');
});
