// Shared by the debugger tests: fixture paths, line lookup, and a launched in-process session.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { FlowDebugSession } from '../../../debug/src';
import { DapClient } from './dapClient';

export const ROOT = join(__dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/debug');
export const EXAMPLES = join(ROOT, 'examples');
export const ORDER_FLOW = join(EXAMPLES, 'order-processing.flow.yaml');
export const SMALL_ORDER = join(EXAMPLES, '.flowdeck/inputs/order-processing/small-order.json');

/** The 1-based line of the first line of `path` that contains `text` (after `after`, if given). */
export function lineOf(path: string, text: string, after?: string): number {
  const lines = readFileSync(path, 'utf8').split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, n) => n >= from && l.includes(text));
  if (i < 0) throw new Error(`${text} is not in ${path}`);
  return i + 1;
}

export interface LaunchOptions {
  readonly args: Record<string, unknown>;
  readonly breakpoints?: DebugProtocol.SourceBreakpoint[];
  /** Exception filters; default: the adapter's defaults (uncaught errors). */
  readonly exceptionFilters?: string[];
}

export interface Launched {
  readonly dap: DapClient;
  readonly session: FlowDebugSession;
  readonly breakpoints: DebugProtocol.Breakpoint[];
}

/** initialize, launch, setBreakpoints (on the program), setExceptionBreakpoints, configurationDone. */
export async function launch(options: LaunchOptions): Promise<Launched> {
  const session = new FlowDebugSession({ cwd: FIXTURES });
  const dap = DapClient.inProcess(session);
  await dap.ok('initialize', { adapterID: 'flowdeck', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
  await dap.next('initialized');
  const launched = dap.request('launch', options.args);
  let breakpoints: DebugProtocol.Breakpoint[] = [];
  if (options.breakpoints) {
    const body = await dap.ok<DebugProtocol.SetBreakpointsResponse['body']>('setBreakpoints', {
      source: { path: options.args['program'] as string },
      breakpoints: options.breakpoints,
    });
    breakpoints = body.breakpoints;
  }
  if (options.exceptionFilters) await dap.ok('setExceptionBreakpoints', { filters: options.exceptionFilters });
  await dap.ok('configurationDone');
  const response = await launched;
  if (!response.success) throw new Error(`launch failed: ${response.message ?? ''}`);
  return { dap, session, breakpoints };
}

/** Waits for the end of the run: the exit code, after `terminated`. */
export async function exitCode(dap: DapClient): Promise<number> {
  const exited = await dap.next<DebugProtocol.ExitedEvent>('exited');
  await dap.next('terminated');
  return exited.body.exitCode;
}
