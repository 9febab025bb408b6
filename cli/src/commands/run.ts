// flowdeck run FILE: checks the flow with the editor's language service, runs it in-process on
// the emulator's interpreter, prints each history event as it happens (the editor's tail lines),
// then the status and the output or the error.
import { dirname, join, relative, resolve } from 'node:path';
import { startRun } from '../../../emulator/src/engine';
import { findWorkspace, describeFlowFileProblem, isFlowFileProblem, loadFlowFile, workspaceTasks } from '../../../emulator/src/local';
import { CONFIG_FILE } from '../../../emulator/src/tasks';
import { objectAccess } from '../../../emulator/src/local';
import { ObjectStore, WORKSPACE_OBJECTS_DIR } from '../../../emulator/src/local';
import { defineCommand } from '../command/define';
import { UsageError } from '../command/usageError';
import { EventPrinter } from '../execution/eventPrinter';
import { INPUT_OPTION, readInput } from '../input';

export default defineCommand({
  summary: 'run a flow in-process and print its events',
  operands: ['FILE'],
  description: [
    'Runs a CloudFlow flow (current or legacy spec, YAML or JSON) in this process and prints each',
    'history event as it happens, then the status and the output (or the error).',
  ].join('\n'),
  options: {
    input: INPUT_OPTION,
    'time-scale': { type: 'string', value: 'N', help: 'multiplies waits, retry intervals and timeouts (0.01 = 100x faster)' },
    mode: { type: 'string', choices: ['Standard', 'Express'], help: "Standard or Express limits; default: the mode .flowdeck/flows.json saves FILE with, else Standard" },
    workspace: {
      type: 'string',
      value: 'DIR',
      help: [
        `folder holding ${CONFIG_FILE} (FC function mappings and mocks)`,
        `and ${WORKSPACE_OBJECTS_DIR}/<bucket>/<key> (objects a distributed Map reads);`,
        'default: the nearest folder above FILE that has either, else the current folder',
      ].join('\n'),
    },
  },
  notes: 'Exit status: 0 if the execution succeeded, 1 if it failed or the flow or input is invalid, 2 on a usage error.',
  async run({ options, operands: [file = ''] }, io) {
    const timeScale = Number(options['time-scale'] ?? 1);
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new UsageError(`--time-scale takes a positive number, not '${options['time-scale']}'`);
    const path = resolve(io.cwd, file);
    const loaded = loadFlowFile(path, options.mode !== undefined ? { mode: options.mode } : {});
    if (isFlowFileProblem(loaded)) {
      const { sentence, errors } = describeFlowFileProblem(file, loaded, 'running');
      for (const line of errors) io.stderr(`${line}\n`);
      io.stderr(`flowdeck run: ${sentence}\n`);
      return 1;
    }
    if (loaded.modeSavedIn !== undefined) io.stderr(`mode: ${loaded.mode}, as ${relative(io.cwd, loaded.modeSavedIn)} saves this flow (--mode to choose)\n`);
    let input;
    try {
      input = readInput(options.input, io.cwd);
    } catch (err) {
      io.stderr(`flowdeck run: ${(err as Error).message}\n`);
      return 1;
    }
    const workspaceDir = options.workspace !== undefined ? resolve(io.cwd, options.workspace) : findWorkspace(dirname(path), io.cwd);
    const printer = new EventPrinter(io.stdout);
    const handle = startRun({
      definition: loaded.definition,
      input,
      flowName: loaded.flowName,
      executionName: `run-${Date.now()}`,
      tasks: workspaceTasks(workspaceDir),
      // A distributed Map reads the workspace's test objects and the CLI emulator's store (its default data folder).
      objects: objectAccess(new ObjectStore(join(workspaceDir, '.flowdeck', 'emulator'), workspaceDir)),
      executionMode: loaded.mode,
      timeScale,
      onEvent: (e) => printer.event(e),
    });
    const removeInterrupt = io.onSignal(['SIGINT'], () => handle.stop('FnF.Stopped', 'interrupted from the keyboard'));
    const result = await handle.done.finally(removeInterrupt);
    return printer.end({ Status: result.status, Output: result.output, ErrorCode: result.error, ErrorMessage: result.cause });
  },
});
