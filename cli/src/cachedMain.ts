// The `flowdeck` executable as installed (dist/cli.js): the CLI bundle (dist/cliMain.js, from
// main.ts) run from a V8 code cache in the user's cache folder (codeCache.ts), which saves most
// of the 3.5 MB compile every command pays. Most commands end within a second, so the cache is
// written as the process ends; long-running ones (the emulator, a tail) write it after 10 s.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { runWithCodeCache } from '../../server/src/lsp/codeCache';
import { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';

// Before the bundle is compiled, as main.ts does again: a cache made under other V8 flags is refused.
keepShortLivedObjectsYoung();
const run = runWithCodeCache(join(__dirname, 'cliMain.js'), cacheFolder());
if (run.outcome === 'absent' || run.outcome === 'rejected') process.once('exit', run.writeCache);

/** `$XDG_CACHE_HOME/flowdeck/cli-code-cache` (default `~/.cache`): the user's own, as a cache of code must be. */
function cacheFolder(): string | undefined {
  const xdg = process.env['XDG_CACHE_HOME'];
  let base = xdg && isAbsolute(xdg) ? xdg : undefined;
  try {
    base ??= join(homedir(), '.cache');
  } catch {
    return undefined; // no home folder: no cache, the compile as before
  }
  return join(base, 'flowdeck', 'cli-code-cache');
}
