// TextInput and TextArea: an outlined field with its label, helper text, counter and error.
import type { RenderContext } from '../context';
import { escapeHtml } from '../escape';
import { asText, resolveFlag, resolveText } from '../expressions';
import type { JsonObject } from '../json';
import { errorLine, errorText, helperLine, labelText, wrap } from '../wrap';

// input-type to the browser's own field type and keyboard hint
const INPUT_TYPES: Record<string, { type: string; inputmode?: string }> = {
  text: { type: 'text' },
  number: { type: 'text', inputmode: 'decimal' },
  email: { type: 'email', inputmode: 'email' },
  password: { type: 'password' },
  passcode: { type: 'password', inputmode: 'numeric' },
  phone: { type: 'tel', inputmode: 'tel' },
};

export function renderTextEntry(c: JsonObject, path: string, ctx: RenderContext): string {
  const area = c['type'] === 'TextArea';
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const label = resolveText(c['label'], ctx.scope);
  const required = resolveFlag(c['required'], ctx.scope, false);
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const value = asText(ctx.scope.form[name]);
  const error = errorText(c, ctx);
  const limit = area ? numberOr(c['max-length'], 600) : numberOr(c['max-chars'], 80);
  const large = c['label-variant'] === 'large';
  const id = `fd-in-${escapeHtml(path.replace(/[^\w]/g, '_'))}`;
  const common = `id="${id}" data-name="${escapeHtml(name)}" maxlength="${limit}"${required ? ' aria-required="true"' : ''}${enabled ? '' : ' disabled'}${error ? ' aria-invalid="true"' : ''}`;
  let field: string;
  if (area) {
    field = `<textarea class="fd-input fd-textarea" rows="3" ${common}>${escapeHtml(value)}</textarea>`;
  } else {
    const kind = INPUT_TYPES[resolveText(c['input-type'], ctx.scope)] ?? INPUT_TYPES['text'];
    const mode = kind?.inputmode ? ` inputmode="${kind.inputmode}"` : '';
    const min = typeof c['min-chars'] === 'number' ? ` minlength="${c['min-chars']}"` : '';
    const pattern = typeof c['pattern'] === 'string' ? ` data-pattern="${escapeHtml(c['pattern'])}"` : '';
    field = `<input class="fd-input" type="${kind?.type ?? 'text'}"${mode}${min}${pattern} value="${escapeHtml(value)}" ${common}>`;
  }
  const counter = area ? `<div class="fd-counter">${value.length}/${limit}</div>` : '';
  const classes = ['fd-field', large ? 'fd-field-large' : '', value ? 'fd-filled' : '', error ? 'fd-invalid' : '', enabled ? '' : 'fd-disabled'];
  const inner =
    `<div class="${classes.filter(Boolean).join(' ')}"><label class="fd-field-label" for="${id}">${labelText(label, required, ctx)}</label>${field}</div>` +
    errorLine(error) +
    (error ? '' : helperLine(resolveText(c['helper-text'], ctx.scope))) +
    counter;
  return wrap(area ? 'TextArea' : 'TextInput', path, ctx, inner);
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}
