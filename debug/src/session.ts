// The Debug Adapter Protocol face of the flow debugger: maps DAP requests to one RunController
// (stopping) and one Inspector (stack, variables, evaluate) per execution, and prints the
// execution's history events to the Debug Console as they happen. Runs inline in the extension
// host or over stdio (`flowdeck debug-adapter`).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  Breakpoint,
  DebugSession,
  ExitedEvent,
  InitializedEvent,
  OutputEvent,
  Scope,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
  ThreadEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { fileDocument, createLanguageService } from '../../server/src';
import { startRun, type RunHandle, type RunResult } from '../../emulator/src/engine';
import { CaseEnvironment } from '../../flowtest/src';
import { BreakpointStore } from './breakpoints';
import { RunController, type ControllerEvents, type ExceptionFilter, type StopEvent } from './controller';
import { eventLine, resultLines } from './eventLine';
import type { Dialect } from './expressions';
import { Inspector, type VariableInfo } from './inspect';
import { prepareLaunch, type FlowLaunchArguments, type PreparedLaunch } from './launch';
import { PausableClock } from './pausableClock';
import { StateMap } from './stateMap';

export const EXCEPTION_FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  {
    filter: 'uncaught',
    label: 'Uncaught errors',
    description: 'Stop where an error would fail the execution (no Retry or Catch handles it)',
    default: true,
  },
  {
    filter: 'taskErrors',
    label: 'All task errors',
    description: 'Stop at every failed task call, including those a Retry or Catch rule handles',
    default: false,
  },
];

/** How long launch waits for configurationDone (breakpoints) before it starts anyway. */
const CONFIGURATION_WAIT_MS = 5000;

interface ActiveRun {
  readonly launch: PreparedLaunch;
  readonly controller: RunController;
  readonly inspector: Inspector;
  readonly handle: RunHandle;
  readonly map: StateMap;
  /** The test case's mocks, clock and record, when a case is being debugged. */
  readonly testCase: CaseEnvironment | undefined;
  /** Set when the run is being replaced (restart): its end is not the session's end. */
  replaced: boolean;
}

export interface FlowDebugSessionOptions {
  /** Where relative `program` and `inputFile` paths resolve when launch gives no `cwd`. */
  readonly cwd?: string;
  /** The exception filters' label and description in the client's language (default English). */
  readonly exceptionFilterText?: Partial<Record<ExceptionFilter, { readonly label: string; readonly description: string }>>;
}

export class FlowDebugSession extends DebugSession {
  private readonly service = createLanguageService();
  private readonly breakpoints = new BreakpointStore();
  private readonly exceptionFilters = new Set<ExceptionFilter>(['uncaught']);
  private readonly maps = new Map<string, { map: StateMap; dialect: Dialect }>();
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));
  private run: ActiveRun | undefined;
  private launchArgs: FlowLaunchArguments | undefined;
  /** The flow being debugged, once launch has read it: breakpoints elsewhere cannot be hit. */
  private programPath: string | undefined;
  private closed!: () => void;
  /** Resolves when the client disconnects or the input stream closes. */
  readonly done = new Promise<void>((resolve) => (this.closed = resolve));

  constructor(private readonly options: FlowDebugSessionOptions = {}) {
    super();
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  /** Never exits the process: the CLI and the extension host decide that. */
  override shutdown(): void {
    this.closed();
  }

  /** DAP's pathFormat defaults to 'path'; the base class insists on it being said. */
  protected override dispatchRequest(request: DebugProtocol.Request): void {
    if (request.command === 'initialize') {
      const args = (request.arguments ?? {}) as DebugProtocol.InitializeRequestArguments;
      request.arguments = { ...args, pathFormat: args.pathFormat ?? 'path' };
    }
    super.dispatchRequest(request);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsRestartRequest: true,
      supportsTerminateRequest: true,
      supportsExceptionInfoRequest: true,
      exceptionBreakpointFilters: EXCEPTION_FILTERS.map((f) => ({
        ...f,
        ...(this.options.exceptionFilterText?.[f.filter as ExceptionFilter] ?? {}),
      })),
    };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured();
    this.sendResponse(response);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: FlowLaunchArguments): Promise<void> {
    const prepared = prepareLaunch(args, this.options.cwd ?? process.cwd());
    if ('error' in prepared) {
      this.sendErrorResponse(response, { id: 1, format: prepared.error, showUser: true });
      return;
    }
    this.launchArgs = args;
    this.programPath = prepared.flow.path;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.configurationDone, new Promise<void>((r) => (timer = setTimeout(r, CONFIGURATION_WAIT_MS)))]);
    clearTimeout(timer);
    this.startExecution(prepared);
    this.sendResponse(response);
  }

  private stateMapFor(path: string): { map: StateMap; dialect: Dialect } {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return { map: StateMap.empty(), dialect: 'current' };
    }
    const doc = fileDocument(path, text);
    const analysed = this.service.analyse(doc);
    const entry = { map: StateMap.fromAnalysed(analysed), dialect: analysed.dialect === 'fdl-legacy' ? 'legacy' : 'current' } as const;
    this.maps.set(path, entry);
    return entry;
  }

  private startExecution(launch: PreparedLaunch): void {
    const path = launch.flow.path;
    const map = StateMap.fromAnalysed(launch.flow.analysed);
    const dialect: Dialect = launch.flow.dialect === 'fdl-legacy' ? 'legacy' : 'current';
    this.maps.set(path, { map, dialect });
    this.breakpoints.resetHits();
    if (launch.flow.modeSavedIn !== undefined) {
      this.sendEvent(new OutputEvent(`${launch.mode} limits, as ${launch.flow.modeSavedIn} saves this flow ("mode" in the launch configuration chooses them).\n`, 'console'));
    }
    const events: ControllerEvents = {
      stopped: (e) => this.sendStopped(e),
      output: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      threadStarted: (id) => this.sendEvent(new ThreadEvent('started', id)),
      threadExited: (id) => this.sendEvent(new ThreadEvent('exited', id)),
    };
    // A test case runs on its own virtual clock, as under the runner: Waits and Retry intervals
    // take no real time, and time stands still while stopped. Other runs: real time, paused.
    const testCase = launch.testCase ? new CaseEnvironment(launch.testCase, launch.tasks) : undefined;
    const clock = testCase?.clock ?? new PausableClock();
    const controller = new RunController({
      clock,
      path,
      map,
      dialect,
      breakpoints: this.breakpoints,
      exceptionFilters: this.exceptionFilters,
      stopOnEntry: launch.stopOnEntry,
      events,
    });
    const handle = startRun({
      definition: launch.flow.definition,
      input: launch.input,
      flowName: launch.flow.flowName,
      executionName: `debug-${Date.now()}`,
      tasks: testCase?.tasks ?? launch.tasks,
      executionMode: launch.mode,
      timeScale: launch.timeScale,
      onEvent: (e) => {
        testCase?.observe(e);
        this.sendEvent(new OutputEvent(`${eventLine(e)}\n`, 'stdout'));
      },
      // Run Without Debugging: the engine runs unobserved, on the real clock (a case: on its own).
      ...(launch.noDebug ? (testCase?.clock ? { clock: testCase.clock } : {}) : { clock, observer: controller }),
    });
    testCase?.attach(handle);
    const inspector = new Inspector(controller, map, dialect, launch.flow.flowName, launch.input);
    const run: ActiveRun = { launch, controller, inspector, handle, map, testCase, replaced: false };
    this.run = run;
    void handle.done.then((result) => this.finished(run, result));
  }

  private finished(run: ActiveRun, result: RunResult): void {
    run.testCase?.dispose();
    if (run.replaced) return;
    this.sendEvent(new OutputEvent(`${resultLines(result).join('\n')}\n`, result.status === 'Succeeded' ? 'console' : 'stderr'));
    let passed = result.status === 'Succeeded';
    if (run.testCase) {
      // The case's verdict is the runner's: the same checks, the same diff text.
      const failures = run.testCase.check(result);
      passed = failures.length === 0;
      const name = run.testCase.testCase.name;
      const verdict = passed
        ? `Test case "${name}" passed: its expectations hold.\n`
        : `Test case "${name}" failed:\n${failures.map((f) => `  ${f.message.replaceAll('\n', '\n  ')}`).join('\n')}\n`;
      this.sendEvent(new OutputEvent(verdict, passed ? 'console' : 'stderr'));
    }
    this.sendEvent(new ExitedEvent(passed ? 0 : 1));
    this.sendEvent(new TerminatedEvent());
  }

  private sendStopped(e: StopEvent): void {
    this.run?.inspector.reset();
    const event = new StoppedEvent(e.reason, e.threadId) as DebugProtocol.StoppedEvent;
    event.body.allThreadsStopped = true;
    if (e.description !== undefined) event.body.description = e.description;
    if (e.text !== undefined) event.body.text = e.text;
    if (e.hitBreakpointIds) event.body.hitBreakpointIds = e.hitBreakpointIds;
    this.sendEvent(event);
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const path = args.source.path !== undefined ? resolve(args.source.path) : undefined;
    const source: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? args.lines?.map((line) => ({ line })) ?? [];
    if (path === undefined) {
      response.body = { breakpoints: source.map(() => ({ verified: false, message: 'Breakpoints need a flow file on disk' })) };
      this.sendResponse(response);
      return;
    }
    const program = this.programPath;
    if (program !== undefined && path !== program) {
      const message = `Not in the flow being debugged (${basename(program)})`;
      response.body = { breakpoints: source.map((b) => ({ verified: false, line: b.line, message })) };
      this.sendResponse(response);
      return;
    }
    // The launched flow's map is the one its states run from; other files are read now.
    const { map, dialect } = this.run && this.run.launch.flow.path === path ? { map: this.run.map, dialect: this.maps.get(path)!.dialect } : this.stateMapFor(path);
    const requests = source.map((b) => ({
      line: this.convertClientLineToDebugger(b.line),
      ...(b.condition !== undefined ? { condition: b.condition } : {}),
      ...(b.hitCondition !== undefined ? { hitCondition: b.hitCondition } : {}),
      ...(b.logMessage !== undefined ? { logMessage: b.logMessage } : {}),
    }));
    const answers = this.breakpoints.set(path, map, dialect, requests);
    response.body = {
      breakpoints: answers.map((a) => {
        const bp = new Breakpoint(a.verified, this.convertDebuggerLineToClient(a.line), undefined, new Source(basename(path), path)) as DebugProtocol.Breakpoint;
        if (a.id !== undefined) bp.id = a.id;
        if (a.message !== undefined) bp.message = a.message;
        return bp;
      }),
    };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    this.exceptionFilters.clear();
    for (const f of args.filters) if (f === 'uncaught' || f === 'taskErrors') this.exceptionFilters.add(f);
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const threads = this.run?.controller.threads() ?? [];
    response.body = {
      threads: threads.length > 0 ? threads.map((t) => new Thread(t.id, t.name)) : [new Thread(1, 'Execution')],
    };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const run = this.run;
    const frames = run ? run.inspector.stackTrace(args.threadId) : [];
    const start = args.startFrame ?? 0;
    const count = args.levels !== undefined && args.levels > 0 ? args.levels : frames.length;
    const path = run?.launch.flow.path;
    response.body = {
      totalFrames: frames.length,
      stackFrames: frames.slice(start, start + count).map((f) => {
        const frame = new StackFrame(
          f.id,
          f.name,
          path !== undefined && f.location ? new Source(basename(path), path) : undefined,
          this.convertDebuggerLineToClient(f.location?.firstLine ?? 0),
          this.convertDebuggerColumnToClient(f.location?.startCharacter ?? 0),
        ) as DebugProtocol.StackFrame;
        if (f.location) {
          frame.endLine = this.convertDebuggerLineToClient(f.location.lastLine);
          frame.endColumn = this.convertDebuggerColumnToClient(f.location.endCharacter);
        }
        return frame;
      }),
    };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    response.body = { scopes: (this.run?.inspector.scopes(args.frameId) ?? []).map((s) => new Scope(s.name, s.variablesReference, false)) };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    let variables = this.run?.inspector.variables(args.variablesReference) ?? [];
    if (args.start !== undefined || args.count !== undefined) {
      const start = args.start ?? 0;
      variables = variables.slice(start, args.count ? start + args.count : undefined);
    }
    response.body = { variables: variables.map(toDapVariable) };
    this.sendResponse(response);
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    const result = this.run?.inspector.setVariable(args.variablesReference, args.name, args.value) ?? { error: 'Nothing is running' };
    if ('error' in result) {
      this.sendErrorResponse(response, { id: 2, format: result.error, showUser: true });
      return;
    }
    response.body = { value: result.value, type: result.type, variablesReference: result.variablesReference };
    this.sendResponse(response);
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    const result = this.run?.inspector.evaluate(args.expression, args.frameId) ?? { error: 'Nothing is running' };
    if ('error' in result) {
      this.sendErrorResponse(response, { id: 3, format: result.error, showUser: args.context === 'repl' });
      return;
    }
    response.body = {
      result: result.value,
      type: result.type,
      variablesReference: result.variablesReference,
      ...(result.namedVariables !== undefined ? { namedVariables: result.namedVariables } : {}),
      ...(result.indexedVariables !== undefined ? { indexedVariables: result.indexedVariables } : {}),
    };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, args: DebugProtocol.ExceptionInfoArguments): void {
    const e = this.run?.controller.thread(args.threadId)?.exception;
    if (!e) {
      this.sendErrorResponse(response, { id: 4, format: 'This thread did not stop on an error' });
      return;
    }
    response.body = { exceptionId: e.error, description: e.cause, breakMode: e.uncaught ? 'unhandled' : 'always' };
    this.sendResponse(response);
  }

  private resume(kind: 'continue' | 'next' | 'stepIn' | 'stepOut', threadId: number): void {
    this.run?.inspector.reset();
    this.run?.controller.resume(kind, threadId);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse, args: DebugProtocol.ContinueArguments): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.resume('continue', args.threadId);
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.sendResponse(response);
    this.resume('next', args.threadId);
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.sendResponse(response);
    this.resume('stepIn', args.threadId);
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.sendResponse(response);
    this.resume('stepOut', args.threadId);
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.run?.controller.pause();
    this.sendResponse(response);
  }

  protected override async restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): Promise<void> {
    const launchArgs = (args.arguments as FlowLaunchArguments | undefined) ?? this.launchArgs;
    if (!launchArgs) {
      this.sendErrorResponse(response, { id: 5, format: 'Nothing to restart: launch first' });
      return;
    }
    // Read the flow again: restarting after an edit runs the edited flow.
    const prepared = prepareLaunch(launchArgs, this.options.cwd ?? process.cwd());
    if ('error' in prepared) {
      this.sendErrorResponse(response, { id: 1, format: prepared.error, showUser: true });
      return;
    }
    const old = this.run;
    if (old) {
      old.replaced = true;
      old.handle.stop('FnF.Stopped', 'restarted from the debugger');
      old.controller.terminate();
      await old.handle.done;
      for (const t of old.controller.threads()) this.sendEvent(new ThreadEvent('exited', t.id));
    }
    this.launchArgs = launchArgs;
    this.programPath = prepared.flow.path;
    this.startExecution(prepared);
    this.sendResponse(response);
  }

  private stopRun(): void {
    const run = this.run;
    if (!run) return;
    run.handle.stop('FnF.Stopped', 'stopped from the debugger');
    run.controller.terminate();
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.stopRun();
    this.sendResponse(response);
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    const run = this.run;
    if (run) run.replaced = true;
    this.stopRun();
    this.sendResponse(response);
    this.shutdown();
  }
}

function toDapVariable(v: VariableInfo): DebugProtocol.Variable {
  return {
    name: v.name,
    value: v.value,
    type: v.type,
    variablesReference: v.variablesReference,
    ...(v.namedVariables !== undefined ? { namedVariables: v.namedVariables } : {}),
    ...(v.indexedVariables !== undefined ? { indexedVariables: v.indexedVariables } : {}),
    ...(v.evaluateName !== undefined ? { evaluateName: v.evaluateName } : {}),
  };
}
