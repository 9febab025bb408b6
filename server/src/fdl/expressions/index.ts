// Public entry points of the FDL expression language (used by the checks and by the emulator).
import type { ExpressionParseOptions, ExpressionParseResult } from './ast';
import { modeFor, parseWithMode } from './parser';

export type * from './ast';
export { BUILTIN_FUNCTIONS, builtinFunction, type BuiltinFunction } from './functions';
export { walkExpression, functionNestingDepth } from './walk';

/**
 * Parses a value expression: the value of a `key.$` entry, `Seconds.$`, `Timeout.$` or `ItemsPath`.
 * Never throws; offsets in the result are relative to `text`.
 */
export function parseExpression(text: string, options?: ExpressionParseOptions): ExpressionParseResult {
  return parseWithMode(text, modeFor(options, false));
}

/**
 * Parses a Choice `Condition` (comparisons, `in`, `&&`, `||`, `!`, `-`, parentheses, literals).
 * Undocumented but parseable constructs (function calls, single quotes) come back as warnings.
 */
export function parseCondition(text: string, options?: ExpressionParseOptions): ExpressionParseResult {
  return parseWithMode(text, modeFor(options, true));
}
