// Parses one expression-valued string in the document and checks it: syntax (exact span inside
// the string), which variables this place may read, built-in functions and their arity, and the
// nesting limit. Shared by both specs.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ScalarNode } from '../../parse/tree';
import { DiagnosticCodes } from '../../diagnostics/codes';
import {
  BUILTIN_FUNCTIONS, builtinFunction, functionNestingDepth, parseCondition, parseExpression, walkExpression,
  type Expr, type ExpressionParseResult,
} from '../expressions';
import { closestName } from '../suggest';
import { spanInValue } from '../tree';
import { report, type CheckContext } from './context';

/** The documented limit on nested built-in function calls. */
export const MAX_FUNCTION_NESTING = 10;

export interface ExpressionPlace {
  /** Variable names (without `$`) this place may read. */
  readonly allowed: ReadonlySet<string>;
  /** Where this is, for messages: "in `InputConstructor`". */
  readonly where: string;
  readonly condition: boolean;
  readonly legacy: boolean;
}

const CURRENT_VARIABLES = ['Input', 'Output', 'Context', 'Item', 'Global'];
const LEGACY_VARIABLES = ['', 'input', 'local', 'context'];

const OUTPUT_ONLY = 'only inside `OutputConstructor` (or `GlobalConstructor`), where it holds the state\'s raw result';
const ITEM_ONLY = 'only inside a Map\'s `ItemConstructor`, where it holds the current item';

function variableAdvice(name: string, place: ExpressionPlace): string {
  const known = place.legacy ? LEGACY_VARIABLES : CURRENT_VARIABLES;
  const shown = (n: string): string => (n === '' ? '`$`' : `\`$${n}\``);
  if (known.includes(name)) {
    if (name === 'Output') return `\`$Output\` is available ${OUTPUT_ONLY}; read the state input with \`$Input\``;
    if (name === 'Item') return `\`$Item\` is available ${ITEM_ONLY}`;
    return `${shown(name)} cannot be used ${place.where}`;
  }
  const suggestion = closestName(name, known.filter((n) => n !== ''));
  const allowed = [...place.allowed].map(shown).join(', ');
  const hint = suggestion !== undefined ? `did you mean \`$${suggestion}\`? ` : '';
  return `unknown variable \`$${name}\`; ${hint}${place.legacy ? 'mapping sources' : 'expressions'} here can read ${allowed}`;
}

/** Checks one string value as an expression (or Condition); reports into `ctx`. Returns the parse. */
export function checkExpression(ctx: CheckContext, node: ScalarNode & { value: string }, place: ExpressionPlace): ExpressionParseResult {
  const options = { legacy: place.legacy };
  const result = place.condition ? parseCondition(node.value, options) : parseExpression(node.value, options);
  const at = (start: number, end: number) => spanInValue(ctx.text, node, start, end);
  const syntaxCode = place.condition ? DiagnosticCodes.conditionSyntax : DiagnosticCodes.expressionSyntax;
  for (const e of result.errors) {
    report(ctx, at(e.start, e.end), DiagnosticSeverity.Error, syntaxCode, `${place.condition ? 'Condition' : 'Expression'} syntax: ${e.message}`);
  }
  for (const w of result.warnings) {
    report(ctx, at(w.start, w.end), DiagnosticSeverity.Warning, DiagnosticCodes.undocumentedExpression, w.message);
  }
  const ast = result.ast;
  if (!ast) return result;

  walkExpression(ast, (e) => {
    if (e.kind === 'variable' && !place.allowed.has(e.name)) {
      const known = (place.legacy ? LEGACY_VARIABLES : CURRENT_VARIABLES).includes(e.name);
      report(ctx, at(e.start, e.end), DiagnosticSeverity.Error,
        known ? DiagnosticCodes.expressionScope : DiagnosticCodes.unknownVariable, variableAdvice(e.name, place));
    } else if (e.kind === 'call') {
      checkCall(ctx, e, at);
    }
  });
  if (!place.condition) {
    const depth = functionNestingDepth(ast);
    if (depth > MAX_FUNCTION_NESTING) {
      report(ctx, at(ast.start, ast.end), DiagnosticSeverity.Error, DiagnosticCodes.expressionTooDeep,
        `built-in functions are nested ${depth} levels deep; at most ${MAX_FUNCTION_NESTING} are allowed: compute part of the value in an earlier state`);
    }
  } else if (isNeverBoolean(ast)) {
    report(ctx, at(ast.start, ast.end), DiagnosticSeverity.Error, DiagnosticCodes.conditionSyntax,
      'a Condition must be true or false: compare a value, e.g. `$Input.status == "ready"`');
  }
  return result;
}

function checkCall(ctx: CheckContext, call: Extract<Expr, { kind: 'call' }>, at: (s: number, e: number) => { start: number; end: number }): void {
  const fn = builtinFunction(call.callee);
  if (!fn) {
    const suggestion = closestName(call.callee, BUILTIN_FUNCTIONS.map((f) => f.name));
    report(ctx, at(call.calleeSpan.start, call.calleeSpan.end), DiagnosticSeverity.Error, DiagnosticCodes.unknownFunction,
      `unknown built-in function \`${call.callee}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (see the built-in function list in completion)`,
      suggestion ? { replacement: suggestion, title: `Change to \`${suggestion}\`` } : undefined);
    return;
  }
  const n = call.args.length;
  if (n < fn.minArgs || n > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}`
      : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    report(ctx, at(call.start, call.end), DiagnosticSeverity.Error, DiagnosticCodes.functionArity,
      `\`${fn.name}\` takes ${expected} argument${expected === '1' ? '' : 's'} but is given ${n}: ${fn.signature}`);
  }
}

/** Literals that can never be a boolean (a bare path or call might be). */
function isNeverBoolean(e: Expr): boolean {
  if (e.kind === 'group') return isNeverBoolean(e.expression);
  return e.kind === 'string' || e.kind === 'number' || e.kind === 'null' || e.kind === 'array' || e.kind === 'object'
    || (e.kind === 'unary' && e.operator === '-');
}
