// Schedule expressions as the service documents them: six fields evaluated in UTC
// (Seconds Minutes Hours Day-of-month Month Day-of-week; Seconds is a plain number) or
// `@every <N>m`. `nextFireTime` finds the first firing strictly after a moment.

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Characters allowed besides digits (and names). */
  readonly specials: string;
  readonly names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'Seconds', min: 0, max: 59, specials: '' },
  { name: 'Minutes', min: 0, max: 59, specials: ',-*/' },
  { name: 'Hours', min: 0, max: 23, specials: ',-*/' },
  { name: 'Day-of-month', min: 1, max: 31, specials: ',-*?/' },
  { name: 'Month', min: 1, max: 12, specials: ',-*/', names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  // The documentation pairs 1-7 with MON-SUN, so 1 is Monday and 7 is Sunday.
  { name: 'Day-of-week', min: 1, max: 7, specials: ',-*?', names: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] },
];

export type CronSchedule =
  | { readonly kind: 'every'; readonly minutes: number }
  | {
      readonly kind: 'fields';
      readonly second: number;
      readonly minutes: ReadonlySet<number>;
      readonly hours: ReadonlySet<number>;
      /** undefined = any day (`*` or `?`). */
      readonly daysOfMonth: ReadonlySet<number> | undefined;
      readonly months: ReadonlySet<number>;
      /** 1 = Monday ... 7 = Sunday; undefined = any day. */
      readonly daysOfWeek: ReadonlySet<number> | undefined;
    };

export class CronError extends Error {}

/** Parses an expression, or throws CronError saying which field is wrong and why. */
export function parseCron(expr: string): CronSchedule {
  const every = /^@every\s+(\d+)m$/.exec(expr.trim());
  if (every) {
    const minutes = Number(every[1]);
    if (minutes < 1) throw new CronError('@every needs at least 1m (the minimum interval is 1 minute).');
    return { kind: 'every', minutes };
  }
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    throw new CronError(
      'it must have 6 fields (Seconds Minutes Hours Day-of-month Month Day-of-week, UTC), e.g. "0 * * * * *", or be "@every <N>m".',
    );
  }
  const sets = parts.map((part, i) => parseField(part, FIELDS[i] as FieldSpec));
  const [seconds, minutes, hours, dom, months, dow] = sets as [Set<number> | undefined, ...(Set<number> | undefined)[]];
  const all = (f: FieldSpec, s: Set<number> | undefined): Set<number> => s ?? range(f.min, f.max, 1);
  const second = seconds ? [...seconds][0] : 0;
  if (seconds && seconds.size !== 1) throw new CronError('the Seconds field must be one number from 0 to 59.');
  return {
    kind: 'fields',
    second: second ?? 0,
    minutes: all(FIELDS[1] as FieldSpec, minutes),
    hours: all(FIELDS[2] as FieldSpec, hours),
    daysOfMonth: dom,
    months: all(FIELDS[4] as FieldSpec, months),
    daysOfWeek: dow,
  };
}

/** The values a field allows; undefined for `*` / `?` (every value). */
function parseField(part: string, f: FieldSpec): Set<number> | undefined {
  const bad = (why: string): never => {
    throw new CronError(`the ${f.name} field '${part}' ${why}.`);
  };
  for (const ch of part) {
    if (!/[A-Za-z0-9]/.test(ch) && !f.specials.includes(ch)) {
      bad(`may not use '${ch}' (allowed: digits${f.specials ? ` and ${f.specials.split('').join(' ')}` : ' only'})`);
    }
  }
  if (part === '*' || part === '?') return undefined;
  const value = (token: string): number => {
    const upper = token.toUpperCase();
    const n = f.names?.includes(upper) ? f.names.indexOf(upper) + 1 : Number(token);
    if (token === '' || !Number.isInteger(n) || n < f.min || n > f.max) bad(`has '${token}' outside ${f.min}-${f.max}`);
    return n;
  };
  const out = new Set<number>();
  for (const item of part.split(',')) {
    const [span = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) bad(`has step '${stepText}', which must be a whole number of at least 1`);
    let lo: number;
    let hi: number;
    if (span === '*') {
      lo = f.min;
      hi = f.max;
    } else if (span.includes('-')) {
      const [a = '', b = ''] = span.split('-');
      lo = value(a);
      hi = value(b);
      if (lo > hi) bad(`has the range ${span}, which runs backwards`);
    } else {
      lo = value(span);
      hi = stepText === undefined ? lo : f.max;
    }
    for (const n of range(lo, hi, step)) out.add(n);
  }
  return out;
}

function range(lo: number, hi: number, step: number): Set<number> {
  const s = new Set<number>();
  for (let n = lo; n <= hi; n += step) s.add(n);
  return s;
}

const MINUTE = 60_000;

/**
 * The first firing strictly after `after` (ms since the epoch, UTC), or undefined when the
 * expression never fires (e.g. 31 February). `anchor` is where `@every` counts from.
 */
export function nextFireTime(schedule: CronSchedule, after: number, anchor = after): number | undefined {
  if (schedule.kind === 'every') {
    const period = schedule.minutes * MINUTE;
    const k = Math.floor((after - anchor) / period) + 1;
    return anchor + Math.max(1, k) * period;
  }
  // Walk minute by minute, jumping whole days and hours that cannot match; five years is enough
  // for any expression that fires at all (leap days included).
  let t = Math.floor(after / MINUTE) * MINUTE;
  const limit = after + 5 * 366 * 24 * 60 * MINUTE;
  while (t <= limit) {
    const d = new Date(t);
    if (!schedule.months.has(d.getUTCMonth() + 1) || !dayMatches(schedule, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!schedule.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    const fire = t + schedule.second * 1000;
    if (schedule.minutes.has(d.getUTCMinutes()) && fire > after) return fire;
    t += MINUTE;
  }
  return undefined;
}

function dayMatches(s: Extract<CronSchedule, { kind: 'fields' }>, d: Date): boolean {
  const dow = ((d.getUTCDay() + 6) % 7) + 1; // JS: 0 = Sunday; here 1 = Monday ... 7 = Sunday
  return (s.daysOfMonth === undefined || s.daysOfMonth.has(d.getUTCDate())) && (s.daysOfWeek === undefined || s.daysOfWeek.has(dow));
}
