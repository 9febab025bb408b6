// The `launch` request's arguments, checked, turned into what a run needs: the checked flow,
// its input, its workspace's task handlers. The flow is loaded exactly as `flowdeck run` loads it.
// With `testFile` and `testCase`, the input and the task answers are the case's, read by the flow
// test runner itself.
import { dirname, resolve } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ExecutionMode, JsonValue, TaskEnvironment } from '../../emulator/src/engine';
import {
  findWorkspace,
  describeFlowFileProblem,
  isFlowFileProblem,
  loadFlowFile,
  parseInputText,
  readInputFile,
  workspaceTasks,
  type LoadedFlow,
} from '../../emulator/src/local';
import { readTestFile, TestFileError, type TestCase, type TestFile } from '../../flowtest/src';

export interface FlowLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** The flow file; relative paths resolve against `cwd`. */
  program?: string;
  /** The execution input: a JSON object (or its JSON text). */
  input?: JsonValue;
  /** A file holding the input, e.g. `.flowdeck/inputs/<flow>/<name>.json`. */
  inputFile?: string;
  stopOnEntry?: boolean;
  cwd?: string;
  /** Folder holding `.flowdeck/emulator.json`; default: the nearest one above the program. */
  workspace?: string;
  mode?: ExecutionMode;
  /** Multiplies waits, retry intervals and timeouts (0.01 = 100x faster). */
  timeScale?: number;
  /** A flow test file (`*.flowtest.yaml`): debug one of its cases, with its input and mocks. */
  testFile?: string;
  /** The name of the case in `testFile` to debug. */
  testCase?: string;
}

export interface PreparedLaunch {
  readonly flow: LoadedFlow;
  readonly input: JsonValue;
  readonly tasks: TaskEnvironment;
  readonly mode: ExecutionMode;
  readonly timeScale: number;
  readonly stopOnEntry: boolean;
  /** Run Without Debugging: the same run and output, no stops. */
  readonly noDebug: boolean;
  /** The test case being debugged: its mocks answer the tasks, its expectations judge the end. */
  readonly testCase?: TestCase;
}

/** Prepares a launch, or says in one message what to fix. */
export function prepareLaunch(args: FlowLaunchArguments, defaultCwd: string): PreparedLaunch | { error: string } {
  const cwd = args.cwd ?? defaultCwd;
  const test = readCase(args, cwd);
  if ('error' in test) return test;
  if (test.flowPath !== undefined && (args.program === undefined || args.program === '')) args = { ...args, program: test.flowPath };
  if (typeof args.program !== 'string' || args.program === '') {
    return { error: 'launch needs "program": the flow file to debug (e.g. "${file}")' };
  }
  const mode = args.mode;
  if (mode !== undefined && mode !== 'Standard' && mode !== 'Express') return { error: `"mode" is Standard or Express, not ${JSON.stringify(mode)}` };
  const timeScale = args.timeScale ?? 1;
  if (typeof timeScale !== 'number' || !(timeScale > 0)) return { error: '"timeScale" must be a positive number' };
  const path = resolve(cwd, args.program);
  if (test.flowPath !== undefined && test.flowPath !== path) {
    return { error: `${args.testFile ?? ''} tests ${test.flowPath}, not ${path}` };
  }
  // Without a "mode", the flow runs under the limits it is saved with (.flowdeck/flows.json).
  const flow = loadFlowFile(path, mode !== undefined ? { mode } : {});
  if (isFlowFileProblem(flow)) {
    const { sentence, errors } = describeFlowFileProblem(args.program, flow, 'debugging');
    // The sentence first (the debug console shows it as the error), the errors under it.
    return { error: [sentence.charAt(0).toUpperCase() + sentence.slice(1) + (errors.length > 0 ? ':' : ''), ...errors].join('\n') };
  }
  let input: { value: JsonValue } | { error: string } = { value: {} };
  // A case brings its own input; one given as well (the Testing view passes it) is the same.
  if (test.testCase) input = { value: test.testCase.input };
  else if (args.input !== undefined && args.inputFile !== undefined) return { error: 'Give "input" or "inputFile", not both' };
  if (typeof args.input === 'string') input = parseInputText(args.input, '"input"');
  else if (args.input !== undefined) {
    input =
      args.input !== null && typeof args.input === 'object' && !Array.isArray(args.input)
        ? { value: args.input }
        : { error: '"input" must be a JSON object such as {"key": "value"}' };
  } else if (args.inputFile !== undefined) input = readInputFile(args.inputFile, cwd);
  if ('error' in input) return input;
  const workspaceDir = args.workspace !== undefined ? resolve(cwd, args.workspace) : findWorkspace(dirname(path), cwd);
  return {
    flow,
    input: input.value,
    tasks: workspaceTasks(workspaceDir),
    mode: flow.mode,
    timeScale,
    stopOnEntry: args.stopOnEntry === true,
    noDebug: args.noDebug === true,
    ...(test.testCase ? { testCase: test.testCase } : {}),
  };
}

/** The case named by `testFile` and `testCase`, with the flow it tests; nothing when neither is given. */
function readCase(args: FlowLaunchArguments, cwd: string): { testCase?: TestCase; flowPath?: string } | { error: string } {
  if (args.testFile === undefined && args.testCase === undefined) return {};
  if (typeof args.testFile !== 'string' || args.testFile === '' || typeof args.testCase !== 'string') {
    return { error: 'Debugging a test case needs both "testFile" (a .flowtest.yaml file) and "testCase" (the name of a case in it)' };
  }
  let file: TestFile;
  try {
    file = readTestFile(resolve(cwd, args.testFile));
  } catch (e) {
    if (e instanceof TestFileError) return { error: `${args.testFile} cannot be run: ${e.message}` };
    throw e;
  }
  const testCase = file.cases.find((c) => c.name === args.testCase);
  if (!testCase) {
    const names = file.cases.map((c) => `"${c.name}"`).join(', ') || '(none)';
    return { error: `${args.testFile} has no case named "${args.testCase}"; its cases: ${names}` };
  }
  return { testCase, flowPath: file.flowPath };
}
