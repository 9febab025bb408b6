// FDL expressions typed by the person debugging (Debug Console, hover, breakpoint conditions,
// logpoint messages), compiled and evaluated by the engine's own evaluator against a state's
// variables, so they mean exactly what they would mean in the flow.
import {
  compileExpression,
  DEFAULT_LIMITS,
  evaluate,
  evaluateCondition,
  FlowFailure,
  type CompiledExpression,
  type JsonValue,
  type Variables,
} from '../../emulator/src/engine';

export type Dialect = 'current' | 'legacy';

export type Compiled = { readonly expression: CompiledExpression } | { readonly error: string };

function message(e: unknown): string {
  if (e instanceof FlowFailure) return e.cause;
  return e instanceof Error ? e.message : String(e);
}

export function compile(text: string, dialect: Dialect, options: { condition?: boolean; where: string }): Compiled {
  try {
    return {
      expression: compileExpression(text.trim(), {
        legacy: dialect === 'legacy',
        condition: options.condition ?? false,
        maxNesting: DEFAULT_LIMITS.maxFunctionNesting,
        where: options.where,
      }),
    };
  } catch (e) {
    return { error: message(e) };
  }
}

export function evaluateText(
  text: string,
  dialect: Dialect,
  variables: Variables,
  where: string,
): { readonly value: JsonValue } | { readonly error: string } {
  const compiled = compile(text, dialect, { where });
  if ('error' in compiled) return compiled;
  try {
    return { value: evaluate(compiled.expression, variables) };
  } catch (e) {
    return { error: message(e) };
  }
}

export function testCondition(expression: CompiledExpression, variables: Variables): { readonly value: boolean } | { readonly error: string } {
  try {
    return { value: evaluateCondition(expression, variables) };
  } catch (e) {
    return { error: message(e) };
  }
}

/** A logpoint message: each `{expression}` is replaced by its value (strings as they are). */
export function interpolate(template: string, dialect: Dialect, variables: Variables): string {
  return template.replace(/\{([^{}]+)\}/g, (_, text: string) => {
    const result = evaluateText(text, dialect, variables, 'a logpoint');
    if ('error' in result) return `<${result.error}>`;
    return typeof result.value === 'string' ? result.value : JSON.stringify(result.value);
  });
}
