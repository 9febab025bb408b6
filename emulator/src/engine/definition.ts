// Reading a parsed definition: typed field access that fails with FnF.InvalidDefinition and a
// message naming the place and what to write instead.
import { EngineErrors, FlowFailure } from './errors';
import { isObject, typeName, type JsonObject } from './json';
import type { JsonValue } from './types';

export function invalid(where: string, message: string): FlowFailure {
  return new FlowFailure(EngineErrors.invalidDefinition, `${where}: ${message}`);
}

export function asObject(value: JsonValue | undefined, where: string): JsonObject {
  if (!isObject(value)) throw invalid(where, `expected a map, got ${typeName(value)}`);
  return value;
}

export function asArray(value: JsonValue | undefined, where: string): JsonValue[] {
  if (!Array.isArray(value)) throw invalid(where, `expected a list, got ${typeName(value)}`);
  return value;
}

export function requiredString(obj: JsonObject, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '')
    throw invalid(where, `${key} is required and must be a non-empty string`);
  return value;
}

export function optionalString(obj: JsonObject, key: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(where, `${key} must be a string, got ${typeName(value)}`);
  return value;
}

/** A number, also accepted as a numeric string (`Timeout: "60"`, as the service's examples write it). */
export function optionalNumber(
  obj: JsonObject,
  key: string,
  where: string,
  min: number,
  max: number,
): number | undefined {
  let value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) value = Number(value);
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(where, `${key} must be a number, got ${typeName(value)}`);
  if (value < min || value > max) throw invalid(where, `${key} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function optionalBoolean(obj: JsonObject, key: string, where: string): boolean {
  const value = obj[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalid(where, `${key} must be true or false, got ${typeName(value)}`);
  return value;
}

export function stringList(value: JsonValue | undefined, where: string): string[] {
  const list = asArray(value, where);
  return list.map((item, i) => {
    if (typeof item !== 'string') throw invalid(`${where}[${i}]`, `expected an error name, got ${typeName(item)}`);
    return item;
  });
}

/** A list of maps, each read by `read` with its place (`<where>[i]`) for messages. */
export function mapList<T>(value: JsonValue | undefined, where: string, read: (item: JsonObject, at: string) => T): T[] {
  return asArray(value, where).map((raw, i) => {
    const at = `${where}[${i}]`;
    return read(asObject(raw, at), at);
  });
}

/** A list of maps that may be left out (then it is empty), e.g. retry and catch rules. */
export function optionalMapList<T>(value: JsonValue | undefined, where: string, read: (item: JsonObject, at: string) => T): T[] {
  return value === undefined ? [] : mapList(value, where, read);
}

/** The compiler for a state's (or step's) type, or a failure naming the types there are. */
export function compilerOf<Compilers extends object>(compilers: Compilers, type: string, where: string, typeKey: string): Compilers[keyof Compilers] {
  if (!Object.hasOwn(compilers, type)) {
    throw invalid(where, `unknown ${typeKey} "${type}"; use one of ${Object.keys(compilers).join(', ')}`);
  }
  return compilers[type as keyof Compilers];
}

/** What a state (or step) type's compiler gets: the definition as written and the fields every type shares. */
export interface CompilerSource<Base> {
  readonly obj: JsonObject;
  readonly name: string;
  readonly where: string;
  readonly base: Base;
}

/** One compiler per type of a spec's table, each giving its own kind of model. */
export type CompilerTable<Type extends string, Model extends { readonly type: string }, Source> = {
  readonly [K in Type]: (source: Source) => Extract<Model, { type: K }>;
};
