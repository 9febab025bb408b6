// flowdeck debug-adapter: the flow debugger as a Debug Adapter Protocol server on stdin/stdout,
// for editors other than VS Code (which runs the same adapter inside the extension).
import { runDebugAdapterOnStdio } from '../../../debug/src';

const HELP = [
  'usage: flowdeck debug-adapter',
  '',
  'Speaks the Debug Adapter Protocol on stdin/stdout and debugs CloudFlow flows on the local engine.',
  'Launch arguments: program (the flow file), input (a JSON object) or inputFile, stopOnEntry,',
  'cwd, workspace (the folder holding .flowdeck/emulator.json), mode (Standard|Express), timeScale.',
].join('\n');

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`flowdeck debug-adapter: takes no arguments, got '${args[0]}'\n\n${HELP}\n`);
    return 2;
  }
  await runDebugAdapterOnStdio(process.stdin, process.stdout, process.cwd());
  // The client has disconnected: stop reading so the process can end.
  process.stdin.pause();
  process.stdin.unref?.();
  return 0;
}
