// flowdeck run FILE [--input JSON|@file] [--time-scale N] [--mode Standard|Express] [--workspace DIR]:
// checks the flow with the editor's language service, runs it in-process on the emulator's
// interpreter, prints each history event as it happens, then the output or the error.
// Exit status: 0 succeeded, 1 failed (or invalid flow/input), 2 usage error.
import { dirname, join, resolve } from 'node:path';
import type { JsonValue } from '../../../server/src/parse';
import { startRun, type ExecutionMode, type HistoryEvent, type TaskEnvironment } from '../../../emulator/src/engine';
import {
  findWorkspace,
  isFlowFileProblem,
  loadFlowFile,
  parseInputText,
  readInputFile,
  workspaceTasks,
  objectAccess,
  ObjectStore,
  WORKSPACE_OBJECTS_DIR,
} from '../../../emulator/src/local';
import { CONFIG_FILE } from '../../../emulator/src/tasks';

export interface RunIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Serves Task states; default: the workspace configuration. */
  readonly tasks?: TaskEnvironment;
  /** Registers a handler for Ctrl+C; returns its removal. */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

const HELP = [
  'usage: flowdeck run FILE [--input JSON|@file] [--time-scale N] [--mode Standard|Express] [--workspace DIR]',
  '',
  'Runs a CloudFlow flow (current or legacy spec, YAML or JSON) in this process and prints each',
  'history event as it happens, then the output (or the error).',
  '',
  '  --input JSON       the execution input, a JSON object (default {}); @path reads it from a file',
  '  --time-scale N     multiplies waits, retry intervals and timeouts (0.01 = 100x faster)',
  '  --mode M           Standard (default) or Express limits',
  `  --workspace DIR    folder holding ${CONFIG_FILE} (FC function mappings and mocks);`,
  `                     and ${WORKSPACE_OBJECTS_DIR}/<bucket>/<key> (objects a distributed Map reads);`,
  `                     default: the nearest folder above FILE that has either, else the current folder`,
  '',
  'Exit status: 0 if the execution succeeded, 1 if it failed or the flow or input is invalid, 2 on a usage error.',
].join('\n');

interface RunArgs {
  file: string;
  input: string | undefined;
  timeScale: number;
  mode: ExecutionMode;
  workspace: string | undefined;
}

function parseArgs(args: readonly string[]): RunArgs | 'help' | string {
  let file: string | undefined;
  const out: Omit<RunArgs, 'file'> = { input: undefined, timeScale: 1, mode: 'Standard', workspace: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--input' || flag === '-i') {
      const v = value();
      if (v === undefined) return '--input needs a JSON object or @file';
      out.input = v;
    } else if (flag === '--time-scale') {
      const v = value();
      const n = Number(v);
      if (v === undefined || !(n > 0) || !Number.isFinite(n))
        return `--time-scale takes a positive number${v === undefined ? '' : `, not '${v}'`}`;
      out.timeScale = n;
    } else if (flag === '--mode') {
      const v = value();
      if (v !== 'Standard' && v !== 'Express')
        return `--mode takes 'Standard' or 'Express'${v === undefined ? '' : `, not '${v}'`}`;
      out.mode = v;
    } else if (flag === '--workspace') {
      const v = value();
      if (!v) return '--workspace needs a folder';
      out.workspace = v;
    } else if (flag.startsWith('-') && flag !== '-') {
      return `unknown option '${flag}'`;
    } else if (file === undefined) {
      file = a;
    } else {
      return `run takes one FILE, got '${file}' and '${a}'`;
    }
  }
  if (file === undefined) return 'run needs the flow FILE to run';
  return { file, ...out };
}

/** Parses the input; errors name where the JSON went wrong. */
function parseInput(raw: string | undefined, cwd: string): { value: JsonValue } | { error: string } {
  if (raw === undefined) return { value: {} };
  return raw.startsWith('@') ? readInputFile(raw.slice(1), cwd) : parseInputText(raw, '--input');
}

const MAX_DETAIL_CHARS = 300;

function formatEvent(e: HistoryEvent): string {
  const detail =
    e.EventDetail.length > MAX_DETAIL_CHARS ? `${e.EventDetail.slice(0, MAX_DETAIL_CHARS)}…` : e.EventDetail;
  const step = e.StepName === '' ? '' : ` ${e.StepName}`;
  return `${String(e.EventId).padStart(4)} ${e.Time} ${e.Type}${step} ${detail}\n`;
}

export async function runCommand(args: readonly string[], io: RunIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`flowdeck run: ${parsed}\n\n${HELP}\n`);
    return 2;
  }
  const path = resolve(io.cwd, parsed.file);
  const loaded = loadFlowFile(path, { mode: parsed.mode, fallbackName: parsed.file });
  if (isFlowFileProblem(loaded)) {
    if (loaded.kind === 'unreadable') io.stderr(`flowdeck run: cannot read ${parsed.file}: ${loaded.message}\n`);
    else if (loaded.kind === 'not-a-flow') {
      io.stderr(`flowdeck run: ${parsed.file} is not a CloudFlow flow (expected Type: StateMachine or type: flow)\n`);
    } else {
      for (const d of loaded.errors) {
        io.stderr(
          `${parsed.file}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code ?? ''} ${d.message}\n`,
        );
      }
      io.stderr(`flowdeck run: ${parsed.file} has ${loaded.errors.length} error(s); fix them before running\n`);
    }
    return 1;
  }
  const { definition, flowName } = loaded;
  const input = parseInput(parsed.input, io.cwd);
  if ('error' in input) {
    io.stderr(`flowdeck run: ${input.error}\n`);
    return 1;
  }
  const workspaceDir =
    parsed.workspace !== undefined ? resolve(io.cwd, parsed.workspace) : findWorkspace(dirname(path), io.cwd);
  const handle = startRun({
    definition,
    input: input.value,
    flowName,
    executionName: `run-${Date.now()}`,
    tasks: io.tasks ?? workspaceTasks(workspaceDir),
    // A distributed Map reads the workspace's test objects and the CLI emulator's store (its default data folder).
    objects: objectAccess(new ObjectStore(join(workspaceDir, '.flowdeck', 'emulator'), workspaceDir)),
    executionMode: parsed.mode,
    timeScale: parsed.timeScale,
    onEvent: (e) => io.stdout(formatEvent(e)),
  });
  const removeInterrupt = io.onInterrupt?.(() => handle.stop('FnF.Stopped', 'interrupted from the keyboard'));
  const result = await handle.done;
  removeInterrupt?.();
  if (result.status === 'Succeeded') {
    io.stdout(`Succeeded. Output:\n${JSON.stringify(result.output, null, 2)}\n`);
    return 0;
  }
  io.stderr(`${result.status}: ${result.error ?? ''}${result.cause ? `: ${result.cause}` : ''}\n`);
  return 1;
}

export function run(args: string[]): Promise<number> {
  return runCommand(args, {
    cwd: process.cwd(),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    onInterrupt: (handler) => {
      process.once('SIGINT', handler);
      return () => process.removeListener('SIGINT', handler);
    },
  });
}
