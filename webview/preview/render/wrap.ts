// The box around every rendered component: its JSON pointer (for click-through and for
// outlining diagnostics) and the problems reported on it.
import type { RenderContext } from './context';
import { escapeHtml } from './escape';
import { resolveText } from './expressions';
import type { JsonObject } from './json';

export function wrap(type: string, path: string, ctx: RenderContext, inner: string, extraClass = ''): string {
  const issues = ctx.issues[path] ?? [];
  const cls = ['fd-component', `fd-c-${type}`, extraClass, issues.length ? 'fd-has-issue' : ''].filter(Boolean).join(' ');
  return `<div class="${cls}" data-path="${escapeHtml(path)}">${inner}${issueList(issues)}</div>`;
}

export function issueList(messages: readonly string[]): string {
  return messages.map((m) => `<div class="fd-issue" role="note">${escapeHtml(m)}</div>`).join('');
}

/** An input's error text: its own `error-message`, else the enclosing Form's entry for its name. */
export function errorText(component: JsonObject, ctx: RenderContext): string {
  const own = resolveText(component['error-message'], ctx.scope);
  if (own) return own;
  const name = component['name'];
  return typeof name === 'string' ? resolveText(ctx.formErrors[name], ctx.scope) : '';
}

export function errorLine(text: string): string {
  return text ? `<div class="fd-error-text" role="alert">${escapeHtml(text)}</div>` : '';
}

export function helperLine(text: string): string {
  return text ? `<div class="fd-helper">${escapeHtml(text)}</div>` : '';
}

/** WhatsApp marks the fields a user may skip rather than the ones they must fill. */
export function labelText(label: string, required: boolean, ctx: RenderContext): string {
  return required ? escapeHtml(label) : `${escapeHtml(label)} <span class="fd-optional">${escapeHtml(ctx.strings.optional)}</span>`;
}
