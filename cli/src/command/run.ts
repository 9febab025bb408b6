// Runs one command of the table: its help, its argument checks, then the command itself. A usage
// mistake is one message and the command's usage on stderr, exit status 2.
import type { CommandSpec, OptionSpecs } from './define';
import { commandHelp, usageLine } from './help';
import type { CliIo } from './io';
import { parseCommandArgs } from './parse';
import { USAGE_EXIT_CODE, UsageError } from './usageError';

export async function runCommandSpec<O extends OptionSpecs>(name: string, spec: CommandSpec<O>, args: readonly string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseCommandArgs(spec, args);
    if (parsed === 'help') {
      io.stdout(commandHelp(name, spec as CommandSpec));
      return 0;
    }
    return await spec.run(parsed, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`flowdeck ${name}: ${err.message}\n${usageLine(name, spec as CommandSpec)}\nRun \`flowdeck ${name} --help\` for its options.\n`);
    return USAGE_EXIT_CODE;
  }
}
