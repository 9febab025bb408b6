// StartExecution (Standard), StartSyncExecution (Express), StopExecution, DescribeExecution
// (with the WaitTimeSeconds long poll) and ListExecutions.
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../engine';
import { MAX_VALUE_DEPTH, valueDepth } from '../../engine/json';
import type { ExecutionEntry } from '../../store/fnfStore';
import { TERMINAL_STATUSES, type ExecutionStatus, type StoredFlow, type StoredFlowVersion } from '../../store/records';
import type { RequestContext, RequestParams } from '../product';
import { rpcErrors } from '../transport/errors';
import { executionView, existingFlow, page, runnableDefinition, type FnfContext } from './context';
import { pickVersion } from './aliases';
import { fnfErrors } from './errors';
import { modeOf } from './flows';
import { checkLength, checkName, jsonObject, optional, optionalBool, optionalInt, pageToken, required, requiredName } from './params';
import { existingVersion } from './versions';

const STATUSES: readonly ExecutionStatus[] = ['Starting', 'Running', 'Stopped', 'Succeeded', 'Failed', 'TimedOut'];

export async function startExecution(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const flow = existingFlow(ctx, requiredName(p, 'FlowName'));
  const given = optional(p, 'ExecutionName');
  const name = given ? checkName(given, 'ExecutionName') : randomUUID();
  const { text, value } = readInput(p);
  if (modeOf(flow) === 'Express') throw fnfErrors.expressNotSupported();
  const qualifier = optional(p, 'Qualifier') || undefined;
  const existing = ctx.store.execution(flow.Id, name);
  if (existing) {
    // Idempotent while running; a finished execution's name cannot be reused.
    if (!TERMINAL_STATUSES.has(existing.exec.Status)) return executionView(existing.exec);
    throw fnfErrors.executionAlreadyExists(name, flow.Name);
  }
  const version = resolveQualifier(ctx, flow, qualifier);
  const definition = runnableDefinition(ctx, flow, version);
  const callback = optional(p, 'CallbackFnFTaskToken');
  const entry = await ctx.executions.start({
    flow, definition, name, inputText: text, input: value, mode: 'Standard', callbackTaskToken: callback || undefined, qualifier, version,
  });
  return executionView(entry.exec);
}

export async function startSyncExecution(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const flow = existingFlow(ctx, requiredName(p, 'FlowName'));
  const given = optional(p, 'ExecutionName');
  // Sync names need not be unique: the service appends `:{UUID}`.
  const name = `${given ? checkName(given, 'ExecutionName') : randomUUID()}:${randomUUID()}`;
  const { text, value } = readInput(p);
  if (modeOf(flow) !== 'Express') throw fnfErrors.standardNotSupported();
  const qualifier = optional(p, 'Qualifier') || undefined;
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

export async function stopExecution(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const entry = existingExecution(ctx, p);
  const error = optional(p, 'Error');
  const cause = optional(p, 'Cause');
  checkLength(error, 'Error', 1, 128);
  checkLength(cause, 'Cause', 1, 4096);
  const stopped = await ctx.executions.stop(entry, error, cause);
  if (!stopped) throw fnfErrors.executionAlreadyCompleted(entry.exec.Name, entry.exec.FlowName);
  return executionView(entry.exec);
}

export async function describeExecution(ctx: FnfContext, p: RequestParams, rc: RequestContext): Promise<unknown> {
  const entry = existingExecution(ctx, p);
  const wait = optionalInt(p, 'WaitTimeSeconds', 0, 60) ?? 0;
  await ctx.executions.waitForEnd(entry, wait * 1000, rc.signal);
  const view = executionView(entry.exec);
  if (entry.exec.Environment) view['Environment'] = JSON.parse(entry.exec.Environment) as unknown;
  return view;
}

export function listExecutions(ctx: FnfContext, p: RequestParams): unknown {
  const flow = existingFlow(ctx, required(p, 'FlowName'));
  const limit = optionalInt(p, 'Limit', 1, 100) ?? 60;
  const status = optional(p, 'Status') || undefined;
  if (status !== undefined && !STATUSES.includes(status as ExecutionStatus)) {
    throw rpcErrors.invalidArgument(`Status must be one of ${STATUSES.join(', ')}, got '${status}'.`);
  }
  const begin = optionalTime(p, 'StartedTimeBegin');
  const end = optionalTime(p, 'StartedTimeEnd');
  const prefix = optional(p, 'ExecutionNamePrefix') ?? '';
  const metadataOnly = optionalBool(p, 'MetadataOnly') ?? false;
  const qualifier = optional(p, 'Qualifier') || undefined;
  // With MapRunName: that MapRun's child executions; without: the flow's own executions only.
  const mapRunName = optional(p, 'MapRunName') || undefined;
  const matching = ctx.store.executions(flow.Id).filter(({ exec }) => {
    if (exec.MapRunName !== mapRunName) return false;
    if (status !== undefined && exec.Status !== status) return false;
    if (qualifier !== undefined && exec.Qualifier !== qualifier) return false;
    if (!exec.Name.startsWith(prefix)) return false;
    const started = Date.parse(exec.StartedTime);
    return (begin === undefined || started >= begin) && (end === undefined || started <= end);
  });
  const { items, next } = page(matching, (e) => e.exec.Name, pageToken(p), limit);
  const Executions = items.map((e) => executionView(e.exec, { metadataOnly }));
  return next === undefined ? { Executions } : { Executions, NextToken: next };
}

export function existingExecution(ctx: FnfContext, p: RequestParams): ExecutionEntry {
  const flow = existingFlow(ctx, required(p, 'FlowName'));
  const name = required(p, 'ExecutionName');
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

function readInput(p: RequestParams): { text: string; value: JsonValue } {
  const text = optional(p, 'Input') || '{}';
  const value = jsonObject(text, 'Input') as JsonValue;
  // Refused here, so a start that could never be recorded is not acknowledged as Running.
  if (valueDepth(value) > MAX_VALUE_DEPTH) throw rpcErrors.invalidArgument(`Input nests more than ${MAX_VALUE_DEPTH} levels deep; flatten it.`);
  return { text, value };
}

function optionalTime(p: RequestParams, name: string): number | undefined {
  const v = optional(p, name);
  if (!v) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw rpcErrors.invalidArgument(`${name} must be a UTC time in RFC 3339 form, e.g. 2024-01-01T00:00:00Z; got '${v}'.`);
  return t;
}
