// StartExecution (Standard), StartSyncExecution (Express), StopExecution, DescribeExecution
// (with the WaitTimeSeconds long poll) and ListExecutions.
import type { JsonValue } from '../../engine';
import { MAX_VALUE_DEPTH, valueDepth } from '../../engine/json';
import type { ExecutionEntry } from '../../store/fnfStore';
import { EXECUTION_STATUSES, isTerminalStatus, uuidV4 } from '../../../../cloud/src';
import type { StoredFlow, StoredFlowVersion } from '../../store/records';
import type { RequestContext } from '../product';
import { rpcErrors } from '../transport/errors';
import { executionView, existingFlow, page, runnableDefinition, type FnfContext } from './context';
import { pickVersion } from './aliases';
import { fnfErrors } from './errors';
import { modeOf } from './flows';
import { checkName, jsonObject, pageToken, type FnfParams, type FnfHandlers } from './params';
import { existingVersion } from './versions';

export async function startExecution(ctx: FnfContext, p: FnfParams<'StartExecution'>): Promise<unknown> {
  const flow = existingFlow(ctx, checkName(p.FlowName, 'FlowName'));
  const given = p.ExecutionName;
  const name = given ? checkName(given, 'ExecutionName') : uuidV4();
  const { text, value } = readInput(p.Input);
  if (modeOf(flow) === 'Express') throw fnfErrors.expressNotSupported();
  const qualifier = p.Qualifier || undefined;
  const existing = ctx.store.execution(flow.Id, name);
  if (existing) {
    // Idempotent while running; a finished execution's name cannot be reused.
    if (!isTerminalStatus(existing.exec.Status)) return executionView(existing.exec);
    throw fnfErrors.executionAlreadyExists(name, flow.Name);
  }
  const version = resolveQualifier(ctx, flow, qualifier);
  const definition = runnableDefinition(ctx, flow, version);
  const callback = p.CallbackFnFTaskToken;
  const entry = await ctx.executions.start({
    flow, definition, name, inputText: text, input: value, mode: 'Standard', callbackTaskToken: callback || undefined, qualifier, version,
  });
  return executionView(entry.exec);
}

export async function startSyncExecution(ctx: FnfContext, p: FnfParams<'StartSyncExecution'>): Promise<unknown> {
  const flow = existingFlow(ctx, checkName(p.FlowName, 'FlowName'));
  const given = p.ExecutionName;
  // Sync names need not be unique: the service appends `:{UUID}`.
  const name = `${given ? checkName(given, 'ExecutionName') : uuidV4()}:${uuidV4()}`;
  const { text, value } = readInput(p.Input);
  if (modeOf(flow) !== 'Express') throw fnfErrors.standardNotSupported();
  const qualifier = p.Qualifier || undefined;
  const version = resolveQualifier(ctx, flow, qualifier);
  const definition = runnableDefinition(ctx, flow, version);
  // Only the start takes the flow's turn (a re-create cannot slip in between check and start); the
  // wait for the end does not hold up other writes to the flow.
  const entry = await ctx.serial.run(flow.Name, async () => {
    if (ctx.store.flow(flow.Name) !== flow) throw fnfErrors.flowNotExists(flow.Name);
    return ctx.executions.start({ flow, definition, name, inputText: text, input: value, mode: 'Express', qualifier, version, resultOnly: true });
  });
  await ctx.executions.waitForEnd(entry, Number.POSITIVE_INFINITY);
  ctx.executions.checkRecorded(entry);
  const e = entry.exec;
  const view: Record<string, unknown> = { FlowName: e.FlowName, Name: e.Name, Status: e.Status, StartedTime: e.StartedTime, StoppedTime: e.StoppedTime };
  if (e.Output) view['Output'] = e.Output;
  if (e.ErrorCode) view['ErrorCode'] = e.ErrorCode;
  if (e.ErrorMessage) view['ErrorMessage'] = e.ErrorMessage;
  return view;
}

export async function stopExecution(ctx: FnfContext, p: FnfParams<'StopExecution'>): Promise<unknown> {
  const entry = existingExecution(ctx, p);
  const error = p.Error;
  const cause = p.Cause;
  const stopped = await ctx.executions.stop(entry, error, cause);
  if (!stopped) throw fnfErrors.executionAlreadyCompleted(entry.exec.Name, entry.exec.FlowName);
  return executionView(entry.exec);
}

export async function describeExecution(ctx: FnfContext, p: FnfParams<'DescribeExecution'>, rc: RequestContext): Promise<unknown> {
  const entry = existingExecution(ctx, p);
  const wait = p.WaitTimeSeconds ?? 0;
  await ctx.executions.waitForEnd(entry, wait * 1000, rc.signal);
  const view = executionView(entry.exec);
  if (entry.exec.Environment) view['Environment'] = JSON.parse(entry.exec.Environment) as unknown;
  return view;
}

export function listExecutions(ctx: FnfContext, p: FnfParams<'ListExecutions'>): unknown {
  const flow = existingFlow(ctx, p.FlowName);
  const limit = p.Limit ?? 60;
  const status = p.Status || undefined;
  if (status !== undefined && !(EXECUTION_STATUSES as readonly string[]).includes(status)) {
    throw rpcErrors.invalidArgument(`Status must be one of ${EXECUTION_STATUSES.join(', ')}, got '${status}'.`);
  }
  const begin = optionalTime(p.StartedTimeBegin, 'StartedTimeBegin');
  const end = optionalTime(p.StartedTimeEnd, 'StartedTimeEnd');
  const prefix = p.ExecutionNamePrefix ?? '';
  const metadataOnly = p.MetadataOnly ?? false;
  const qualifier = p.Qualifier || undefined;
  // With MapRunName: that MapRun's child executions; without: the flow's own executions only.
  const mapRunName = p.MapRunName || undefined;
  const matching = ctx.store.executions(flow.Id).filter(({ exec }) => {
    if (exec.MapRunName !== mapRunName) return false;
    if (status !== undefined && exec.Status !== status) return false;
    if (qualifier !== undefined && exec.Qualifier !== qualifier) return false;
    if (!exec.Name.startsWith(prefix)) return false;
    const started = Date.parse(exec.StartedTime);
    return (begin === undefined || started >= begin) && (end === undefined || started <= end);
  });
  const { items, next } = page(matching, (e) => e.exec.Name, pageToken(p.NextToken), limit);
  const Executions = items.map((e) => executionView(e.exec, { metadataOnly }));
  return next === undefined ? { Executions } : { Executions, NextToken: next };
}

/** The execution the request names (every operation on one has these two parameters). */
export function existingExecution(ctx: FnfContext, p: { readonly FlowName: string; readonly ExecutionName: string }): ExecutionEntry {
  const flow = existingFlow(ctx, p.FlowName);
  const name = p.ExecutionName;
  const entry = ctx.store.execution(flow.Id, name);
  if (!entry) throw fnfErrors.executionNotExists(name, flow.Name);
  return entry;
}

/**
 * The version a start runs: a version number names it, any other Qualifier is an alias that picks
 * one by weight; without a Qualifier the latest definition runs (undefined).
 */
function resolveQualifier(ctx: FnfContext, flow: StoredFlow, qualifier: string | undefined): StoredFlowVersion | undefined {
  if (qualifier === undefined) return undefined;
  if (/^\d+$/.test(qualifier)) return existingVersion(ctx, flow, qualifier);
  const alias = ctx.store.alias(flow.Id, qualifier);
  if (!alias) throw fnfErrors.flowAliasNotExists(qualifier, flow.Name);
  return existingVersion(ctx, flow, pickVersion(alias, ctx.random));
}

function readInput(input: string | undefined): { text: string; value: JsonValue } {
  const text = input || '{}';
  const value = jsonObject(text, 'Input') as JsonValue;
  // Refused here, so a start that could never be recorded is not acknowledged as Running.
  if (valueDepth(value) > MAX_VALUE_DEPTH) throw rpcErrors.invalidArgument(`Input nests more than ${MAX_VALUE_DEPTH} levels deep; flatten it.`);
  return { text, value };
}

function optionalTime(v: string | undefined, name: string): number | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw rpcErrors.invalidArgument(`${name} must be a UTC time in RFC 3339 form, e.g. 2024-01-01T00:00:00Z; got '${v}'.`);
  return t;
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const executionHandlers = {
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  StopExecution: stopExecution,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
} satisfies Partial<FnfHandlers>;
