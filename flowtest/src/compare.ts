// Comparing an execution's output with the expected one: exact (deep equality) or subset (every
// key given must be there with a matching value; arrays item by item), and a line diff of the two
// as pretty JSON that a person can read in a terminal or in the editor.
import type { JsonValue } from '../../emulator/src/engine';

const isObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** True when everything `expected` gives is in `actual` (objects may have more keys). */
export function jsonSubset(expected: JsonValue, actual: JsonValue | undefined): boolean {
  if (isObject(expected)) {
    return isObject(actual) && Object.keys(expected).every((k) => k in actual && jsonSubset(expected[k]!, actual[k]));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((x, i) => jsonSubset(x, actual[i]));
  }
  return jsonEqual(expected, actual);
}

/**
 * `actual` cut down to the keys `expected` names (recursively), so a subset diff shows only what
 * was asked for and not every extra key.
 */
export function projectOnto(expected: JsonValue, actual: JsonValue | undefined): JsonValue | undefined {
  if (isObject(expected) && isObject(actual)) {
    const out: { [key: string]: JsonValue } = {};
    for (const k of Object.keys(expected)) if (k in actual) out[k] = projectOnto(expected[k]!, actual[k]) ?? null;
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return actual.map((x, i) => (i < expected.length ? (projectOnto(expected[i]!, x) ?? null) : x));
  }
  return actual;
}

/** Pretty JSON with object keys sorted, so two values diff by content and not by key order. */
export function stableJson(value: JsonValue | undefined): string {
  if (value === undefined) return '(no output)';
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]!);
    return out;
  }
  return value;
}

/** A unified-style line diff: `-` lines only in `expected`, `+` lines only in `actual`. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Longest common subsequence by dynamic programming: outputs are small (a state's data is at most 64 KiB).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`- ${a[i]}`);
      i++;
    } else {
      out.push(`+ ${b[j]}`);
      j++;
    }
  }
  return out.join('\n');
}

/** True when `wanted` appears in `ran` in order, other items allowed between. */
export function inOrder(wanted: readonly string[], ran: readonly string[]): { ok: true } | { ok: false; missing: string; after: string | undefined } {
  let at = 0;
  let previous: string | undefined;
  for (const w of wanted) {
    while (at < ran.length && ran[at] !== w) at++;
    if (at === ran.length) return { ok: false, missing: w, after: previous };
    previous = w;
    at++;
  }
  return { ok: true };
}
