// Form, If and Switch: they show nothing of their own, only the children that apply.
import type { RenderContext } from '../context';
import { asText, evaluateCondition, resolveValue } from '../expressions';
import { isObject, pointerChild, type JsonObject } from '../json';
import { wrap } from '../wrap';

type Children = (list: unknown, path: string, ctx: RenderContext) => string;

export function renderForm(c: JsonObject, path: string, ctx: RenderContext, children: Children): string {
  const errors = resolveValue(c['error-messages'], ctx.scope);
  const inner = children(c['children'], pointerChild(path, 'children'), { ...ctx, formErrors: isObject(errors) ? errors : {} });
  return wrap('Form', path, ctx, `<form class="fd-form" novalidate>${inner}</form>`);
}

export function renderIf(c: JsonObject, path: string, ctx: RenderContext, children: Children): string {
  const branch = evaluateCondition(c['condition'], ctx.scope) ? 'then' : 'else';
  const inner = children(c[branch], pointerChild(path, branch), ctx);
  return wrap('If', path, ctx, inner, 'fd-branch');
}

export function renderSwitch(c: JsonObject, path: string, ctx: RenderContext, children: Children): string {
  const key = asText(resolveValue(c['value'], ctx.scope));
  const cases = isObject(c['cases']) ? c['cases'] : {};
  const inner = key in cases ? children(cases[key], pointerChild(pointerChild(path, 'cases'), key), ctx) : '';
  return wrap('Switch', path, ctx, inner, 'fd-branch');
}
