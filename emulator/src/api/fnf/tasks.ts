// ReportTaskSucceeded / ReportTaskFailed: complete a WaitForCustomCallback task by its token.
import type { JsonValue } from '../../engine';
import type { TaskReport } from '../../executions/manager';
import { rpcErrors } from '../transport/errors';
import type { FnfContext } from './context';
import { fnfErrors } from './errors';
import type { FnfParams, FnfHandlers } from './params';

export async function reportTaskSucceeded(ctx: FnfContext, p: FnfParams<'ReportTaskSucceeded'>): Promise<unknown> {
  const token = p.TaskToken;
  const text = p.Output;
  let output: JsonValue;
  try {
    output = JSON.parse(text) as JsonValue;
  } catch (err) {
    throw rpcErrors.invalidArgument(`Output is not valid JSON (${err instanceof Error ? err.message : String(err)}). Pass the task's result as JSON, e.g. {"key":"value"}.`);
  }
  return answer(token, await ctx.executions.report(token, { output }));
}

export async function reportTaskFailed(ctx: FnfContext, p: FnfParams<'ReportTaskFailed'>): Promise<unknown> {
  const token = p.TaskToken;
  const error = p.Error;
  const cause = p.Cause;
  return answer(token, await ctx.executions.report(token, { error, cause: cause ?? '' }));
}

function answer(token: string, report: TaskReport): unknown {
  switch (report.kind) {
    case 'reported':
      return { EventId: report.eventId };
    case 'alreadyCompleted':
      throw fnfErrors.taskAlreadyCompleted(token);
    case 'unknownToken':
      throw rpcErrors.invalidArgument(`TaskToken '${token}' matches no task of this emulator. Use the token the task received ($Context.Current.TaskToken).`);
  }
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const taskHandlers = {
  ReportTaskSucceeded: reportTaskSucceeded,
  ReportTaskFailed: reportTaskFailed,
} satisfies Partial<FnfHandlers>;
