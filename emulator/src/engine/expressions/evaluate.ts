// Compiles FDL expressions once (with the language service's parser) and evaluates their AST
// against the variables of the moment ($Input, $Output, $Context, $Global, $Item; legacy `$`,
// `$input`, `$local`, `$context`).
import {
  builtinFunction,
  functionNestingDepth,
  parseCondition,
  parseExpression,
  type Expr,
} from '../../../../server/src/fdl/expressions';
import { EngineErrors, FlowFailure } from '../errors';
import { deepEqual, isObject, typeName, type JsonValue } from '../json';
import { BUILTINS } from './functions';

/** Looks up a variable root by name (without `$`; legacy `$` alone is ''). */
export interface Variables {
  get(name: string): JsonValue | undefined;
}

export interface CompiledExpression {
  readonly text: string;
  readonly ast: Expr;
}

export interface CompileOptions {
  readonly legacy?: boolean;
  readonly condition?: boolean;
  readonly maxNesting: number;
  /** Where the expression sits, for messages: `state "Greet", InputConstructor.name.$`. */
  readonly where: string;
}

/** Parses an expression or throws FlowFailure(FnF.InvalidDefinition) naming where and why. */
export function compileExpression(text: string, options: CompileOptions): CompiledExpression {
  const parse = options.condition ? parseCondition : parseExpression;
  const result = parse(text, { legacy: options.legacy ?? false });
  const first = result.errors[0];
  if (first || !result.ast) {
    throw new FlowFailure(
      EngineErrors.invalidDefinition,
      `${options.where}: cannot parse ${JSON.stringify(text)}: ${first?.message ?? 'empty expression'}`,
    );
  }
  if (functionNestingDepth(result.ast) > options.maxNesting) {
    throw new FlowFailure(
      EngineErrors.invalidDefinition,
      `${options.where}: more than ${options.maxNesting} nested function calls in ${JSON.stringify(text)}`,
    );
  }
  return { text, ast: result.ast };
}

/** The result of `x[*]`: later member/index steps apply to each element. */
class Projection {
  constructor(readonly items: (JsonValue | undefined)[]) {}
}

type Value = JsonValue | undefined | Projection;

/** Evaluates to a JSON value; a path that leads nowhere yields null. */
export function evaluate(expr: CompiledExpression, vars: Variables): JsonValue {
  return finish(evalNode(expr.ast, vars, expr.text));
}

function fail(source: string, message: string): never {
  throw new FlowFailure(EngineErrors.expression, `${JSON.stringify(source)}: ${message}`);
}

/** Evaluates a Choice condition; anything but a boolean fails the state. */
export function evaluateCondition(expr: CompiledExpression, vars: Variables): boolean {
  const value = evaluate(expr, vars);
  if (typeof value !== 'boolean') {
    throw new FlowFailure(
      EngineErrors.expression,
      `condition ${JSON.stringify(expr.text)} must evaluate to true or false, got ${typeName(value)}`,
    );
  }
  return value;
}

function finish(value: Value): JsonValue {
  if (value instanceof Projection) return value.items.map((v) => (v === undefined ? null : v));
  return value === undefined ? null : value;
}

function plain(value: Value): JsonValue | undefined {
  return value instanceof Projection ? finish(value) : value;
}

function member(target: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObject(target) && Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}

function indexInto(target: JsonValue | undefined, index: JsonValue | undefined, source: string): JsonValue | undefined {
  if (Array.isArray(target)) {
    if (typeof index !== 'number' || !Number.isInteger(index))
      fail(source, `an array index must be an integer, got ${typeName(index)}`);
    return target[index < 0 ? target.length + index : index];
  }
  if (typeof index === 'string') return member(target, index);
  return undefined;
}

function evalNode(node: Expr, vars: Variables, source: string): Value {
  switch (node.kind) {
    case 'variable':
      return vars.get(node.name);
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'array':
      return node.elements.map((e) => finish(evalNode(e, vars, source)));
    case 'object': {
      const out: Record<string, JsonValue> = {};
      for (const entry of node.entries) out[entry.key] = finish(evalNode(entry.value, vars, source));
      return out;
    }
    case 'group':
      return evalNode(node.expression, vars, source);
    case 'member': {
      const target = evalNode(node.object, vars, source);
      if (target instanceof Projection) return new Projection(target.items.map((t) => member(t, node.property)));
      return member(target, node.property);
    }
    case 'index': {
      const target = evalNode(node.object, vars, source);
      const index = plain(evalNode(node.index, vars, source));
      if (target instanceof Projection) return new Projection(target.items.map((t) => indexInto(t, index, source)));
      return indexInto(target, index, source);
    }
    case 'wildcard': {
      const target = plain(evalNode(node.object, vars, source));
      if (Array.isArray(target)) return new Projection(target);
      if (isObject(target)) return new Projection(Object.values(target));
      return new Projection([]);
    }
    case 'call':
      return call(
        node.callee,
        node.args.map((a) => finish(evalNode(a, vars, source))),
        source,
      );
    case 'unary': {
      const operand = plain(evalNode(node.operand, vars, source));
      if (node.operator === '!') {
        if (typeof operand !== 'boolean') fail(source, `! needs true or false, got ${typeName(operand)}`);
        return !operand;
      }
      if (typeof operand !== 'number') fail(source, `- needs a number, got ${typeName(operand)}`);
      return -operand;
    }
    case 'binary': {
      if (node.operator === '&&' || node.operator === '||') {
        const left = plain(evalNode(node.left, vars, source));
        if (typeof left !== 'boolean')
          fail(source, `${node.operator} needs true or false on its left, got ${typeName(left)}`);
        if (node.operator === '&&' ? !left : left) return left;
        const right = plain(evalNode(node.right, vars, source));
        if (typeof right !== 'boolean')
          fail(source, `${node.operator} needs true or false on its right, got ${typeName(right)}`);
        return right;
      }
      const left = finish(evalNode(node.left, vars, source));
      const right = finish(evalNode(node.right, vars, source));
      return compare(node.operator, left, right, source);
    }
  }
}

function compare(operator: string, left: JsonValue, right: JsonValue, source: string): boolean {
  switch (operator) {
    case '==':
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case 'in':
      if (Array.isArray(right)) return right.some((x) => deepEqual(x, left));
      if (isObject(right)) {
        if (typeof left !== 'string') fail(source, `in on an object needs a string key, got ${typeName(left)}`);
        return Object.prototype.hasOwnProperty.call(right, left);
      }
      return fail(source, `in needs an array or object on its right, got ${typeName(right)}`);
  }
  if (!(
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string')
  )) {
    fail(source, `${operator} compares two numbers or two strings, got ${typeName(left)} and ${typeName(right)}`);
  }
  const l = left as number | string;
  const r = right as number | string;
  switch (operator) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    default:
      return l >= r;
  }
}

function call(name: string, args: JsonValue[], source: string): JsonValue {
  const spec = builtinFunction(name);
  const impl = BUILTINS[name];
  if (!spec || !impl) return fail(source, `unknown function ${name}()`);
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    const expected = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} or more`;
    fail(source, `${name}() takes ${expected} argument(s), got ${args.length}: ${spec.signature}`);
  }
  return impl(args, (message) => fail(source, `${name}(): ${message}`));
}
