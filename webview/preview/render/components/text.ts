// TextHeading, TextSubheading, TextBody, TextCaption and RichText.
import type { RenderContext } from '../context';
import { escapeHtml } from '../escape';
import { resolveFlag, resolveText, resolveValue } from '../expressions';
import type { JsonObject } from '../json';
import { renderMarkdown } from '../markdown';
import { wrap } from '../wrap';

export function renderHeading(c: JsonObject, path: string, ctx: RenderContext): string {
  const type = c['type'] === 'TextSubheading' ? 'TextSubheading' : 'TextHeading';
  const cls = type === 'TextHeading' ? 'fd-heading' : 'fd-subheading';
  const level = type === 'TextHeading' ? 1 : 2;
  return wrap(type, path, ctx, `<div class="${cls}" role="heading" aria-level="${level}">${escapeHtml(resolveText(c['text'], ctx.scope))}</div>`);
}

/** TextBody and TextCaption: plain text with weight and strikethrough, or (5.1+) Markdown. */
export function renderBody(c: JsonObject, path: string, ctx: RenderContext): string {
  const type = c['type'] === 'TextCaption' ? 'TextCaption' : 'TextBody';
  const text = linesOf(resolveValue(c['text'], ctx.scope));
  const weight = resolveText(c['font-weight'], ctx.scope);
  const classes = [
    type === 'TextCaption' ? 'fd-caption' : 'fd-body',
    weight === 'bold' || weight === 'bold_italic' ? 'fd-bold' : '',
    weight === 'italic' || weight === 'bold_italic' ? 'fd-italic' : '',
    resolveFlag(c['strikethrough'], ctx.scope, false) ? 'fd-strike' : '',
  ].filter(Boolean);
  const inner = c['markdown'] === true ? renderMarkdown(text, { rich: false }) : escapeHtml(text);
  return wrap(type, path, ctx, `<div class="${classes.join(' ')}${c['markdown'] === true ? '' : ' fd-pre'}">${inner}</div>`);
}

export function renderRichText(c: JsonObject, path: string, ctx: RenderContext): string {
  const text = linesOf(resolveValue(c['text'], ctx.scope));
  return wrap('RichText', path, ctx, `<div class="fd-rich">${renderMarkdown(text, { rich: true })}</div>`);
}

function linesOf(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
