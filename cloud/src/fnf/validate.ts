// Checks made before a request leaves: names, JSON inputs, lengths and ranges, as documented
// (limits page and API metadata), so mistakes get a clear message without a round trip.
import { invalidInput } from '../errors';
import type { JsonObject, JsonValue } from './types';

/** Flow, execution and schedule names: [A-Za-z0-9_-], starting with a letter or '_', 1-128 characters. */
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;

export function checkName(kind: 'flow' | 'execution' | 'schedule', value: string | undefined, action: string): void {
  if (value === undefined || value === '') throw invalidInput(`the ${kind} name is required`, action);
  if (!NAME_RE.test(value)) {
    const why =
      value.length > 128
        ? `is ${value.length} characters long; the limit is 128`
        : !/^[A-Za-z_]/.test(value)
          ? 'must start with a letter or an underscore'
          : 'may contain only letters, digits, underscores (_) and hyphens (-)';
    throw invalidInput(`${kind} name '${value.length > 40 ? value.slice(0, 40) + '…' : value}' ${why}`, action);
  }
}

/** A JSON object given as a value or as text; returns its JSON text. */
export function jsonObjectText(what: string, value: JsonObject | string | undefined, action: string): string | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (err) {
      throw invalidInput(`${what} is not valid JSON (${(err as Error).message}); give a JSON object such as {"key": "value"}`, action);
    }
  } else parsed = value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidInput(`${what} must be a JSON object such as {"key": "value"}, not ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`, action);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function jsonText(value: JsonValue): string {
  return JSON.stringify(value);
}

export function checkLength(what: string, value: string | undefined, min: number, max: number, action: string): void {
  if (value === undefined) return;
  if (value.length < min || value.length > max) throw invalidInput(`${what} must be ${min}-${max} characters long (got ${value.length})`, action);
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
