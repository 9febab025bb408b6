// fnf request parameters as the operation table describes them, with the service's error codes,
// and the checks of their content the table does not describe: names and JSON objects.
import { FNF_NAME_RULE, isFnfName, JSON_OBJECT_EXAMPLE, readJsonObject, type FNF_OPERATIONS, type FnfOperationName } from '../../../../cloud/src';
import type { HandlerMap, ParamErrors, ServerParams } from '../operationParams';
import { rpcErrors } from '../transport/errors';
import type { FnfContext } from './context';

/** The parameters of one fnf operation, as its handler reads them. */
export type FnfParams<A extends FnfOperationName> = ServerParams<(typeof FNF_OPERATIONS)[A]>;

/** A handler for every fnf operation; each file of handlers holds a part of it. */
export type FnfHandlers = HandlerMap<typeof FNF_OPERATIONS, FnfContext>;

export const fnfParamErrors: ParamErrors = {
  missing: (name) => rpcErrors.missingParam(name),
  invalid: (_name, detail) => rpcErrors.invalidArgument(detail),
};

export function checkName(value: string, what: string): string {
  if (!isFnfName(value)) throw rpcErrors.invalidArgument(`${what} '${value}' is invalid: use ${FNF_NAME_RULE}.`);
  return value;
}

/** A JSON object passed as a string (Input, Environment). */
export function jsonObject(text: string, name: string): Record<string, unknown> {
  const read = readJsonObject(text);
  if (read.ok) return read.value;
  const example = JSON_OBJECT_EXAMPLE.replace(': ', ':');
  if (read.problem === 'syntax') throw rpcErrors.invalidArgument(`${name} is not valid JSON (${read.detail}). Pass a JSON object such as ${example}.`);
  throw rpcErrors.invalidArgument(`${name} must be a JSON object such as ${example}.`);
}

/** A page token this emulator handed out (a name or a number as text). */
export function pageToken(token: string | undefined): string | undefined {
  return token === '' ? undefined : token;
}
