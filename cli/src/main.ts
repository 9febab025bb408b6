// The `flowdeck` command: one sub-command a module, loaded only when asked for.
import { usageError, type CommandModule } from './command';

const commands: Record<string, () => Promise<CommandModule>> = {
  lint: () => import('./commands/lint'),
  run: () => import('./commands/run'),
  emulator: () => import('./commands/emulator'),
  deploy: () => import('./commands/deploy'),
  start: () => import('./commands/start'),
  tail: () => import('./commands/tail'),
  graph: () => import('./commands/graph'),
  preview: () => import('./commands/preview'),
  'debug-adapter': () => import('./commands/debugAdapter'),
  test: () => import('./commands/test'),
};

function help(): string {
  return [
    'usage: flowdeck <command> [options]',
    '',
    '  lint [--format text|json] PATH...    check flow files (files, folders, globs)',
    '  run FILE [--input JSON|@file]         run a flow in-process and print its events',
    '  emulator [--port N] [--data-dir DIR]  serve the local emulator until stopped',
    '  deploy FILE [--name N] [--mode Standard|Express]   create or update a flow',
    '  start FLOW [--input JSON|@file] [--name N] [--tail]   start an execution',
    '  tail FLOW EXECUTION                   print an execution\'s events until it ends',
    '  graph FILE [--format json|svg|mermaid|dot]   print the flow as a graph',
    '  preview FILE --out DIR [--screen ID]  WhatsApp Flow screens as standalone HTML pages',
    '  debug-adapter                         debug flows over the Debug Adapter Protocol on stdio',
    '  test [PATH...] [--reporter text|json|junit] [--coverage]   run flow tests (*.flowtest.yaml)',
    '',
    'Run `flowdeck <command> --help` for a command\'s options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) return usageError(`unknown command '${name}'\n\n${help()}`);
  const mod = await load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`flowdeck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
