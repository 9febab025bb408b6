// The `flowdeck` command line with the process's own IO, its exit status (bundled to dist/cliMain.js, which
// the installed executable, dist/cli.js from cachedMain.ts, runs from a code cache).
import { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';
import { runCli } from './cli';
import { processIo } from './command/io';

// Lint's trees and the interpreter's values live briefly and die together (see heapTuning.ts).
keepShortLivedObjectsYoung();

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`flowdeck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
