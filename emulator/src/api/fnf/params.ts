// Reading fnf request parameters with the service's rules: required parameters, name rules,
// integer ranges and JSON-object strings, each failing with the documented code.
import type { RequestParams } from '../product';
import { rpcErrors } from '../transport/errors';

/** Flow, execution and schedule names: letters, digits, `_` and `-`, starting with a letter or `_`, 1-128 long. */
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;

export function optional(params: RequestParams, name: string): string | undefined {
  const v = params[name];
  return typeof v === 'string' ? v : undefined;
}

/** A parameter that must be present (an empty value counts as missing). */
export function required(params: RequestParams, name: string): string {
  const v = optional(params, name);
  if (v === undefined || v === '') throw rpcErrors.missingParam(name);
  return v;
}

/** A parameter that must be sent, though it may be empty (CreateFlow's Description). */
export function present(params: RequestParams, name: string): string {
  const v = optional(params, name);
  if (v === undefined) throw rpcErrors.missingParam(name);
  return v;
}

export function checkName(value: string, what: string): string {
  if (!NAME_PATTERN.test(value)) {
    throw rpcErrors.invalidArgument(
      `${what} '${value}' is invalid: use 1-128 letters, digits, '_' or '-', starting with a letter or '_'.`,
    );
  }
  return value;
}

export function requiredName(params: RequestParams, name: string): string {
  return checkName(required(params, name), name);
}

export function optionalInt(params: RequestParams, name: string, min: number, max: number): number | undefined {
  const v = optional(params, name);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!/^-?\d+$/.test(v.trim()) || n < min || n > max) {
    throw rpcErrors.invalidArgument(`${name} must be an integer from ${min} to ${max}, got '${v}'.`);
  }
  return n;
}

export function optionalBool(params: RequestParams, name: string): boolean | undefined {
  const v = optional(params, name);
  if (v === undefined || v === '') return undefined;
  // The Python Tea SDK sends str(True): 'True' / 'False'.
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  throw rpcErrors.invalidArgument(`${name} must be true or false, got '${v}'.`);
}

/** A string whose length (in characters) must lie in [min, max]. */
export function checkLength(value: string | undefined, name: string, min: number, max: number): void {
  if (value === undefined) return;
  if (value.length < min || value.length > max) {
    throw rpcErrors.invalidArgument(`${name} must be ${min} to ${max} characters long, got ${value.length}.`);
  }
}

/** A JSON object passed as a string (Input, Output, Payload); '' counts as `{}` where allowed. */
export function jsonObject(text: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw rpcErrors.invalidArgument(`${name} is not valid JSON (${err instanceof Error ? err.message : String(err)}). Pass a JSON object such as {"key":"value"}.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw rpcErrors.invalidArgument(`${name} must be a JSON object such as {"key":"value"}.`);
  }
  return value as Record<string, unknown>;
}

/** A page token this emulator handed out (a name or a number as text). */
export function pageToken(params: RequestParams): string | undefined {
  const v = optional(params, 'NextToken');
  return v === '' ? undefined : v;
}
