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
import { closestName } from '../../text/closestName';
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

/** A problem found in an expression, with offsets relative to the expression text. */
interface RelativeProblem {
  readonly start: number;
  readonly end: number;
  readonly severity: DiagnosticSeverity;
  readonly code: string;
  readonly message: string;
  readonly data?: unknown;
}

interface CheckedExpression {
  readonly result: ExpressionParseResult;
  readonly problems: readonly RelativeProblem[];
}

// The same expression text in the same place always yields the same problems, and documents
// repeat expressions (and are revalidated on every edit), so outcomes are memoised per place and text.
const MAX_CACHED_PER_PLACE = 10_000;
const checkedByPlace = new WeakMap<ExpressionPlace, Map<string, CheckedExpression>>();

/** Checks one string value as an expression (or Condition); reports into `ctx`. Returns the parse. */
export function checkExpression(ctx: CheckContext, node: ScalarNode & { value: string }, place: ExpressionPlace): ExpressionParseResult {
  let cache = checkedByPlace.get(place);
  if (!cache) {
    cache = new Map();
    checkedByPlace.set(place, cache);
  }
  let checked = cache.get(node.value);
  if (!checked) {
    checked = analyseExpression(node.value, place);
    if (cache.size >= MAX_CACHED_PER_PLACE) cache.clear();
    cache.set(node.value, checked);
  }
  const problems = checked.problems;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    report(ctx, spanInValue(ctx.text, node, p.start, p.end), p.severity, p.code, p.message, p.data);
  }
  return checked.result;
}

function analyseExpression(text: string, place: ExpressionPlace): CheckedExpression {
  const options = { legacy: place.legacy };
  const result = place.condition ? parseCondition(text, options) : parseExpression(text, options);
  const problems: RelativeProblem[] = [];
  const add = (start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, data?: unknown): void => {
    problems.push({ start, end, severity, code, message, ...(data !== undefined ? { data } : {}) });
  };
  const syntaxCode = place.condition ? DiagnosticCodes.conditionSyntax : DiagnosticCodes.expressionSyntax;
  for (const e of result.errors) {
    add(e.start, e.end, DiagnosticSeverity.Error, syntaxCode, `${place.condition ? 'Condition' : 'Expression'} syntax: ${e.message}`);
  }
  for (const w of result.warnings) add(w.start, w.end, DiagnosticSeverity.Warning, DiagnosticCodes.undocumentedExpression, w.message);
  const ast = result.ast;
  if (!ast) return { result, problems };

  walkExpression(ast, (e) => {
    if (e.kind === 'variable' && !place.allowed.has(e.name)) {
      const known = (place.legacy ? LEGACY_VARIABLES : CURRENT_VARIABLES).includes(e.name);
      add(e.start, e.end, DiagnosticSeverity.Error,
        known ? DiagnosticCodes.expressionScope : DiagnosticCodes.unknownVariable, variableAdvice(e.name, place));
    } else if (e.kind === 'call') {
      checkCall(e, add);
    }
  });
  if (!place.condition) {
    const depth = functionNestingDepth(ast);
    if (depth > MAX_FUNCTION_NESTING) {
      add(ast.start, ast.end, DiagnosticSeverity.Error, DiagnosticCodes.expressionTooDeep,
        `built-in functions are nested ${depth} levels deep; at most ${MAX_FUNCTION_NESTING} are allowed: compute part of the value in an earlier state`);
    }
  } else if (isNeverBoolean(ast)) {
    add(ast.start, ast.end, DiagnosticSeverity.Error, DiagnosticCodes.conditionSyntax,
      'a Condition must be true or false: compare a value, e.g. `$Input.status == "ready"`');
  }
  return { result, problems };
}

type Add = (start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, data?: unknown) => void;

function checkCall(call: Extract<Expr, { kind: 'call' }>, add: Add): void {
  const fn = builtinFunction(call.callee);
  if (!fn) {
    const suggestion = closestName(call.callee, BUILTIN_FUNCTIONS.map((f) => f.name));
    add(call.calleeSpan.start, call.calleeSpan.end, DiagnosticSeverity.Error, DiagnosticCodes.unknownFunction,
      `unknown built-in function \`${call.callee}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (see the built-in function list in completion)`,
      suggestion ? { replacement: suggestion, title: `Change to \`${suggestion}\`` } : undefined);
    return;
  }
  const n = call.args.length;
  if (n < fn.minArgs || n > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}`
      : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    add(call.start, call.end, DiagnosticSeverity.Error, DiagnosticCodes.functionArity,
      `\`${fn.name}\` takes ${expected} argument${expected === '1' ? '' : 's'} but is given ${n}: ${fn.signature}`);
  }
}

/** Literals that can never be a boolean (a bare path or call might be). */
function isNeverBoolean(e: Expr): boolean {
  if (e.kind === 'group') return isNeverBoolean(e.expression);
  return e.kind === 'string' || e.kind === 'number' || e.kind === 'null' || e.kind === 'array' || e.kind === 'object'
    || (e.kind === 'unary' && e.operator === '-');
}
