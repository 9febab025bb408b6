// Reads a request's parameters as a product's operation table describes them, and dispatches an
// action to the handler registered for it. Each parameter is read when the handler first asks for
// it, so the checks fail in the order the handler makes them (a missing flow before a bad Input,
// as the handler decides), with the product's own error codes.
import { lengthFits, numberFits, type OperationSpec, type OperationTable, type ParamKind, type ParamSpec } from '../../../cloud/src';
import type { RequestContext, RequestParams } from './product';

/** How a product words a parameter error. */
export interface ParamErrors {
  missing(name: string): Error;
  /** `detail` is a whole sentence naming the parameter. */
  invalid(name: string, detail: string): Error;
}

/**
 * What a handler receives for a kind: `json` stays the text as sent (the handler says which JSON it
 * takes); a `list` is that text, or the array a JSON body carries.
 */
type ServerValue<K extends ParamKind> = K extends 'integer' | 'number' ? number : K extends 'boolean' ? boolean : K extends 'list' ? unknown : string;

type Required<P> = P extends { readonly required: true | 'present' } ? true : false;

/** The parameters of one operation as its handler reads them: a required one is always there. */
export type ServerParams<O extends OperationSpec> = {
  readonly [N in keyof O['params']]: O['params'][N] extends ParamSpec
    ? Required<O['params'][N]> extends true
      ? ServerValue<O['params'][N]['kind']>
      : ServerValue<O['params'][N]['kind']> | undefined
    : never;
};

/** One handler per operation of the table: a missing handler or one for no operation fails to compile. */
export type HandlerMap<T extends OperationTable, C> = {
  readonly [A in keyof T]: (ctx: C, params: ServerParams<T[A]>, rc: RequestContext) => unknown;
};

/** The params of `spec` over the raw request parameters, each read and checked on first access. */
export function readParams<O extends OperationSpec>(spec: O, raw: RequestParams, errors: ParamErrors): ServerParams<O> {
  return new (readerOf(spec))(raw, errors) as ServerParams<O>;
}

// A request's parameters object keeps what it reads from under symbols, so no parameter name can clash with them.
const RAW = Symbol('raw parameters');
const ERRORS = Symbol('parameter errors');
const READ = Symbol('parameters read');

interface ParamsReader {
  readonly [RAW]: RequestParams;
  readonly [ERRORS]: ParamErrors;
  /** The values read so far, by parameter name (a failed read is not kept: it throws again). */
  [READ]: Record<string, unknown> | undefined;
}

type ReaderClass = new (raw: RequestParams, errors: ParamErrors) => ParamsReader;

/**
 * One class per operation, made on its first request, with a getter per parameter on its
 * prototype: a request then costs one object, not a getter closure per parameter defined on an
 * object of its own (which also left that object in the engine's slow dictionary mode).
 */
const readers = new WeakMap<OperationSpec, ReaderClass>();

function readerOf(spec: OperationSpec): ReaderClass {
  const known = readers.get(spec);
  if (known) return known;
  const Reader = class implements ParamsReader {
    readonly [RAW]: RequestParams;
    readonly [ERRORS]: ParamErrors;
    [READ]: Record<string, unknown> | undefined = undefined;
    constructor(raw: RequestParams, errors: ParamErrors) {
      this[RAW] = raw;
      this[ERRORS] = errors;
    }
  };
  for (const [name, param] of Object.entries(spec.params)) {
    Object.defineProperty(Reader.prototype, name, {
      enumerable: true,
      get(this: ParamsReader): unknown {
        const read = (this[READ] ??= Object.create(null) as Record<string, unknown>);
        if (name in read) return read[name];
        return (read[name] = readParam(name, param, this[RAW][name], this[ERRORS]));
      },
    });
  }
  readers.set(spec, Reader);
  return Reader;
}

/**
 * The handler of `action` with its parameters read from the table, or undefined for an action the
 * table does not have (`constructor`, `__proto__` and other inherited members included).
 */
export function bindOperation<T extends OperationTable, C>(
  table: T,
  handlers: HandlerMap<T, C>,
  errors: ParamErrors,
  action: string,
  raw: RequestParams,
): ((ctx: C, rc: RequestContext) => unknown) | undefined {
  if (!Object.hasOwn(table, action) || !Object.hasOwn(handlers, action)) return undefined;
  const spec = table[action] as OperationSpec;
  const handler = handlers[action] as (ctx: C, params: unknown, rc: RequestContext) => unknown;
  return (ctx, rc) => handler(ctx, readParams(spec, raw, errors), rc);
}

function readParam(name: string, param: ParamSpec, raw: unknown, errors: ParamErrors): unknown {
  const text = param.kind === 'string' || param.kind === 'json';
  // Empty counts as not sent, except where the value may be empty ('present') and for optional
  // text, which stays '' (some handlers treat that as "unset" themselves, some check its length).
  const absent = raw === undefined || raw === null || (raw === '' && (param.required === true || !text));
  if (absent) {
    if (param.required) throw errors.missing(name);
    return undefined;
  }
  switch (param.kind) {
    case 'string':
    case 'json':
      if (typeof raw !== 'string') throw errors.invalid(name, `${name} must be a string.`);
      checkLength(name, param, raw, errors);
      return raw;
    case 'list':
      return raw;
    case 'boolean':
      return readBoolean(name, raw, errors);
    case 'integer':
    case 'number':
      return readNumber(name, param, raw, errors);
  }
}

function checkLength(name: string, param: ParamSpec, value: string, errors: ParamErrors): void {
  if (!param.length || lengthFits(param, value)) return;
  const [min, max] = param.length;
  throw errors.invalid(name, `${name} must be ${min} to ${max} characters long, got ${value.length}.`);
}

function readBoolean(name: string, raw: unknown, errors: ParamErrors): boolean {
  if (typeof raw === 'boolean') return raw;
  // The Python Tea SDK sends str(True): 'True' / 'False'.
  if (raw === 'true' || raw === 'True') return true;
  if (raw === 'false' || raw === 'False') return false;
  throw errors.invalid(name, `${name} must be true or false, got '${String(raw)}'.`);
}

/** A JSON number from a TC3 body, or its decimal text from a query or a form. */
function readNumber(name: string, param: ParamSpec, raw: unknown, errors: ParamErrors): number {
  const integer = param.kind === 'integer';
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const n = typeof raw === 'number' ? raw : text !== undefined && text !== '' && (!integer || /^-?\d+$/.test(text)) ? Number(text) : Number.NaN;
  if (!numberFits(param, n)) {
    const [min, max] = param.range ?? [];
    const what = integer ? 'an integer' : 'a number';
    throw errors.invalid(name, param.range ? `${name} must be ${what} from ${min} to ${max}, got '${String(raw)}'.` : `${name} must be ${what}.`);
  }
  return n;
}
