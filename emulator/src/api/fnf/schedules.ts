// CreateSchedule, UpdateSchedule, DeleteSchedule, DescribeSchedule and ListSchedules, and what
// one firing of an enabled schedule does.
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../engine';
import { CronError, parseCron } from '../../executions/cron';
import type { StoredSchedule } from '../../store/records';
import { rpcErrors } from '../transport/errors';
import { existingFlow, isoNow, page, runnableDefinition, scheduleView, type FnfContext } from './context';
import { modeOf } from './flows';
import { fnfErrors } from './errors';
import { checkName, pageToken, type FnfParams, type FnfHandlers } from './params';

export async function createSchedule(ctx: FnfContext, p: FnfParams<'CreateSchedule'>): Promise<unknown> {
  const flow = existingFlow(ctx, checkName(p.FlowName, 'FlowName'));
  const name = checkName(p.ScheduleName, 'ScheduleName');
  const cron = checkCron(p.CronExpression);
  const payload = checkPayload(p.Payload);
  const enable = p.Enable;
  if (ctx.store.schedule(flow.Id, name)) throw fnfErrors.scheduleAlreadyExists(name, flow.Name);
  const now = isoNow(ctx);
  const schedule: StoredSchedule = {
    FlowName: flow.Name,
    FlowId: flow.Id,
    ScheduleId: randomUUID(),
    ScheduleName: name,
    Description: p.Description ?? '',
    Payload: payload ?? '',
    CronExpression: cron,
    Enable: enable ?? false,
    CreatedTime: now,
    LastModifiedTime: now,
  };
  await ctx.store.putSchedule(schedule);
  ctx.scheduler.arm(schedule);
  return scheduleView(schedule);
}

export async function updateSchedule(ctx: FnfContext, p: FnfParams<'UpdateSchedule'>): Promise<unknown> {
  const schedule = existingSchedule(ctx, p);
  const cron = p.CronExpression;
  const payload = checkPayload(p.Payload);
  const enable = p.Enable;
  const updated: StoredSchedule = {
    ...schedule,
    CronExpression: cron ? checkCron(cron) : schedule.CronExpression,
    Payload: payload ?? schedule.Payload,
    Description: p.Description ?? schedule.Description,
    Enable: enable ?? schedule.Enable,
    LastModifiedTime: isoNow(ctx),
  };
  await ctx.store.putSchedule(updated);
  ctx.scheduler.arm(updated);
  return scheduleView(updated);
}

export async function deleteSchedule(ctx: FnfContext, p: FnfParams<'DeleteSchedule'>): Promise<unknown> {
  const schedule = existingSchedule(ctx, p);
  await ctx.store.deleteSchedule(schedule);
  ctx.scheduler.disarm(schedule.FlowId, schedule.ScheduleName);
  return {};
}

export function describeSchedule(ctx: FnfContext, p: FnfParams<'DescribeSchedule'>): unknown {
  return scheduleView(existingSchedule(ctx, p));
}

export function listSchedules(ctx: FnfContext, p: FnfParams<'ListSchedules'>): unknown {
  const flow = existingFlow(ctx, p.FlowName);
  const limit = p.Limit ?? 60;
  const { items, next } = page(ctx.store.schedules(flow.Id), (s) => s.ScheduleName, pageToken(p.NextToken), limit);
  const Schedules = items.map(scheduleView);
  return next === undefined ? { Schedules } : { Schedules, NextToken: next };
}

function existingSchedule(ctx: FnfContext, p: { readonly FlowName: string; readonly ScheduleName: string }): StoredSchedule {
  const flow = existingFlow(ctx, p.FlowName);
  const name = p.ScheduleName;
  const schedule = ctx.store.schedule(flow.Id, name);
  if (!schedule) throw fnfErrors.scheduleNotExists(name, flow.Name);
  return schedule;
}

function checkPayload(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return text;
  try {
    JSON.parse(text);
  } catch {
    throw rpcErrors.invalidArgument('Payload must be JSON, e.g. {"key":"value"}.');
  }
  return text;
}

export function checkCron(expr: string): string {
  try {
    parseCron(expr);
  } catch (err) {
    if (err instanceof CronError) throw rpcErrors.invalidArgument(`CronExpression '${expr}': ${err.message}`);
    throw err;
  }
  return expr;
}

/**
 * Starts the execution of one firing: named `<ScheduleName>-<UTC time>`, with the Payload (a JSON
 * object) as its input, in the flow's own mode. A flow deleted or re-created since is skipped.
 */
export function fireSchedule(ctx: FnfContext, schedule: StoredSchedule, at: number): Promise<void> {
  // The same turn as StartExecution, so a firing and a re-create of the flow cannot interleave.
  return ctx.serial.run(schedule.FlowName, () => fireScheduleNow(ctx, schedule, at));
}

async function fireScheduleNow(ctx: FnfContext, schedule: StoredSchedule, at: number): Promise<void> {
  const flow = ctx.store.flow(schedule.FlowName);
  if (!flow || flow.Id !== schedule.FlowId) return;
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const name = `${schedule.ScheduleName.slice(0, 110)}-${stamp}`;
  if (ctx.store.execution(flow.Id, name)) return;
  let input: JsonValue = {};
  if (schedule.Payload) {
    const parsed = JSON.parse(schedule.Payload) as JsonValue;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) input = parsed;
  }
  await ctx.executions.start({
    flow, definition: runnableDefinition(ctx, flow), name, inputText: JSON.stringify(input), input, mode: modeOf(flow),
  });
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const scheduleHandlers = {
  CreateSchedule: createSchedule,
  UpdateSchedule: updateSchedule,
  DeleteSchedule: deleteSchedule,
  DescribeSchedule: describeSchedule,
  ListSchedules: listSchedules,
} satisfies Partial<FnfHandlers>;
