// Runs a bundle compiled from a V8 code cache when one was written for this very text: a fresh
// language server then skips compiling 2 MB of JavaScript (about 100 ms of every start), and a
// `flowdeck` command its 3.5 MB, with the functions they ran last time. V8 accepts a cache for any
// text of the same length, so each cache is named by a hash of the whole text. The cache folder
// must be the user's own (the extension's global storage, the user's cache folder): a cache is
// code. A missing, damaged or unwritable cache costs only the compile.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';

export type CacheOutcome = 'used' | 'rejected' | 'absent' | 'off';

export interface CachedRun {
  /** What became of the cache: used, rejected by V8 (then replaced), absent (then written), or off (no folder). */
  readonly outcome: CacheOutcome;
  /** Writes the cache now, with every function compiled so far (done by itself after `writeAfterMs`); once at most. */
  writeCache(): void;
}

const PREFIX = 'code-';
const SUFFIX = '.v8cache';

/**
 * Runs the CommonJS file `file` as `require` would, its compiled code read from and kept in
 * `cacheDir` (no cache when undefined). The cache is written `writeAfterMs` after the start, when
 * the first requests have compiled the functions they need, unless the one read was used.
 */
export function runWithCodeCache(file: string, cacheDir: string | undefined, writeAfterMs = 10_000): CachedRun {
  const text = readFileSync(file, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, `${PREFIX}${createHash('sha256').update(text).digest('hex').slice(0, 32)}${SUFFIX}`);
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  // Compiled as `require` compiles a file: wrapped in the function that receives its module.
  const script = new Script(Module.wrap(text), { filename: file, cachedData });
  // V8 takes a cache only under the flags it was made with; a program that changes them as it
  // starts would write caches no start can use (its entry sets them before, see cachedMain.ts).
  const versionTag = cachedDataVersionTag();
  // V8 says false only when it took the cache.
  const outcome: CacheOutcome = cacheFile === undefined ? 'off' : cachedData === undefined ? 'absent' : script.cachedDataRejected === false ? 'used' : 'rejected';
  let written = false;
  const writeCache = (): void => {
    if (written || cacheFile === undefined || cacheDir === undefined || cachedDataVersionTag() !== versionTag) return;
    written = true;
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Written whole under another name, then renamed: a process starting meanwhile never reads half a cache.
      const partial = `${cacheFile}.${process.pid}.partial`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
      // The caches of other versions of the text are of no more use.
      for (const name of readdirSync(cacheDir)) {
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(cacheDir, name) !== cacheFile) rmSync(join(cacheDir, name), { force: true });
      }
    } catch {
      // A cache that cannot be written costs the next start its compile time, nothing more.
    }
  };
  if (outcome === 'absent' || outcome === 'rejected') setTimeout(writeCache, writeAfterMs).unref();
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return { outcome, writeCache };
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
