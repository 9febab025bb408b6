// The built-in functions of the current spec, evaluated. The names and arities come from the
// language service's table; where the vendor documents only a purpose (split, regexMatchString,
// get, intAdd, randomInt, toArray, mapValues, uuid, toBase64, jsonToString) the behaviour here is
// the emulator's reading of that purpose.
import { createHash, randomInt as cryptoRandomInt, randomUUID } from 'node:crypto';
import { deepEqual, isObject, typeName, type JsonObject, type JsonValue } from '../json';

export type BuiltinImpl = (args: JsonValue[], fail: (message: string) => never) => JsonValue;

const HASH_ALGORITHMS: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-512': 'sha512',
};

function str(value: JsonValue, what: string, fail: (m: string) => never): string {
  if (typeof value !== 'string') fail(`${what} must be a string, got ${typeName(value)}`);
  return value;
}

function arr(value: JsonValue, what: string, fail: (m: string) => never): JsonValue[] {
  if (!Array.isArray(value)) fail(`${what} must be an array, got ${typeName(value)}`);
  return value;
}

function obj(value: JsonValue, what: string, fail: (m: string) => never): JsonObject {
  if (!isObject(value)) fail(`${what} must be an object, got ${typeName(value)}`);
  return value;
}

function int(value: JsonValue, what: string, fail: (m: string) => never): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    fail(`${what} must be an integer, got ${JSON.stringify(value)}`);
  return value;
}

/** How `format` prints an argument: strings as they are, everything else as JSON. */
function formatArg(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const BUILTINS: Record<string, BuiltinImpl> = {
  arrayContains: ([a, v], fail) => arr(a!, 'the first argument', fail).some((x) => deepEqual(x, v!)),
  arrayUnique: ([a], fail) => {
    const out: JsonValue[] = [];
    for (const x of arr(a!, 'the argument', fail)) if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return out;
  },
  format: ([template, ...args], fail) => {
    let i = 0;
    return str(template!, 'the template', fail).replace(/\{\}/g, (placeholder) =>
      i < args.length ? formatArg(args[i++]!) : placeholder,
    );
  },
  fromBase64: ([s], fail) => Buffer.from(str(s!, 'the argument', fail), 'base64').toString('utf8'),
  toBase64: ([s], fail) => Buffer.from(str(s!, 'the argument', fail), 'utf8').toString('base64'),
  stringToJson: ([s], fail) => {
    const text = str(s!, 'the argument', fail);
    try {
      return JSON.parse(text) as JsonValue;
    } catch (e) {
      return fail(`the argument is not valid JSON (${(e as Error).message})`);
    }
  },
  jsonToString: ([v]) => JSON.stringify(v),
  hash: ([s, alg], fail) => {
    const name = HASH_ALGORITHMS[str(alg!, 'the algorithm', fail)];
    if (!name)
      fail(`the algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}, got ${JSON.stringify(alg)}`);
    return createHash(name)
      .update(str(s!, 'the input', fail))
      .digest('hex');
  },
  jsonMerge: ([a, b], fail) => ({ ...obj(a!, 'the first argument', fail), ...obj(b!, 'the second argument', fail) }),
  length: ([v], fail) => {
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    if (isObject(v!)) return Object.keys(v).length;
    return fail(`the argument must be a string, array or object, got ${typeName(v)}`);
  },
  mapKeys: ([m], fail) => Object.keys(obj(m!, 'the argument', fail)),
  mapValues: ([m], fail) => Object.values(obj(m!, 'the argument', fail)),
  regexMatchString: ([s, pattern], fail) => {
    let re: RegExp;
    try {
      re = new RegExp(str(pattern!, 'the pattern', fail));
    } catch (e) {
      return fail(`the pattern is not a valid regular expression (${(e as Error).message})`);
    }
    return re.test(str(s!, 'the text', fail));
  },
  split: ([s, sep], fail) => str(s!, 'the text', fail).split(str(sep!, 'the separator', fail)),
  toArray: (args) => args,
  get: ([c, key], fail) => {
    if (Array.isArray(c)) return c[int(key!, 'the index', fail)] ?? null;
    return obj(c!, 'the first argument', fail)[str(key!, 'the key', fail)] ?? null;
  },
  intAdd: ([a, b], fail) => int(a!, 'the first argument', fail) + int(b!, 'the second argument', fail),
  randomInt: ([min, max], fail) => {
    const lo = int(min!, 'the minimum', fail);
    const hi = int(max!, 'the maximum', fail);
    if (hi <= lo) fail(`the maximum (${hi}) must be greater than the minimum (${lo})`);
    return cryptoRandomInt(lo, hi);
  },
  uuid: () => randomUUID(),
};
BUILTINS['fromJSON'] = BUILTINS['stringToJson']!;
