// Compiles a legacy flow (`type: flow`, `version: v1`, `steps`). Field names and defaults follow
// the service's documentation (research fnf.md §2.2, fnf-gaps.md §7); undocumented step types
// (`loop`) are refused with a message that says so.
import {
  asObject,
  compilerOf,
  type CompilerSource,
  type CompilerTable,
  invalid,
  mapList,
  optionalBoolean,
  optionalMapList,
  optionalNumber,
  optionalString,
  requiredString,
  stringList,
} from '../definition';
import { compileExpression, type CompiledExpression } from '../expressions/evaluate';
import type { JsonObject } from '../json';
import type { JsonValue, Limits } from '../types';
import type { LegacyStepType } from '../../../../server/src/fdl';
import type { ChoiceOption, LegacyCatch, LegacyFlow, LegacyRetry, LegacyStep, Mapping, StepBase, Steps } from './model';

const PATTERNS = ['requestResponse', 'sync', 'waitForCallback'] as const;
/** Retry `intervalSeconds` is at most a day. */
const MAX_RETRY_SECONDS = 86400;

export function compileLegacyFlow(definition: JsonObject, limits: Limits): LegacyFlow {
  const version = definition['version'];
  if (version !== 'v1' && version !== 'v1beta1') {
    throw invalid('the flow', `version must be v1, got ${JSON.stringify(version)}`);
  }
  return {
    steps: compileSteps(definition['steps'], 'the flow: steps', limits),
    inputMappings: mappings(definition, 'inputMappings', 'the flow', limits),
    outputMappings: mappings(definition, 'outputMappings', 'the flow', limits),
    timeoutSeconds: optionalNumber(definition, 'timeoutSeconds', 'the flow', 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

export function legacyExpression(text: string, where: string, limits: Limits, condition = false): CompiledExpression {
  return compileExpression(text, { where, legacy: true, condition, maxNesting: limits.maxFunctionNesting });
}

function compileSteps(value: JsonValue | undefined, where: string, limits: Limits): Steps {
  const raw = mapList(value, where, (s) => s);
  const indexOf = new Map<string, number>();
  raw.forEach((s, i) => {
    const name = requiredString(s, 'name', `${where}[${i}]`);
    if (indexOf.has(name))
      throw invalid(where, `two steps are named "${name}"; step names must be unique among siblings`);
    indexOf.set(name, i);
  });
  const goto = (target: string | undefined, from: string): number | undefined => {
    if (target === undefined) return undefined;
    const index = indexOf.get(target);
    if (index === undefined) {
      throw invalid(
        from,
        `goto "${target}" is not a sibling step (${[...indexOf.keys()].join(', ')}); goto can only jump to a step of the same list`,
      );
    }
    return index;
  };
  return { list: raw.map((s) => compileStep(s, goto, limits)), indexOf };
}

function serviceParams(obj: JsonObject, where: string, limits: Limits): Mapping[] | undefined {
  const value = obj['serviceParams'];
  if (value === undefined || value === null) return undefined;
  return Object.entries(asObject(value, `${where}: serviceParams`)).map(([target, source]) =>
    mappingFrom(target, source, `${where}: serviceParams.${target}`, limits),
  );
}

function mappingFrom(target: string, source: JsonValue | undefined, where: string, limits: Limits): Mapping {
  if (typeof source === 'string' && source.startsWith('$'))
    return { target, expression: legacyExpression(source, where, limits) };
  return { target, constant: source ?? null };
}

function mappings(obj: JsonObject, key: string, where: string, limits: Limits): Mapping[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return mapList(value, `${where}: ${key}`, (m, at) =>
    mappingFrom(requiredString(m, 'target', at), m['source'], `${at}.source`, limits),
  );
}

type Goto = (target: string | undefined, from: string) => number | undefined;

/** A step type's compiler also gets the sibling lookup for goto and the limits. */
interface StepSource extends CompilerSource<StepBase> {
  readonly goto: Goto;
  readonly limits: Limits;
}

type Compilers = CompilerTable<LegacyStepType, LegacyStep, StepSource>;

/** One compiler per step type of the legacy table; a type without one does not compile. */
const COMPILERS: Compilers = {
  task: ({ obj, where, base, goto, limits }) => {
    const resource = optionalString(obj, 'resourceArn', where) ?? optionalString(obj, 'action', where);
    if (!resource)
      throw invalid(
        where,
        'a task step needs resourceArn (e.g. acs:fc:{region}:{account}:services/{service}/functions/{function})',
      );
    const pattern = optionalString(obj, 'pattern', where) ?? 'requestResponse';
    if (!(PATTERNS as readonly string[]).includes(pattern))
      throw invalid(where, `pattern must be one of ${PATTERNS.join(', ')}, got "${pattern}"`);
    return {
      ...base,
      type: 'task',
      resource,
      pattern: pattern as TaskPattern,
      timeoutSeconds: optionalNumber(obj, 'timeoutSeconds', where, 0, Number.MAX_SAFE_INTEGER) ?? 0,
      serviceParams: serviceParams(obj, where, limits),
      retry: retries(obj, where),
      catch: catches(obj, where, goto),
      errorMappings: mappings(obj, 'errorMappings', where, limits),
    };
  },
  pass: ({ base }) => ({ ...base, type: 'pass' }),
  wait: ({ obj, where, base, limits }) => {
    const duration = obj['duration'];
    const timestamp = obj['timestamp'];
    if ((duration === undefined) === (timestamp === undefined)) {
      throw invalid(where, 'a wait step needs exactly one of duration (seconds) or timestamp (RFC 3339 time)');
    }
    return {
      ...base,
      type: 'wait',
      duration: duration === undefined ? undefined : durationValue(duration, `${where}: duration`, limits),
      timestamp: timestamp === undefined ? undefined : timestampValue(timestamp, `${where}: timestamp`, limits),
    };
  },
  choice: ({ obj, where, base, goto, limits }) => {
    const choices = mapList(obj['choices'], `${where}: choices`, (c, at) => {
      const condition = c['condition'];
      if (typeof condition !== 'string')
        throw invalid(at, 'condition is required, e.g. condition: $.status == "ready"');
      return {
        condition: legacyExpression(condition, `${at}.condition`, limits, true),
        ...option(c, at, goto, limits),
      };
    });
    const def = obj['default'];
    return {
      ...base,
      type: 'choice',
      choices,
      default:
        def === undefined || def === null
          ? undefined
          : option(asObject(def, `${where}: default`), `${where}: default`, goto, limits),
    };
  },
  parallel: ({ obj, where, base, limits }) => ({
    ...base,
    type: 'parallel',
    branches: mapList(obj['branches'], `${where}: branches`, (branch, at) => compileSteps(branch['steps'], `${at}.steps`, limits)),
  }),
  foreach: ({ obj, where, base, limits }) => {
    const mapping = asObject(obj['iterationMapping'], `${where}: iterationMapping`);
    const collection = requiredString(mapping, 'collection', `${where}: iterationMapping`);
    return {
      ...base,
      type: 'foreach',
      collection: legacyExpression(collection, `${where}: iterationMapping.collection`, limits),
      item: requiredString(mapping, 'item', `${where}: iterationMapping`),
      index: optionalString(mapping, 'index', `${where}: iterationMapping`),
      steps: compileSteps(obj['steps'], `${where}: steps`, limits),
    };
  },
  succeed: ({ base }) => ({ ...base, type: 'succeed' }),
  fail: ({ obj, name, where, base }) => ({
    ...base,
    type: 'fail',
    error: optionalString(obj, 'error', where) ?? '',
    cause: optionalString(obj, 'cause', where) || `the flow reached the fail step "${name}"`,
  }),
};

function compileStep(obj: JsonObject, goto: Goto, limits: Limits): LegacyStep {
  const name = obj['name'] as string;
  const where = `step "${name}"`;
  const type = requiredString(obj, 'type', where);
  const base: StepBase = {
    name,
    end: optionalBoolean(obj, 'end', where),
    inputMappings: mappings(obj, 'inputMappings', where, limits),
    outputMappings: mappings(obj, 'outputMappings', where, limits),
  };
  if (type === 'loop') {
    throw invalid(
      where,
      'loop steps are not documented by the service, so the emulator cannot run them; use foreach or a choice with goto',
    );
  }
  return compilerOf(COMPILERS, type, where, 'type')({ obj, name, where, base, goto, limits });
}

type TaskPattern = (typeof PATTERNS)[number];

function option(obj: JsonObject, where: string, goto: Goto, limits: Limits): ChoiceOption {
  return {
    steps: obj['steps'] === undefined ? undefined : compileSteps(obj['steps'], `${where}.steps`, limits),
    goto: goto(optionalString(obj, 'goto', where), where),
  };
}

function durationValue(value: JsonValue, where: string, limits: Limits): number | CompiledExpression {
  if (typeof value === 'string' && value.startsWith('$')) return legacyExpression(value, where, limits);
  const seconds = typeof value === 'string' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw invalid(
      where,
      `expected seconds (a number) or an input reference such as $.sleep, got ${JSON.stringify(value)}`,
    );
  }
  return seconds;
}

function timestampValue(value: JsonValue, where: string, limits: Limits): string | CompiledExpression {
  if (typeof value !== 'string')
    throw invalid(where, `expected an RFC 3339 time or an input reference, got ${JSON.stringify(value)}`);
  if (value.startsWith('$')) return legacyExpression(value, where, limits);
  if (Number.isNaN(Date.parse(value)))
    throw invalid(where, `"${value}" is not an RFC 3339 time such as 2019-05-02T15:04:05Z`);
  return value;
}

function retries(obj: JsonObject, where: string): LegacyRetry[] {
  return optionalMapList(obj['retry'], `${where}: retry`, (r, at) => ({
    errors: stringList(r['errors'], `${at}.errors`),
    intervalSeconds: optionalNumber(r, 'intervalSeconds', at, 0, MAX_RETRY_SECONDS) ?? 1,
    maxAttempts: optionalNumber(r, 'maxAttempts', at, 0, Number.MAX_SAFE_INTEGER) ?? 3,
    multiplier: optionalNumber(r, 'multiplier', at, 1, Number.MAX_SAFE_INTEGER) ?? 2,
    maxIntervalSeconds: optionalNumber(r, 'maxIntervalSeconds', at, 0, MAX_RETRY_SECONDS),
  }));
}

function catches(obj: JsonObject, where: string, goto: Goto): LegacyCatch[] {
  return optionalMapList(obj['catch'], `${where}: catch`, (c, at) => ({
    errors: stringList(c['errors'], `${at}.errors`),
    goto: goto(optionalString(c, 'goto', at), at),
  }));
}
