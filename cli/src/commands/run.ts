// flowdeck run FILE [--input JSON|@file] [--time-scale N] [--mode Standard|Express] [--workspace DIR]:
// checks the flow with the editor's language service, runs it in-process on the emulator's
// interpreter, prints each history event as it happens, then the output or the error.
// Exit status: 0 succeeded, 1 failed (or invalid flow/input), 2 usage error.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { formatForFile } from '../../../server/src/detect';
import { toJsonValue, type JsonValue } from '../../../server/src/parse';
import { createLanguageService } from '../../../server/src/service/languageService';
import { startRun, type ExecutionMode, type HistoryEvent, type TaskEnvironment } from '../../../emulator/src/engine';
import { CONFIG_FILE, createWorkspaceTasks } from '../../../emulator/src/tasks';
import { objectAccess } from '../../../emulator/src/objects/access';
import { ObjectStore, WORKSPACE_OBJECTS_DIR } from '../../../emulator/src/objects/store';

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

/** "line L, column C" (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** Parses the input; errors name where the JSON went wrong. */
function parseInput(raw: string | undefined, cwd: string): { value: JsonValue } | { error: string } {
  if (raw === undefined) return { value: {} };
  let text = raw;
  let source = '--input';
  if (raw.startsWith('@')) {
    source = raw.slice(1);
    try {
      text = readFileSync(resolve(cwd, source), 'utf8');
    } catch (e) {
      return { error: `cannot read the input file ${source}: ${(e as Error).message}` };
    }
  }
  try {
    const value = JSON.parse(text) as JsonValue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { error: `${source}: the input must be a JSON object such as {"key": "value"}` };
    }
    return { value };
  } catch (e) {
    // JSON.parse does not always say where; a tolerant parse finds the first problem's offset.
    const problems: ParseError[] = [];
    parseJsonc(text, problems, { disallowComments: true, allowTrailingComma: false });
    const first = problems[0];
    const where = first ? ` at ${lineColumn(text, first.offset)} (${printParseErrorCode(first.error)})` : '';
    return { error: `${source}: not valid JSON${where}: ${(e as Error).message}` };
  }
}

/** The nearest folder at or above `dir` holding the emulator configuration. */
function findWorkspace(dir: string, fallback: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, CONFIG_FILE)) || existsSync(join(d, WORKSPACE_OBJECTS_DIR))) return d;
    if (dirname(d) === d) return fallback;
  }
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    io.stderr(`flowdeck run: cannot read ${parsed.file}: ${(e as Error).message}\n`);
    return 1;
  }
  const service = createLanguageService();
  const doc = TextDocument.create(pathToFileURL(path).href, formatForFile(path) === 'json' ? 'json' : 'yaml', 1, text);
  const analysed = service.analyse(doc);
  if (analysed.dialect !== 'fdl' && analysed.dialect !== 'fdl-legacy') {
    io.stderr(`flowdeck run: ${parsed.file} is not a CloudFlow flow (expected Type: StateMachine or type: flow)\n`);
    return 1;
  }
  const errors = service
    .validate(doc, { executionMode: parsed.mode })
    .filter((d) => d.severity === DiagnosticSeverity.Error);
  if (errors.length > 0) {
    for (const d of errors) {
      io.stderr(
        `${parsed.file}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code ?? ''} ${d.message}\n`,
      );
    }
    io.stderr(`flowdeck run: ${parsed.file} has ${errors.length} error(s); fix them before running\n`);
    return 1;
  }
  const definition = toJsonValue(analysed.parsed.root);
  const input = parseInput(parsed.input, io.cwd);
  if ('error' in input) {
    io.stderr(`flowdeck run: ${input.error}\n`);
    return 1;
  }
  const workspaceDir =
    parsed.workspace !== undefined ? resolve(io.cwd, parsed.workspace) : findWorkspace(dirname(path), io.cwd);
  const flowName =
    typeof definition === 'object' &&
    definition !== null &&
    !Array.isArray(definition) &&
    typeof definition['Name'] === 'string'
      ? definition['Name']
      : parsed.file;
  const handle = startRun({
    definition: definition ?? null,
    input: input.value,
    flowName,
    executionName: `run-${Date.now()}`,
    tasks: io.tasks ?? createWorkspaceTasks({ workspaceDir }),
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
