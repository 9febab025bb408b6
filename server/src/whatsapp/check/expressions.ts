// Checks `If.condition` values and (6.0+) backtick expressions: syntax, at least one dynamic
// operand in a condition, and operand types (numbers for arithmetic and comparisons, booleans for
// && || !, the same type on both sides of == and !=).
import { DiagnosticCodes as C } from '../../diagnostics/codes';
import type { ScalarNode } from '../../parse/tree';
import { atLeast } from '../spec/versions';
import { asObject, offsetInString, stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { findBindings, isNestedExpression } from './bindings';
import { parseFlowExpression, type Expr, type ExprType } from './expressionParser';
import { inputsByName, screenById, type FlowModel, type ScreenModel } from './model';
import type { Problems } from './problems';
import { screenStrings } from './references';

const BOOLEAN_KEYS = new Set(['visible', 'enabled', 'required', 'condition']);
const STRING_KEYS = new Set(['text', 'label', 'title', 'description', 'helper-text', 'left-caption', 'center-caption', 'right-caption']);

export function checkExpressions(model: FlowModel, problems: Problems): void {
  for (const screen of model.screens) {
    for (const c of screen.components) {
      if (c.type !== 'If') continue;
      const cond = lastProperty(c.node, 'condition')?.value;
      if (cond?.kind === 'scalar' && typeof cond.value === 'string' && !isNestedExpression(cond.value, model.version)) {
        checkOne(model, screen, cond, cond.value, 0, 'condition', 'boolean', problems);
      }
    }
    if (!atLeast(model.version, '6.0')) continue;
    for (const s of screenStrings(screen)) {
      const text = s.value as string;
      if (!isNestedExpression(text, model.version)) continue;
      const key = s.parent?.kind === 'property' ? s.parent.key : '';
      if (key === 'name' || key === 'type') {
        problems.error(s.range, C.expressionSyntax, `Property '${key}' should not be enclosed in backticks: it must be a fixed string.`);
        continue;
      }
      const expected: ExprType = BOOLEAN_KEYS.has(key) ? 'boolean' : STRING_KEYS.has(key) ? 'string' : 'unknown';
      checkOne(model, screen, s, text.slice(1, -1), 1, 'nested', expected, problems);
    }
  }
}

function checkOne(
  model: FlowModel,
  screen: ScreenModel,
  node: ScalarNode,
  text: string,
  offset: number,
  mode: 'condition' | 'nested',
  expected: ExprType,
  problems: Problems,
): void {
  const at = (start: number, end: number) => ({ start: offsetInString(node, offset + start), end: offsetInString(node, offset + end) });
  const code = mode === 'condition' ? C.conditionSyntax : C.expressionSyntax;
  const label = mode === 'condition' ? 'condition' : 'dynamic expression';
  const { ast, errors } = parseFlowExpression(text, mode);
  for (const e of errors) problems.error(at(e.start, Math.max(e.end, e.start + 1)), code, `Error while parsing ${label} "${text}". ${e.message}`);
  if (!ast) return;
  if (mode === 'condition') {
    if (!hasBinding(ast)) {
      problems.error(at(0, text.length), code, `The condition "${text}" only contains literals: it needs at least one dynamic value such as \${form.field}.`);
      return;
    }
  }
  const typeErrors: { start: number; end: number; message: string }[] = [];
  const type = typeOf(ast, (b) => bindingType(model, screen, b), typeErrors);
  for (const e of typeErrors) problems.error(at(e.start, e.end), code, `Error while parsing ${label} "${text}". ${e.message}`);
  if (typeErrors.length === 0 && expected !== 'unknown' && type !== 'unknown' && type !== expected) {
    problems.error(at(0, text.length), code, `The expression return type is '${type}' which does not match the property: '${expected}' is expected.`);
  }
}

function hasBinding(e: Expr): boolean {
  switch (e.kind) {
    case 'binding':
      return true;
    case 'literal':
      return false;
    case 'unary':
      return hasBinding(e.arg);
    case 'binary':
      return hasBinding(e.left) || hasBinding(e.right);
    case 'concat':
      return e.parts.some(hasBinding);
  }
}

function normal(t: string | undefined): ExprType {
  if (t === 'integer' || t === 'number') return 'number';
  if (t === 'string' || t === 'boolean' || t === 'array' || t === 'object') return t;
  return 'unknown';
}

function bindingType(model: FlowModel, screen: ScreenModel, text: string): ExprType {
  const b = findBindings(text)[0];
  if (!b) return 'unknown';
  const target = b.screen !== undefined ? screenById(model, b.screen) : screen;
  if (!target) return 'unknown';
  const field = b.path[0] as string;
  if (b.scope === 'data') {
    let schema = asObject(target.dataFields.get(field)?.value);
    for (const seg of b.path.slice(1)) schema = asObject(lastProperty(asObject(lastProperty(schema, 'properties')?.value), seg)?.value);
    return normal(stringValue(schema, 'type'));
  }
  const input = inputsByName(target).get(field);
  if (!input?.spec?.input) return 'unknown';
  if (input.type === 'TextInput') {
    const t = stringValue(input.node, 'input-type');
    return t === 'number' ? 'number' : 'string';
  }
  if (input.type === 'CalendarPicker') return stringValue(input.node, 'mode') === 'range' ? 'object' : 'string';
  return input.spec.input === 'media' ? 'array' : normal(input.spec.input);
}

function typeOf(e: Expr, binding: (text: string) => ExprType, errors: { start: number; end: number; message: string }[]): ExprType {
  switch (e.kind) {
    case 'literal':
      return e.type;
    case 'binding':
      return binding(e.text);
    case 'concat':
      e.parts.forEach((p) => typeOf(p, binding, errors));
      return 'string';
    case 'unary': {
      const t = typeOf(e.arg, binding, errors);
      const want = e.op === '!' ? 'boolean' : 'number';
      if (t !== 'unknown' && t !== want) errors.push({ start: e.start, end: e.end, message: `Operation '${e.op}' can only be used before ${want}s.` });
      return want;
    }
    case 'binary': {
      const l = typeOf(e.left, binding, errors);
      const r = typeOf(e.right, binding, errors);
      const known = l !== 'unknown' && r !== 'unknown';
      if (['+', '-', '*', '/', '%', '<', '<=', '>', '>='].includes(e.op)) {
        if ((l !== 'unknown' && l !== 'number') || (r !== 'unknown' && r !== 'number')) {
          errors.push({ start: e.start, end: e.end, message: `Operation '${e.op}' can only be used with numbers.` });
        }
        return ['<', '<=', '>', '>='].includes(e.op) ? 'boolean' : 'number';
      }
      if (e.op === '&&' || e.op === '||') {
        if ((l !== 'unknown' && l !== 'boolean') || (r !== 'unknown' && r !== 'boolean')) {
          errors.push({ start: e.start, end: e.end, message: `Operation '${e.op}' can only be used with booleans.` });
        }
        return 'boolean';
      }
      if (e.left.kind === 'literal' && e.right.kind === 'literal') {
        errors.push({ start: e.start, end: e.end, message: 'An operator cannot have literals on both sides.' });
      } else if (known && l !== r) {
        errors.push({ start: e.start, end: e.end, message: `Operation '${e.op}' can only be used to compare values with same type ('${l}' and '${r}').` });
      }
      return 'boolean';
    }
  }
}
