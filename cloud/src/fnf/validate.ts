// Checks made before a request leaves that the operation table cannot express: names, JSON
// inputs, a range of a client option; so mistakes get a clear message without a round trip.
import { invalidInput } from '../errors';
import { describeJson, executionReferenceProblem, fnfNameProblem, isJsonObject, JSON_OBJECT_EXAMPLE, readJsonObject } from './facts';
import type { JsonObject, JsonValue } from './types';

export function checkName(kind: 'flow' | 'execution' | 'schedule', value: string | undefined, action: string): void {
  checkWith(fnfNameProblem, kind, value, action);
}

/** An existing execution's name: a sync run's `name:{UUID}` (which no start may ask for) included. */
export function checkExecutionReference(value: string | undefined, action: string): void {
  checkWith(executionReferenceProblem, 'execution', value, action);
}

function checkWith(problem: (value: string) => string | undefined, kind: string, value: string | undefined, action: string): void {
  if (value === undefined || value === '') throw invalidInput(`the ${kind} name is required`, action);
  const why = problem(value);
  if (why) throw invalidInput(`${kind} name '${value.length > 40 ? value.slice(0, 40) + '…' : value}' ${why}`, action);
}

/** A JSON object given as a value or as text; returns its JSON text. */
export function jsonObjectText(what: string, value: JsonObject | string | undefined, action: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' && isJsonObject(value)) return JSON.stringify(value);
  const read = typeof value === 'string' ? readJsonObject(value) : ({ ok: false, problem: 'notObject', found: describeJson(value) } as const);
  if (read.ok) return value as string;
  if (read.problem === 'syntax') throw invalidInput(`${what} is not valid JSON (${read.detail}); give a JSON object such as ${JSON_OBJECT_EXAMPLE}`, action);
  throw invalidInput(`${what} must be a JSON object such as ${JSON_OBJECT_EXAMPLE}, not ${read.found}`, action);
}

export function jsonText(value: JsonValue): string {
  return JSON.stringify(value);
}

export function checkRange(what: string, value: number | undefined, min: number, max: number, action: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) throw invalidInput(`${what} must be an integer from ${min} to ${max} (got ${value})`, action);
}

/** Parses a JSON string the service returned; keeps the raw text when it is not JSON. */
export function parseJsonField(text: unknown): JsonValue | undefined {
  if (typeof text !== 'string') return undefined;
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
