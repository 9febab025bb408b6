// The `flowdeck` executable: the command line with the process's own IO, its exit status.
import { runCli } from './cli';
import { processIo } from './command/io';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`flowdeck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
