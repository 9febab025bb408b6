// Dynamic values of Flow JSON filled from the preview's state: `${data.x}`, `${form.x}`,
// `${screen.ID.data.x}` / `${screen.ID.form.x}`, backtick expressions (6.0+) and If conditions.
// The grammar is the language server's own parser; this file only evaluates its tree.
import { parseFlowExpression, type Expr } from '../../../server/src/whatsapp/pure';
import { isObject, type JsonObject, type JsonValue } from './json';

export interface ScreenValues {
  readonly data: JsonObject;
  readonly form: JsonObject;
}

/** What bindings read: the current screen's data and form, and other screens' by id. */
export interface PreviewScope extends ScreenValues {
  readonly screens: Readonly<Record<string, ScreenValues>>;
}

export const emptyScope: PreviewScope = { data: {}, form: {}, screens: {} };

const WHOLE_BINDING = /^\$\{([^}]*)\}$/;

/** The value a `${...}` reference names, or undefined when nothing is there yet. */
export function lookup(reference: string, scope: PreviewScope): JsonValue | undefined {
  const path = reference.trim().split('.');
  let node: unknown;
  let rest: string[];
  if (path[0] === 'data' || path[0] === 'form') {
    node = scope[path[0]];
    rest = path.slice(1);
  } else if (path[0] === 'screen' && path.length >= 3 && (path[2] === 'data' || path[2] === 'form')) {
    const screen = scope.screens[path[1] as string];
    node = screen?.[path[2]];
    rest = path.slice(3);
  } else {
    return undefined;
  }
  for (const key of rest) {
    if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node as JsonValue | undefined;
}

/** A property's value with its bindings filled (objects and arrays resolved member by member). */
export function resolveValue(raw: JsonValue | undefined, scope: PreviewScope): JsonValue | undefined {
  if (typeof raw === 'string') return resolveString(raw, scope);
  if (Array.isArray(raw)) return raw.map((v) => resolveValue(v, scope) ?? null);
  if (isObject(raw)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(raw)) {
      const r = resolveValue(v, scope);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }
  return raw;
}

function resolveString(raw: string, scope: PreviewScope): JsonValue | undefined {
  const trimmed = raw.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('`') && trimmed.endsWith('`')) {
    const { ast } = parseFlowExpression(trimmed.slice(1, -1).replace(/\\`/g, '`'), 'nested');
    return ast ? evaluate(ast, scope) : raw;
  }
  const whole = WHOLE_BINDING.exec(trimmed);
  if (whole) return lookup(whole[1] as string, scope);
  if (!raw.includes('${')) return raw;
  return raw.replace(/\$\{([^}]*)\}/g, (_, ref: string) => asText(lookup(ref, scope)));
}

/** A property's value as the text the phone shows. */
export function resolveText(raw: JsonValue | undefined, scope: PreviewScope): string {
  return asText(resolveValue(raw, scope));
}

export function asText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A boolean property (`visible`, `enabled`, `required`): absent means `fallback`. */
export function resolveFlag(raw: JsonValue | undefined, scope: PreviewScope, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  const v = resolveValue(raw, scope);
  if (v === undefined || v === null || v === '') return fallback;
  return truthy(v);
}

/** An If condition: false until it can be evaluated (a condition on an empty form is false). */
export function evaluateCondition(condition: JsonValue | undefined, scope: PreviewScope): boolean {
  if (typeof condition === 'boolean') return condition;
  if (typeof condition !== 'string') return false;
  const text = condition.trim().replace(/^`([\s\S]*)`$/, '$1');
  const { ast } = parseFlowExpression(text, condition.trim().startsWith('`') ? 'nested' : 'condition');
  return ast ? truthy(evaluate(ast, scope)) : false;
}

function truthy(v: JsonValue | undefined): boolean {
  if (typeof v === 'string') return v !== '' && v !== 'false';
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}

function evaluate(e: Expr, scope: PreviewScope): JsonValue | undefined {
  switch (e.kind) {
    case 'literal':
      if (e.type === 'number') return Number(e.text);
      if (e.type === 'boolean') return e.text === 'true';
      return e.text.slice(1, -1).replace(/\\(.)/g, '$1');
    case 'binding':
      return lookup(e.text.slice(2, -1), scope);
    case 'unary': {
      const v = evaluate(e.arg, scope);
      if (e.op === '!') return !truthy(v);
      const n = toNumber(v);
      return e.op === '-' ? -n : n;
    }
    case 'concat':
      return e.parts.map((p) => asText(evaluate(p, scope))).join('');
    case 'binary':
      return binary(e.op, evaluate(e.left, scope), evaluate(e.right, scope));
  }
}

function binary(op: string, a: JsonValue | undefined, b: JsonValue | undefined): JsonValue {
  switch (op) {
    case '&&':
      return truthy(a) && truthy(b);
    case '||':
      return truthy(a) || truthy(b);
    case '==':
      return same(a, b);
    case '!=':
      return !same(a, b);
    case '<':
      return comparable(a, b) && toNumber(a) < toNumber(b);
    case '<=':
      return comparable(a, b) && toNumber(a) <= toNumber(b);
    case '>':
      return comparable(a, b) && toNumber(a) > toNumber(b);
    case '>=':
      return comparable(a, b) && toNumber(a) >= toNumber(b);
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    // division or modulo by 0 gives 0 (Meta's rule for nested expressions)
    case '/':
      return toNumber(b) === 0 ? 0 : toNumber(a) / toNumber(b);
    case '%':
      return toNumber(b) === 0 ? 0 : toNumber(a) % toNumber(b);
    default:
      return false;
  }
}

// a text field's value is a string even for input-type number: compare it as the number it spells
function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a;
  if (typeof b === 'number' && typeof a === 'string') return a.trim() !== '' && Number(a) === b;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (a ?? null) === (b ?? null);
}

function comparable(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return !Number.isNaN(toNumber(a, NaN)) && !Number.isNaN(toNumber(b, NaN));
}

function toNumber(v: JsonValue | undefined, empty = 0): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return empty;
}
