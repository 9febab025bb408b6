// FC:InvokeFunction served locally: the function (by full ARN, else by its name) maps to a
// CommonJS module whose `handler(event, context[, callback])` runs in this process, or to an
// HTTP URL that receives the event as a JSON POST. The result is wrapped as `{ Body: <result> }`,
// the shape flows read with `$Output.Body.<field>`.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TaskError, type JsonValue, type TaskRequest } from '../engine/types';
import type { EmulatorConfig, FunctionTarget } from './config';

type Handler = (event: unknown, context: FcContext, callback?: (err: unknown, result?: unknown) => void) => unknown;

export interface FcContext {
  readonly requestId: string;
  readonly function: { readonly name: string; readonly handler: string };
  readonly region: string;
  readonly accountId: string;
  readonly credentials: Record<string, never>;
  readonly logger: Console;
}

/**
 * The function name in `acs:fc:{region}:{account}:services/{service}.LATEST/functions/{name}`,
 * `...:functions/{name}/LATEST`, or a template reference such as `{service}/{name}`.
 */
export function functionNameOf(resourceArn: string): string | undefined {
  const match = /functions\/([^/]+)/.exec(resourceArn);
  if (match) return match[1];
  if (resourceArn.includes(':')) return undefined;
  const last = resourceArn.slice(resourceArn.lastIndexOf('/') + 1);
  return last === '' ? undefined : last;
}

export function findFunction(config: EmulatorConfig, resourceArn: string): FunctionTarget | undefined {
  const exact = config.functions.get(resourceArn);
  if (exact) return exact;
  const name = functionNameOf(resourceArn);
  return name === undefined ? undefined : config.functions.get(name);
}

export async function invokeFunction(
  target: FunctionTarget,
  request: TaskRequest,
  resourceArn: string,
  body: JsonValue,
): Promise<JsonValue> {
  const result =
    target.kind === 'module'
      ? await invokeModule(target.path, resourceArn, body)
      : await invokeUrl(target.url, request, body);
  return { Body: result };
}

const loaded = new Map<string, { mtimeMs: number; handler: Handler }>();

/** Loads the module's handler, reloading it when the file changed since the last call. */
function loadHandler(path: string): Handler {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    throw new TaskError(
      'FC.FunctionNotFound',
      `the handler module ${path} does not exist; fix the path in .flowdeck/emulator.json`,
    );
  }
  const cached = loaded.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.handler;
  const req = createRequire(path);
  const resolved = req.resolve(path);
  delete req.cache[resolved];
  let mod: { handler?: unknown };
  try {
    mod = req(resolved) as { handler?: unknown };
  } catch (e) {
    throw new TaskError('FC.FunctionLoadError', `cannot load ${path}: ${(e as Error).message}`);
  }
  if (typeof mod.handler !== 'function') {
    throw new TaskError(
      'FC.FunctionLoadError',
      `${path} does not export a handler function (exports.handler = async (event, context) => ...)`,
    );
  }
  const handler = mod.handler as Handler;
  loaded.set(path, { mtimeMs, handler });
  return handler;
}

/** Error code for an unnamed function error (the name flows list next to their own errors). */
export const FC_UNKNOWN_ERROR = 'FC.Unknown';

/**
 * A function error's code is its type, as the FC runtime reports it (`errorType`): a custom
 * error class name (`class BookFlightError extends Error`) or a string `code` is matched as is by
 * Retry/Catch; a plain Error becomes FC.Unknown.
 */
function errorCodeOf(e: unknown): string {
  if (e instanceof TaskError) return e.error;
  const err = e as { code?: unknown; name?: unknown } | null;
  if (err && typeof err.code === 'string' && err.code !== '') return err.code;
  if (err && typeof err.name === 'string' && err.name !== '' && err.name !== 'Error') return err.name;
  return FC_UNKNOWN_ERROR;
}

async function invokeModule(path: string, resourceArn: string, body: JsonValue): Promise<JsonValue> {
  const handler = loadHandler(path);
  const context: FcContext = {
    requestId: randomUUID(),
    function: { name: functionNameOf(resourceArn) ?? resourceArn, handler: 'index.handler' },
    region: 'local',
    accountId: 'local',
    credentials: {},
    logger: console,
  };
  // The handler gets its own copy: it may change its event without touching the flow's data.
  const event = body === null || typeof body !== 'object' ? body : structuredClone(body);
  let result: unknown;
  try {
    result =
      handler.length >= 3
        ? await new Promise((resolve, reject) => {
            const returned = handler(event, context, (err, value) => (err ? reject(err) : resolve(value)));
            if (returned && typeof (returned as Promise<unknown>).then === 'function')
              (returned as Promise<unknown>).then(resolve, reject);
          })
        : await handler(event, context);
  } catch (e) {
    if (e instanceof TaskError) throw e;
    throw new TaskError(errorCodeOf(e), e instanceof Error ? e.message : String(e));
  }
  return toJson(result, `the handler in ${path}`);
}

async function invokeUrl(url: string, request: TaskRequest, body: JsonValue): Promise<JsonValue> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fc-invocation-type': 'Sync' },
      body: JSON.stringify(body),
      signal: request.signal,
    });
  } catch (e) {
    if (request.signal.aborted) throw e;
    throw new TaskError('FC.InvocationFailed', `POST ${url} failed: ${(e as Error).message}`);
  }
  const text = await response.text();
  const parsed = parseMaybeJson(text);
  if (!response.ok) {
    const code =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed['errorType'] ?? parsed['ErrorCode'] ?? parsed['code'])
        : undefined;
    throw new TaskError(
      typeof code === 'string' && code !== '' ? code : FC_UNKNOWN_ERROR,
      `POST ${url} returned HTTP ${response.status}: ${text.slice(0, 500)}`,
    );
  }
  return parsed;
}

function parseMaybeJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** A function returns any value; the flow sees it as JSON (strings holding JSON are parsed). */
function toJson(value: unknown, what: string): JsonValue {
  if (value === undefined) return null;
  if (Buffer.isBuffer(value)) return parseMaybeJson(value.toString('utf8'));
  if (typeof value === 'string') return parseMaybeJson(value);
  try {
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  } catch (e) {
    throw new TaskError('FC.InvalidResult', `${what} returned a value that is not JSON: ${(e as Error).message}`);
  }
}
