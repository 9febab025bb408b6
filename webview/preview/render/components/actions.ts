// OptIn, EmbeddedLink, NavigationList and the Footer: what the user taps. Each tappable element
// carries `data-action`, the JSON pointer of its action object, which the interactive preview runs.
import type { RenderContext } from '../context';
import { escapeHtml, imageDataUri } from '../escape';
import { asText, resolveFlag, resolveText, resolveValue } from '../expressions';
import { isObject, objectAt, pointerChild, type JsonObject } from '../json';
import { labelText, wrap } from '../wrap';

const actionAttr = (c: JsonObject, path: string, key = 'on-click-action'): string =>
  isObject(c[key]) ? ` data-action="${escapeHtml(pointerChild(path, key))}"` : '';

export function renderOptIn(c: JsonObject, path: string, ctx: RenderContext): string {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const required = resolveFlag(c['required'], ctx.scope, false);
  const checked = ctx.scope.form[name] === true || ctx.scope.form[name] === 'true';
  const readMore = isObject(c['on-click-action'])
    ? ` <a class="fd-link" role="button" tabindex="0"${actionAttr(c, path)}>${escapeHtml(ctx.strings.readMore)}</a>`
    : '';
  const inner =
    `<div class="fd-optin"><input class="fd-control fd-checkbox" type="checkbox" id="fd-in-${path.replace(/[^\w]/g, '_')}" data-name="${escapeHtml(name)}"${checked ? ' checked' : ''}${required ? ' aria-required="true"' : ''}>` +
    `<label class="fd-optin-label" for="fd-in-${path.replace(/[^\w]/g, '_')}">${labelText(resolveText(c['label'], ctx.scope), required, ctx)}</label>${readMore}</div>`;
  return wrap('OptIn', path, ctx, inner);
}

export function renderEmbeddedLink(c: JsonObject, path: string, ctx: RenderContext): string {
  const inner = `<a class="fd-link fd-embedded-link" role="button" tabindex="0"${actionAttr(c, path)}>${escapeHtml(resolveText(c['text'], ctx.scope))}</a>`;
  return wrap('EmbeddedLink', path, ctx, inner);
}

export function renderNavigationList(c: JsonObject, path: string, ctx: RenderContext): string {
  const label = resolveText(c['label'], ctx.scope);
  const description = resolveText(c['description'], ctx.scope);
  const large = c['media-size'] === 'large';
  const raw = c['list-items'];
  const items = resolveValue(raw, ctx.scope);
  const rendered = (Array.isArray(items) ? items : []).filter(isObject).map((item, index) => {
    // a static list keeps each item's own action; a bound list can only use the component's
    const itemPath = Array.isArray(raw) ? pointerChild(pointerChild(path, 'list-items'), index) : '';
    const action = isObject(item['on-click-action']) && itemPath ? actionAttr(item, itemPath) : actionAttr(c, path);
    const main = objectAt(item, 'main-content') ?? {};
    const end = objectAt(item, 'end');
    const start = objectAt(item, 'start');
    const image = start ? imageDataUri(resolveText(start['image'], ctx.scope)) : undefined;
    const enabled = resolveFlag(item['enabled'], ctx.scope, true);
    const tags = Array.isArray(item['tags']) ? item['tags'].map(asText).filter(Boolean) : [];
    const badge = resolveText(item['badge'], ctx.scope);
    return (
      `<li><button type="button" class="fd-nav-item${large ? ' fd-media-large' : ''}" data-item-id="${escapeHtml(asText(item['id']))}"${action}${enabled ? '' : ' disabled'}>` +
      (image ? `<img class="fd-nav-image" src="${escapeHtml(image)}" alt="${escapeHtml(resolveText(start?.['alt-text'], ctx.scope))}">` : '') +
      `<span class="fd-nav-main">` +
      (badge ? `<span class="fd-badge">${escapeHtml(badge)}</span>` : '') +
      `<span class="fd-option-title">${escapeHtml(resolveText(main['title'], ctx.scope))}</span>` +
      line('fd-option-description', resolveText(main['description'], ctx.scope)) +
      line('fd-option-metadata', resolveText(main['metadata'], ctx.scope)) +
      (tags.length ? `<span class="fd-tags">${tags.map((t) => `<span class="fd-tag">${escapeHtml(t)}</span>`).join('')}</span>` : '') +
      `</span>` +
      (end
        ? `<span class="fd-nav-end">${line('fd-nav-end-title', resolveText(end['title'], ctx.scope))}${line('fd-option-description', resolveText(end['description'], ctx.scope))}${line('fd-option-metadata', resolveText(end['metadata'], ctx.scope))}</span>`
        : '') +
      `<span class="fd-chevron" aria-hidden="true">›</span></button></li>`
    );
  });
  const inner =
    (label ? `<div class="fd-group-label">${escapeHtml(label)}</div>` : '') +
    (description ? `<div class="fd-group-description">${escapeHtml(description)}</div>` : '') +
    `<ul class="fd-nav-list">${rendered.join('')}</ul>`;
  return wrap('NavigationList', path, ctx, inner);
}

function line(cls: string, text: string): string {
  return text ? `<span class="${cls}">${escapeHtml(text)}</span>` : '';
}

/**
 * The Footer: captions above a full-width button. `waiting` lists the required fields still
 * empty: WhatsApp greys the button out until they are filled (the preview still lets it be tapped).
 */
export function renderFooter(c: JsonObject, path: string, ctx: RenderContext, waiting: readonly string[]): string {
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const left = resolveText(c['left-caption'], ctx.scope);
  const center = resolveText(c['center-caption'], ctx.scope);
  const right = resolveText(c['right-caption'], ctx.scope);
  const captions =
    left || right
      ? `<div class="fd-captions"><span>${escapeHtml(left)}</span><span>${escapeHtml(right)}</span></div>`
      : center
        ? `<div class="fd-captions fd-captions-center"><span>${escapeHtml(center)}</span></div>`
        : '';
  const dim = !enabled || waiting.length > 0;
  const hint = waiting.length ? ` title="${escapeHtml(waiting.join(', '))}"` : '';
  const inner =
    captions +
    `<button type="button" class="fd-footer-button${dim ? ' fd-dim' : ''}"${actionAttr(c, path)}${enabled ? '' : ' disabled'}${hint}>${escapeHtml(resolveText(c['label'], ctx.scope))}</button>` +
    `<div class="fd-managed">${escapeHtml(ctx.strings.managedBy)}</div>`;
  return wrap('Footer', path, ctx, inner);
}
