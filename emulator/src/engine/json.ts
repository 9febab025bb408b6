// JSON helpers for values the interpreter treats as immutable: once built, a value is never
// changed, so the serialised text of a large one can be cached per object and shared between
// events and checks.
import { EngineErrors, FlowFailure } from './errors';
import type { JsonValue } from '../../../server/src/parse';

// the engine's JSON values are the positioned tree's, owned here with their helpers
export type { JsonValue };

/**
 * How deeply a value may nest. Serialising and comparing values recurse; well before the stack
 * runs out, a deeper value fails the execution with a clear FnF.LimitExceeded instead.
 */
export const MAX_VALUE_DEPTH = 1000;

/** The nesting depth of `value` (a scalar is 0), counted without recursion; stops past `limit`. */
export function valueDepth(value: unknown, limit = MAX_VALUE_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0;
  // Most inputs and outputs hold no object at all: told without the stack and its pairs.
  if (holdsNoObject(value)) return 1;
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, d]);
    }
  }
  return deepest;
}

/** Whether no element or property of `value` is an object (an inherited property only makes it say no). */
function holdsNoObject(value: object): boolean {
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) if (child !== null && typeof child === 'object') return false;
    return true;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') return false;
  }
  return true;
}

export function tooDeepFailure(what: string): FlowFailure {
  return new FlowFailure(EngineErrors.limitExceeded, `${what} nests more than ${MAX_VALUE_DEPTH} levels deep; flatten it`);
}

export type JsonObject = { [key: string]: JsonValue };

interface Serialised {
  readonly text: string;
  readonly bytes: number;
}

const serialised = new WeakMap<object, Serialised>();

/**
 * Values whose text is at least this long are remembered per object, so a large payload that
 * several events carry is written out once. Shorter ones are written again each time they are
 * asked for: a WeakMap entry, and the collector's work on it while its key is young, cost more
 * than writing `{"v":1}` anew. Remembering every Express run's input cost the emulator 3.8% of its
 * CPU per StartSyncExecution (two emulators alternated in twenty 2-second rounds, lower without in 16).
 */
const REMEMBERED_FROM_CHARS = 1024;

function serialise(value: JsonValue): Serialised {
  if (value !== null && typeof value === 'object' && valueDepth(value) > MAX_VALUE_DEPTH) throw tooDeepFailure('a value');
  const text = JSON.stringify(value) ?? 'null';
  return { text, bytes: Buffer.byteLength(text) };
}

/** Consecutive events usually carry the same value: a one-entry memo in front of the map. */
let lastValue: object | undefined;
let lastSerialised: Serialised | undefined;

function cached(value: JsonValue): Serialised {
  if (value === null || typeof value !== 'object') return serialise(value);
  if (value === lastValue) return lastSerialised!;
  let s = serialised.get(value);
  if (!s) {
    s = serialise(value);
    if (s.text.length >= REMEMBERED_FROM_CHARS) serialised.set(value, s);
  }
  lastValue = value;
  lastSerialised = s;
  return s;
}

export function jsonText(value: JsonValue): string {
  return cached(value).text;
}

export function jsonBytes(value: JsonValue): number {
  return cached(value).bytes;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i]!, b[i]!)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k]!, b[k]!)) return false;
  }
  return true;
}

/** A defensive copy of a value that came from outside (callers may keep mutating theirs). */
export function copyJson(value: JsonValue): JsonValue {
  return value === null || typeof value !== 'object' ? value : (structuredClone(value) as JsonValue);
}
