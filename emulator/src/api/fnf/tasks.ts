// ReportTaskSucceeded / ReportTaskFailed: complete a WaitForCustomCallback task by its token.
import type { JsonValue } from '../../engine';
import type { TaskReport } from '../../executions/manager';
import type { RequestParams } from '../product';
import { rpcErrors } from '../transport/errors';
import type { FnfContext } from './context';
import { fnfErrors } from './errors';
import { checkLength, optional, required } from './params';

export async function reportTaskSucceeded(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const token = required(p, 'TaskToken');
  const text = required(p, 'Output');
  let output: JsonValue;
  try {
    output = JSON.parse(text) as JsonValue;
  } catch (err) {
    throw rpcErrors.invalidArgument(`Output is not valid JSON (${err instanceof Error ? err.message : String(err)}). Pass the task's result as JSON, e.g. {"key":"value"}.`);
  }
  return answer(token, await ctx.executions.report(token, { output }));
}

export async function reportTaskFailed(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const token = required(p, 'TaskToken');
  const error = required(p, 'Error');
  const cause = optional(p, 'Cause');
  checkLength(error, 'Error', 1, 128);
  checkLength(cause, 'Cause', 1, 4096);
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
