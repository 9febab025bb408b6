// Dropdown, RadioButtonsGroup, CheckboxGroup and ChipsSelector: options from `data-source`
// (a list or a binding), the selection from the form state.
import type { RenderContext } from '../context';
import { escapeHtml, imageDataUri } from '../escape';
import { asText, resolveFlag, resolveText, resolveValue } from '../expressions';
import { isObject, type JsonObject } from '../json';
import { errorLine, errorText, labelText, wrap } from '../wrap';

interface Option {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly metadata: string;
  readonly enabled: boolean;
  readonly image?: string;
  readonly alt: string;
  readonly color?: string;
}

function options(c: JsonObject, ctx: RenderContext): Option[] {
  const source = resolveValue(c['data-source'], ctx.scope);
  if (!Array.isArray(source)) return [];
  return source.filter(isObject).map((o) => {
    const image = imageDataUri(resolveText(o['image'], ctx.scope));
    const color = typeof o['color'] === 'string' && /^#[0-9a-f]{6}$/i.test(o['color']) ? o['color'] : undefined;
    return {
      id: asText(o['id']),
      title: resolveText(o['title'], ctx.scope),
      description: resolveText(o['description'], ctx.scope),
      metadata: resolveText(o['metadata'], ctx.scope),
      enabled: resolveFlag(o['enabled'], ctx.scope, true),
      ...(image ? { image } : {}),
      alt: resolveText(o['alt-text'], ctx.scope),
      ...(color ? { color } : {}),
    };
  });
}

function selected(c: JsonObject, ctx: RenderContext): string[] {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const v = ctx.scope.form[name];
  if (Array.isArray(v)) return v.map(asText);
  return v === undefined || v === null || v === '' ? [] : [asText(v)];
}

function header(c: JsonObject, ctx: RenderContext, required: boolean): string {
  const label = resolveText(c['label'], ctx.scope);
  const description = resolveText(c['description'], ctx.scope);
  return (
    (label ? `<div class="fd-group-label">${labelText(label, required, ctx)}</div>` : '') +
    (description ? `<div class="fd-group-description">${escapeHtml(description)}</div>` : '')
  );
}

function optionText(o: Option, mediaLarge: boolean): string {
  const image = o.image ? `<img class="fd-option-image${mediaLarge ? ' fd-media-large' : ''}" src="${escapeHtml(o.image)}" alt="${escapeHtml(o.alt)}">` : '';
  // a colour swatch as SVG: its fill is an attribute, which the panel's CSP allows (style attributes it does not)
  const swatch = o.color ? `<svg class="fd-swatch" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="8" fill="${o.color}"/></svg>` : '';
  return (
    image +
    swatch +
    `<span class="fd-option-text"><span class="fd-option-title">${escapeHtml(o.title)}</span>` +
    (o.description ? `<span class="fd-option-description">${escapeHtml(o.description)}</span>` : '') +
    (o.metadata ? `<span class="fd-option-metadata">${escapeHtml(o.metadata)}</span>` : '') +
    `</span>`
  );
}

/** RadioButtonsGroup and CheckboxGroup: a labelled list with the control at the right, as on the phone. */
export function renderChoiceGroup(c: JsonObject, path: string, ctx: RenderContext): string {
  const multiple = c['type'] === 'CheckboxGroup';
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const required = resolveFlag(c['required'], ctx.scope, false);
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const chosen = selected(c, ctx);
  const error = errorText(c, ctx);
  const large = c['media-size'] === 'large';
  const items = options(c, ctx)
    .map((o) => {
      const on = chosen.includes(o.id);
      const disabled = !enabled || !o.enabled;
      return (
        `<label class="fd-option${on ? ' fd-selected' : ''}${disabled ? ' fd-disabled' : ''}">${optionText(o, large)}` +
        `<input class="fd-control" type="${multiple ? 'checkbox' : 'radio'}" name="${escapeHtml(`${path}:${name}`)}" data-name="${escapeHtml(name)}" value="${escapeHtml(o.id)}"${on ? ' checked' : ''}${disabled ? ' disabled' : ''}>` +
        `</label>`
      );
    })
    .join('');
  const role = multiple ? 'group' : 'radiogroup';
  const inner = `${header(c, ctx, required)}<div class="fd-options" role="${role}">${items}</div>${errorLine(error)}`;
  return wrap(multiple ? 'CheckboxGroup' : 'RadioButtonsGroup', path, ctx, inner, error ? 'fd-invalid' : '');
}

export function renderDropdown(c: JsonObject, path: string, ctx: RenderContext): string {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const required = resolveFlag(c['required'], ctx.scope, false);
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const chosen = selected(c, ctx)[0] ?? '';
  const error = errorText(c, ctx);
  const label = resolveText(c['label'], ctx.scope);
  const id = `fd-in-${path.replace(/[^\w]/g, '_')}`;
  const opts = options(c, ctx)
    .map((o) => `<option value="${escapeHtml(o.id)}"${o.id === chosen ? ' selected' : ''}${o.enabled ? '' : ' disabled'}>${escapeHtml(o.title)}${o.description ? ` - ${escapeHtml(o.description)}` : ''}</option>`)
    .join('');
  const placeholder = `<option value=""${chosen ? '' : ' selected'}>${escapeHtml(ctx.strings.select)}</option>`;
  const classes = ['fd-field', 'fd-select-field', chosen ? 'fd-filled' : '', error ? 'fd-invalid' : '', enabled ? '' : 'fd-disabled'];
  const inner =
    `<div class="${classes.filter(Boolean).join(' ')}"><label class="fd-field-label" for="${id}">${labelText(label, required, ctx)}</label>` +
    `<select class="fd-input fd-select" id="${id}" data-name="${escapeHtml(name)}"${enabled ? '' : ' disabled'}${required ? ' aria-required="true"' : ''}>${placeholder}${opts}</select></div>` +
    errorLine(error);
  return wrap('Dropdown', path, ctx, inner);
}

export function renderChips(c: JsonObject, path: string, ctx: RenderContext): string {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const required = resolveFlag(c['required'], ctx.scope, false);
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const chosen = selected(c, ctx);
  const error = errorText(c, ctx);
  const chips = options(c, ctx)
    .map((o) => {
      const on = chosen.includes(o.id);
      const disabled = !enabled || !o.enabled;
      return (
        `<label class="fd-chip${on ? ' fd-selected' : ''}${disabled ? ' fd-disabled' : ''}">` +
        `<input class="fd-chip-input" type="checkbox" data-name="${escapeHtml(name)}" value="${escapeHtml(o.id)}"${on ? ' checked' : ''}${disabled ? ' disabled' : ''}>` +
        `${escapeHtml(o.title)}</label>`
      );
    })
    .join('');
  const inner = `${header(c, ctx, required)}<div class="fd-chips" role="group">${chips}</div>${errorLine(error)}`;
  return wrap('ChipsSelector', path, ctx, inner, error ? 'fd-invalid' : '');
}
