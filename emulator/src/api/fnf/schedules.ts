// CreateSchedule, UpdateSchedule, DeleteSchedule, DescribeSchedule and ListSchedules. The
// emulator keeps and checks schedules; it does not fire them.
import { randomUUID } from 'node:crypto';
import type { StoredSchedule } from '../../store/records';
import type { RequestParams } from '../product';
import { rpcErrors } from '../transport/errors';
import { existingFlow, isoNow, page, scheduleView, type FnfContext } from './context';
import { fnfErrors } from './errors';
import { optional, optionalBool, optionalInt, pageToken, required, requiredName } from './params';

export async function createSchedule(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const flow = existingFlow(ctx, requiredName(p, 'FlowName'));
  const name = requiredName(p, 'ScheduleName');
  const cron = checkCron(required(p, 'CronExpression'));
  const payload = checkPayload(optional(p, 'Payload'));
  const enable = optionalBool(p, 'Enable');
  if (ctx.store.schedule(flow.Id, name)) throw fnfErrors.scheduleAlreadyExists(name, flow.Name);
  const now = isoNow(ctx);
  const schedule: StoredSchedule = {
    FlowName: flow.Name,
    FlowId: flow.Id,
    ScheduleId: randomUUID(),
    ScheduleName: name,
    Description: optional(p, 'Description') ?? '',
    Payload: payload ?? '',
    CronExpression: cron,
    Enable: enable ?? false,
    CreatedTime: now,
    LastModifiedTime: now,
  };
  await ctx.store.putSchedule(schedule);
  return scheduleView(schedule);
}

export async function updateSchedule(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const schedule = existingSchedule(ctx, p);
  const cron = optional(p, 'CronExpression');
  const payload = checkPayload(optional(p, 'Payload'));
  const enable = optionalBool(p, 'Enable');
  const updated: StoredSchedule = {
    ...schedule,
    CronExpression: cron ? checkCron(cron) : schedule.CronExpression,
    Payload: payload ?? schedule.Payload,
    Description: optional(p, 'Description') ?? schedule.Description,
    Enable: enable ?? schedule.Enable,
    LastModifiedTime: isoNow(ctx),
  };
  await ctx.store.putSchedule(updated);
  return scheduleView(updated);
}

export async function deleteSchedule(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  await ctx.store.deleteSchedule(existingSchedule(ctx, p));
  return {};
}

export function describeSchedule(ctx: FnfContext, p: RequestParams): unknown {
  return scheduleView(existingSchedule(ctx, p));
}

export function listSchedules(ctx: FnfContext, p: RequestParams): unknown {
  const flow = existingFlow(ctx, required(p, 'FlowName'));
  const limit = optionalInt(p, 'Limit', 1, 1000) ?? 60;
  const { items, next } = page(ctx.store.schedules(flow.Id), (s) => s.ScheduleName, pageToken(p), limit);
  const Schedules = items.map(scheduleView);
  return next === undefined ? { Schedules } : { Schedules, NextToken: next };
}

function existingSchedule(ctx: FnfContext, p: RequestParams): StoredSchedule {
  const flow = existingFlow(ctx, required(p, 'FlowName'));
  const name = required(p, 'ScheduleName');
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

// Six fields, UTC: Seconds Minutes Hours Day-of-month Month Day-of-week, or `@every <N>m`.
const FIELDS: readonly { name: string; min: number; max: number; specials: string; names?: readonly string[] }[] = [
  { name: 'Seconds', min: 0, max: 59, specials: '' },
  { name: 'Minutes', min: 0, max: 59, specials: ',-*/' },
  { name: 'Hours', min: 0, max: 23, specials: ',-*/' },
  { name: 'Day-of-month', min: 1, max: 31, specials: ',-*?/' },
  { name: 'Month', min: 1, max: 12, specials: ',-*/', names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'Day-of-week', min: 1, max: 7, specials: ',-*?', names: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] },
];

export function checkCron(expr: string): string {
  const every = /^@every\s+(\d+)m$/.exec(expr.trim());
  if (every) {
    if (Number(every[1]) < 1) throw rpcErrors.invalidArgument('CronExpression @every needs at least 1m (the minimum interval is 1 minute).');
    return expr;
  }
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    throw rpcErrors.invalidArgument(
      `CronExpression '${expr}' must have 6 fields (Seconds Minutes Hours Day-of-month Month Day-of-week, UTC), e.g. "0 * * * * *", or be "@every <N>m".`,
    );
  }
  parts.forEach((part, i) => checkField(part, FIELDS[i] as (typeof FIELDS)[number], expr));
  return expr;
}

function checkField(part: string, f: (typeof FIELDS)[number], expr: string): void {
  const bad = (why: string): never => {
    throw rpcErrors.invalidArgument(`CronExpression '${expr}': the ${f.name} field '${part}' ${why}.`);
  };
  for (const ch of part) if (!/[A-Za-z0-9]/.test(ch) && !f.specials.includes(ch)) bad(`may not use '${ch}' (allowed: digits${f.specials ? ` and ${f.specials.split('').join(' ')}` : ' only'})`);
  for (const token of part.split(/[,\-/]/)) {
    if (token === '*' || token === '?' || token === '') continue;
    const upper = token.toUpperCase();
    const n = f.names?.includes(upper) ? f.names.indexOf(upper) + 1 : Number(token);
    if (!Number.isInteger(n) || n < f.min || n > f.max) bad(`has '${token}' outside ${f.min}-${f.max}`);
  }
}
