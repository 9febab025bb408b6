// InputConstructor, OutputConstructor, Parameters, ItemConstructor and GlobalConstructor: a map
// whose `key.$` entries are expressions and whose other entries are taken literally. Compiled once
// into a builder; a constructor without any `.$` key returns its (shared, never mutated) constant.
import { EngineErrors, FlowFailure } from '../errors';
import { isObject, type JsonObject } from '../json';
import type { JsonValue } from '../types';
import { compileExpression, evaluate, type Variables } from './evaluate';

export type Builder = (vars: Variables) => JsonValue;

const EXPRESSION_SUFFIX = '.$';

export function compileConstructor(value: JsonValue, where: string, maxNesting: number): Builder {
  if (!isObject(value)) {
    throw new FlowFailure(EngineErrors.invalidDefinition, `${where} must be a map of keys to values`);
  }
  return compileValue(value, where, maxNesting);
}

function compileValue(value: JsonValue, where: string, maxNesting: number): Builder {
  if (!hasExpression(value)) return () => value;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => compileValue(v, `${where}[${i}]`, maxNesting));
    return (vars) => items.map((b) => b(vars));
  }
  const entries: { key: string; build: Builder }[] = [];
  for (const [key, v] of Object.entries(value as JsonObject)) {
    if (key.endsWith(EXPRESSION_SUFFIX) && key.length > EXPRESSION_SUFFIX.length) {
      const name = key.slice(0, -EXPRESSION_SUFFIX.length);
      if (typeof v !== 'string') {
        throw new FlowFailure(
          EngineErrors.invalidDefinition,
          `${where}.${key}: a key ending in .$ takes an expression string, got ${JSON.stringify(v)}`,
        );
      }
      const expr = compileExpression(v, { where: `${where}.${key}`, maxNesting });
      entries.push({ key: name, build: (vars) => evaluate(expr, vars) });
    } else {
      entries.push({ key, build: compileValue(v, `${where}.${key}`, maxNesting) });
    }
  }
  return (vars) => {
    const out: JsonObject = {};
    for (const e of entries) out[e.key] = e.build(vars);
    return out;
  };
}

function hasExpression(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasExpression);
  if (!isObject(value)) return false;
  for (const key in value) {
    if (key.endsWith(EXPRESSION_SUFFIX) || hasExpression(value[key]!)) return true;
  }
  return false;
}
