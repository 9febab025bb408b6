// flowdeck debug-adapter: the flow debugger as a Debug Adapter Protocol server on stdin/stdout,
// for editors other than VS Code (which runs the same adapter inside the extension).
import { runDebugAdapterOnStdio } from '../../../debug/src';
import { defineCommand } from '../command/define';

export default defineCommand({
  summary: 'debug flows over the Debug Adapter Protocol on stdio',
  operands: [],
  description: [
    'Speaks the Debug Adapter Protocol on stdin/stdout and debugs CloudFlow flows on the local engine.',
    'Launch arguments: program (the flow file), input (a JSON object) or inputFile, stopOnEntry,',
    'cwd, workspace (the folder holding .flowdeck/emulator.json), mode (Standard|Express), timeScale.',
  ].join('\n'),
  options: {},
  async run(_args, io) {
    const { input, output } = io.stdio;
    await runDebugAdapterOnStdio(input, output, io.cwd);
    // The client has disconnected: stop reading so the process can end.
    input.pause();
    (input as { unref?: () => void }).unref?.();
    return 0;
  },
});
