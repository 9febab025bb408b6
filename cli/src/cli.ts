// `flowdeck <command> [arguments]` with an IO: finds the command in the table and runs it.
// `flowdeck --help` lists every command; no command or an unknown one is a usage error (exit 2).
import { COMMANDS } from './commands';
import { mainHelp } from './command/help';
import type { CliIo } from './command/io';
import { runCommandSpec } from './command/run';
import { USAGE_EXIT_CODE } from './command/usageError';

async function help(): Promise<string> {
  const loaded = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).default] as const));
  return mainHelp(loaded);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    io.stdout(await help());
    return 0;
  }
  const load = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`flowdeck: ${name === undefined ? 'no command given' : `unknown command '${name}'`}\n\n${await help()}`);
    return USAGE_EXIT_CODE;
  }
  return runCommandSpec(name!, (await load()).default, rest, io);
}
