// The shape of a product's operation table: per operation its HTTP methods, its parameters with
// the kind each travels as, and its client-side quota. The client builds requests from it and the
// emulator reads parameters and registers handlers from the same table, so the two cannot drift.
import { invalidInput } from '../errors';
import type { RpcOperation } from './alibabaRpcCaller';
import type { Quota } from './tokenBucket';

/**
 * How a parameter travels. RPC products receive every value as text: `integer` and `number` as
 * decimals, `boolean` as `true`/`false` (the Python Tea SDK sends `True`/`False`), `json` and
 * `list` as one JSON string (the SDKs' "shrink" requests). TC3 bodies keep the JSON types.
 */
export type ParamKind = 'string' | 'integer' | 'number' | 'boolean' | 'json' | 'list';

export interface ParamSpec {
  readonly kind: ParamKind;
  /** `true`: must be sent and not empty; `'present'`: must be sent, may be empty. */
  readonly required?: true | 'present';
  /** Sent in the query string even on POST (ReportTask*'s `TaskToken`). */
  readonly in?: 'query';
  /** Inclusive bounds of an `integer` or `number`. */
  readonly range?: readonly [number, number];
  /** Inclusive bounds of a `string`'s length, in characters. */
  readonly length?: readonly [number, number];
}

export interface OperationSpec {
  /** The methods the service accepts; a client sends the first. */
  readonly methods: readonly ('GET' | 'POST')[];
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** Client-side bucket; the product's default otherwise. */
  readonly quota?: Quota;
}

export type OperationTable = Readonly<Record<string, OperationSpec>>;

/** The value a client passes for a parameter of a kind (objects and lists may be given as their JSON text). */
export type ClientValue<K extends ParamKind> = K extends 'string'
  ? string
  : K extends 'integer' | 'number'
    ? number
    : K extends 'boolean'
      ? boolean
      : K extends 'list'
        ? readonly unknown[] | string
        : object | string;

type RequiredKeys<P> = { [N in keyof P]: P[N] extends { readonly required: true | 'present' } ? N : never }[keyof P];

/** The parameters a client passes to one operation: required ones must be there, the others may be undefined. */
export type ClientParams<O extends OperationSpec> = {
  readonly [N in RequiredKeys<O['params']>]: O['params'][N] extends ParamSpec ? ClientValue<O['params'][N]['kind']> : never;
} & {
  readonly [N in Exclude<keyof O['params'], RequiredKeys<O['params']>>]?: O['params'][N] extends ParamSpec ? ClientValue<O['params'][N]['kind']> | undefined : never;
};

/** What the generic Alibaba RPC caller needs of each operation: method, query parameters, quota. */
export function rpcOperations(table: OperationTable): Readonly<Record<string, RpcOperation>> {
  const out: Record<string, RpcOperation> = {};
  for (const [name, op] of Object.entries(table)) {
    const queryParams = Object.entries(op.params).filter(([, p]) => p.in === 'query').map(([n]) => n);
    out[name] = {
      method: op.methods[0] ?? 'POST',
      ...(queryParams.length > 0 ? { queryParams } : {}),
      ...(op.quota ? { quota: op.quota } : {}),
    };
  }
  return out;
}

/**
 * Checks a request against its operation before it leaves: no parameter the operation lacks (it
 * would be sent and silently ignored), numbers within their range, strings within their length.
 */
export function checkClientParams(table: OperationTable, action: string, params: object): void {
  const spec = Object.hasOwn(table, action) ? table[action] : undefined;
  if (!spec) return;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const param = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
    if (!param) throw invalidInput(`${action} has no parameter '${name}'`, action);
    if (param.range && typeof value === 'number' && !numberFits(param, value)) {
      const [min, max] = param.range;
      throw invalidInput(`${name} must be ${param.kind === 'integer' ? 'an integer' : 'a number'} from ${min} to ${max} (got ${value})`, action);
    }
    if (param.length && typeof value === 'string' && !lengthFits(param, value)) {
      const [min, max] = param.length;
      throw invalidInput(`${name} must be ${min}-${max} characters long (got ${value.length})`, action);
    }
  }
}

/** Whether a number is of the parameter's kind and within its range: the client and the emulator ask alike. */
export function numberFits(param: ParamSpec, n: number): boolean {
  const [min, max] = param.range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  return Number.isFinite(n) && (param.kind !== 'integer' || Number.isInteger(n)) && n >= min && n <= max;
}

/** Whether a string's length is within the parameter's bounds. */
export function lengthFits(param: ParamSpec, value: string): boolean {
  if (!param.length) return true;
  const [min, max] = param.length;
  return value.length >= min && value.length <= max;
}
