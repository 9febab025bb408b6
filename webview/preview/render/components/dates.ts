// DatePicker and CalendarPicker (single or range): date fields as the phone shows them before
// the calendar sheet opens. Before Flow JSON 5.0 DatePicker dates are milliseconds since 1970.
import type { RenderContext } from '../context';
import { escapeHtml } from '../escape';
import { asText, resolveFlag, resolveText, resolveValue } from '../expressions';
import { isObject, type JsonObject, type JsonValue } from '../json';
import { compareVersions } from '../../../../server/src/whatsapp/pure';
import { errorLine, errorText, helperLine, labelText, wrap } from '../wrap';

/** A date as "YYYY-MM-DD", from a string or (before 5.0) a timestamp in milliseconds. */
export function isoDate(value: JsonValue | undefined): string {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,}$/.test(value))) {
    const d = new Date(Number(value));
    return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
  }
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

interface DateFieldOptions {
  readonly id: string;
  readonly name: string;
  readonly part?: string;
  readonly label: string;
  readonly helper: string;
  readonly required: boolean;
  readonly enabled: boolean;
  readonly value: string;
  readonly min: string;
  readonly max: string;
  readonly error: string;
}

function dateField(o: DateFieldOptions, ctx: RenderContext): string {
  const classes = ['fd-field', 'fd-date-field', o.value ? 'fd-filled' : '', o.error ? 'fd-invalid' : '', o.enabled ? '' : 'fd-disabled'];
  const attrs =
    `id="${o.id}" data-name="${escapeHtml(o.name)}"` +
    (o.part ? ` data-part="${escapeHtml(o.part)}"` : '') +
    (o.min ? ` min="${o.min}"` : '') +
    (o.max ? ` max="${o.max}"` : '') +
    (o.required ? ' aria-required="true"' : '') +
    (o.enabled ? '' : ' disabled');
  return (
    `<div class="${classes.filter(Boolean).join(' ')}"><label class="fd-field-label" for="${o.id}">${labelText(o.label, o.required, ctx)}</label>` +
    `<input class="fd-input fd-date" type="date" value="${o.value}" ${attrs}></div>` +
    errorLine(o.error) +
    (o.error ? '' : helperLine(o.helper))
  );
}

export function renderDatePicker(c: JsonObject, path: string, ctx: RenderContext): string {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const msDates = compareVersions(ctx.version, '5.0') < 0;
  const read = (key: string) => isoDate(msDates ? resolveValue(c[key], ctx.scope) : resolveText(c[key], ctx.scope));
  const inner = dateField(
    {
      id: `fd-in-${path.replace(/[^\w]/g, '_')}`,
      name,
      label: resolveText(c['label'], ctx.scope),
      helper: resolveText(c['helper-text'], ctx.scope),
      required: resolveFlag(c['required'], ctx.scope, false),
      enabled: resolveFlag(c['enabled'], ctx.scope, true),
      value: isoDate(ctx.scope.form[name]),
      min: read('min-date'),
      max: read('max-date'),
      error: errorText(c, ctx),
    },
    ctx,
  );
  return wrap('DatePicker', path, ctx, inner);
}

export function renderCalendarPicker(c: JsonObject, path: string, ctx: RenderContext): string {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const range = resolveText(c['mode'], ctx.scope) === 'range';
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const min = isoDate(resolveText(c['min-date'], ctx.scope));
  const max = isoDate(resolveText(c['max-date'], ctx.scope));
  const value = ctx.scope.form[name];
  const id = `fd-in-${path.replace(/[^\w]/g, '_')}`;
  if (!range) {
    const inner = dateField(
      {
        id,
        name,
        label: resolveText(c['label'], ctx.scope),
        helper: resolveText(c['helper-text'], ctx.scope),
        required: resolveFlag(c['required'], ctx.scope, false),
        enabled,
        value: isoDate(value ?? undefined),
        min,
        max,
        error: asText(resolveValue(c['error-message'], ctx.scope)) || errorText(c, ctx),
      },
      ctx,
    );
    return wrap('CalendarPicker', path, ctx, inner);
  }
  // range mode: label, helper-text, required, error-message and the value are { start-date, end-date }
  const part = (key: string, which: string): JsonValue | undefined => {
    const v = resolveValue(c[key], ctx.scope);
    return isObject(v) ? v[which] : undefined;
  };
  const formErrors = isObject(ctx.formErrors[name]) ? (ctx.formErrors[name] as JsonObject) : {};
  const field = (which: 'start-date' | 'end-date') =>
    dateField(
      {
        id: `${id}_${which.replace('-', '_')}`,
        name,
        part: which,
        label: asText(part('label', which)) || (which === 'start-date' ? ctx.strings.startDate : ctx.strings.endDate),
        helper: asText(part('helper-text', which)),
        required: part('required', which) === true,
        enabled,
        value: isoDate(isObject(value) ? value[which] : undefined),
        min,
        max,
        error: asText(part('error-message', which)) || asText(formErrors[which]),
      },
      ctx,
    );
  // a plain-string label in range mode reads as the title (the checker reports the shape)
  const title = resolveText(c['title'], ctx.scope) || (typeof c['label'] === 'string' ? resolveText(c['label'], ctx.scope) : '');
  const description = resolveText(c['description'], ctx.scope);
  const inner =
    (title ? `<div class="fd-group-label">${escapeHtml(title)}</div>` : '') +
    (description ? `<div class="fd-group-description">${escapeHtml(description)}</div>` : '') +
    `<div class="fd-date-range">${field('start-date')}${field('end-date')}</div>`;
  return wrap('CalendarPicker', path, ctx, inner);
}
