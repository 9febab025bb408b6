// flowdeck tail FLOW EXECUTION: prints an execution's events until it ends.
import { usageError } from '../command';
import { runCloudCommand } from '../cloud/run';
import { TARGET_HELP } from '../cloud/target';
import { processIo, type CliIo } from '../cloud/io';
import { follow } from '../cloud/follow';

const HELP = `usage: flowdeck tail FLOW EXECUTION [options]

Prints every event of the execution once, in order (time, type, step, detail), following it
until it ends, then its status, output or error. Exit status 0 only if it succeeded.

  --interval MS            time between polls while it runs (default 1000)

${TARGET_HELP}`;

export function run(args: string[], io: CliIo = processIo): Promise<number> {
  return runCloudCommand(args, HELP, { interval: { type: 'string' } }, io, async (v, positionals, target) => {
    if (positionals.length !== 2) return usageError(`tail takes FLOW and EXECUTION\n\n${HELP}`);
    const interval = v['interval'] === undefined ? undefined : Number(v['interval']);
    if (interval !== undefined && !(Number.isInteger(interval) && interval >= 100 && interval <= 60_000)) return usageError('--interval must be a number of milliseconds from 100 to 60000');
    const { client } = await target();
    return follow(client, positionals[0] as string, positionals[1] as string, io, interval);
  });
}
