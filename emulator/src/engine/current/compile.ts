// Compiles a current-spec definition (`Type: StateMachine`, `SpecVersion: v1`) into the model the
// interpreter runs. Everything that can be checked before running is checked here, so a bad flow
// fails at once with FnF.InvalidDefinition instead of half way through.
import {
  asArray,
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
import { compileConstructor, type Builder } from '../expressions/constructors';
import { compileExpression, type CompiledExpression } from '../expressions/evaluate';
import type { JsonObject } from '../json';
import type { JsonValue, Limits, TaskMode } from '../types';
import { compileDistributed } from './compileDistributed';
import { isStateType, STATE_TYPES, type StateType } from '../../../../server/src/fdl';
import { isRecoverable, type CatchRule, type CompiledFlow, type RetryRule, type Scope, type State, type StateBase } from './model';

const TASK_MODES: readonly TaskMode[] = ['RequestComplete', 'WaitForCustomCallback', 'WaitForSystemCallback'];
/** Task `Timeout`: seconds in [0, 604800] (0 never times out). */
const MAX_TASK_TIMEOUT = 604800;
/** Retry `IntervalSeconds` and `MaxBackoffSeconds` are at most a day. */
const MAX_RETRY_SECONDS = 86400;

interface Context {
  readonly limits: Limits;
  /** Fix-ups that need every state of a scope: Next, Default, Catch.Next. */
  readonly links: (() => void)[];
}

export function compileCurrentFlow(definition: JsonObject, limits: Limits): CompiledFlow {
  const ctx: Context = { limits, links: [] };
  const root = compileScope(definition, 'the flow', ctx);
  for (const link of ctx.links) link();
  const timeoutSeconds = optionalNumber(definition, 'Timeout', 'the flow', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  return { root, timeoutSeconds };
}

function compileScope(owner: JsonObject, where: string, ctx: Context): Scope {
  const startAt = requiredString(owner, 'StartAt', where);
  const list = asArray(owner['States'], `${where}: States`);
  if (list.length === 0) throw invalid(where, 'States must list at least one state');
  const states = new Map<string, State>();
  list.forEach((raw, i) => {
    const obj = asObject(raw, `${where}: States[${i}]`);
    const name = requiredString(obj, 'Name', `${where}: States[${i}]`);
    if (states.has(name)) throw invalid(where, `two states are named "${name}"; state names must be unique in a scope`);
    states.set(name, compileState(obj, name, ctx));
  });
  const resolve = (target: string, from: string): State => {
    const state = states.get(target);
    if (!state) {
      throw invalid(
        from,
        `"${target}" is not a state of this scope (${[...states.keys()].join(', ')}); a transition can only go to a sibling state`,
      );
    }
    return state;
  };
  ctx.links.push(() => {
    for (const state of states.values()) {
      const from = `state "${state.name}"`;
      if (state.nextName !== undefined) state.next = resolve(state.nextName, `${from}: Next`);
      if (state.type === 'Choice') {
        for (const b of state.branches) b.next = resolve(b.nextName, `${from}: Branches`);
        state.default = resolve(state.defaultName, `${from}: Default`);
      }
      if (isRecoverable(state)) {
        for (const c of state.catch) c.next = resolve(c.nextName, `${from}: Catch`);
      }
    }
  });
  const start = states.get(startAt);
  if (!start) throw invalid(where, `StartAt "${startAt}" is not one of its States (${[...states.keys()].join(', ')})`);
  return { start, states };
}

function constructor(obj: JsonObject, key: string, where: string, ctx: Context): Builder | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return compileConstructor(value, `${where}: ${key}`, ctx.limits.maxFunctionNesting);
}

function expression(text: JsonValue | undefined, where: string, ctx: Context, condition = false): CompiledExpression {
  if (typeof text !== 'string') throw invalid(where, 'expected an expression string');
  return compileExpression(text, { where, condition, maxNesting: ctx.limits.maxFunctionNesting });
}

/** `Key: 10` or `Key.$: <expression>`, e.g. Wait `Seconds` and Task `Timeout`. */
function numberOrExpression(
  obj: JsonObject,
  key: string,
  where: string,
  ctx: Context,
  min: number,
  max: number,
): number | CompiledExpression | undefined {
  if (obj[`${key}.$`] !== undefined) return expression(obj[`${key}.$`], `${where}: ${key}.$`, ctx);
  return optionalNumber(obj, key, where, min, max);
}

/** A state type's compiler also gets the flow's compile context. */
interface StateSource extends CompilerSource<StateBase> {
  readonly ctx: Context;
}

type Compilers = CompilerTable<StateType, State, StateSource>;

/** One compiler per state type of the table; a type without one does not compile. */
const COMPILERS: Compilers = {
  Pass: ({ base }) => ({ ...base, type: 'Pass' }),
  Task: ({ obj, where, base, ctx }) => {
    const mode = optionalString(obj, 'TaskMode', where) ?? 'RequestComplete';
    if (!TASK_MODES.includes(mode as TaskMode))
      throw invalid(where, `TaskMode must be one of ${TASK_MODES.join(', ')}, got "${mode}"`);
    return {
      ...base,
      type: 'Task',
      action: requiredString(obj, 'Action', where),
      taskMode: mode as TaskMode,
      parameters: constructor(obj, 'Parameters', where, ctx),
      timeout: numberOrExpression(obj, 'Timeout', where, ctx, 0, MAX_TASK_TIMEOUT),
      ...recovery(obj, where, ctx),
    };
  },
  Wait: ({ obj, where, base, ctx }) => {
    const seconds = numberOrExpression(obj, 'Seconds', where, ctx, 0, Number.MAX_SAFE_INTEGER);
    if (seconds === undefined) throw invalid(where, 'a Wait state needs Seconds (or Seconds.$: <expression>)');
    return { ...base, type: 'Wait', seconds };
  },
  Choice: ({ obj, where, base, ctx }) => {
    const branches = mapList(obj['Branches'], `${where}: Branches`, (b, at) => ({
      condition: expression(b['Condition'], `${at}.Condition`, ctx, true),
      nextName: requiredString(b, 'Next', at),
      next: null as unknown as State,
    }));
    const defaultName = requiredString(obj, 'Default', where);
    return { ...base, type: 'Choice', branches, defaultName, default: null as unknown as State };
  },
  Parallel: ({ obj, where, base, ctx }) => {
    const list = asArray(obj['Branches'], `${where}: Branches`);
    if (list.length > ctx.limits.maxParallelBranches) {
      throw invalid(
        where,
        `has ${list.length} branches; a Parallel state may have at most ${ctx.limits.maxParallelBranches}`,
      );
    }
    const branches = mapList(list, `${where}: Branches`, (branch, at) => compileScope(branch, at, ctx));
    return { ...base, type: 'Parallel', branches, ...recovery(obj, where, ctx) };
  },
  Map: ({ obj, where, base, ctx }) => {
    const distributed = compileDistributed(obj, where);
    // A distributed Map may read its items with ItemReader instead of ItemsPath.
    const itemsPath = distributed && obj['ItemsPath'] === undefined ? undefined : expression(obj['ItemsPath'], `${where}: ItemsPath`, ctx);
    return {
      ...base,
      type: 'Map',
      itemsPath,
      distributed,
      itemConstructor: constructor(obj, 'ItemConstructor', where, ctx),
      processor: compileScope(
        asObject(obj['Processor'] ?? obj['ItemProcessor'], `${where}: Processor`),
        `${where}: Processor`,
        ctx,
      ),
      concurrency: distributed ? distributedConcurrency(obj, where) : mapConcurrency(obj, where, ctx),
      ...recovery(obj, where, ctx),
    };
  },
  Succeed: ({ base }) => ({ ...base, type: 'Succeed' }),
  Fail: ({ obj, name, where, base }) => ({
    ...base,
    type: 'Fail',
    code: optionalString(obj, 'Code', where) ?? '',
    // Detail is required by the docs but their own example omits it: say which state failed instead.
    detail: optionalString(obj, 'Detail', where) || `the flow reached the Fail state "${name}"`,
  }),
};

function compileState(obj: JsonObject, name: string, ctx: Context): State {
  const where = `state "${name}"`;
  const type = requiredString(obj, 'Type', where);
  const end = optionalBoolean(obj, 'End', where);
  const nextName = optionalString(obj, 'Next', where);
  // Only a type that transitions has a Next of its own (Choice's are its branches', Succeed and Fail have none).
  const transitions = isStateType(type) && STATE_TYPES[type].transition === 'next';
  const base: StateBase = {
    name,
    next: null,
    nextName: transitions && !end ? nextName : undefined,
    input: constructor(obj, 'InputConstructor', where, ctx),
    output: constructor(obj, 'OutputConstructor', where, ctx),
    global: constructor(obj, 'GlobalConstructor', where, ctx),
  };
  const compile = compilerOf(COMPILERS, type, where, 'Type');
  if (transitions && !end && nextName === undefined) throw invalid(where, 'needs either Next: <state name> or End: true');
  return compile({ obj, name, where, base, ctx });
}

/** Distributed: child executions at once; the quota is 100 by default (raised by ticket), so no upper bound here. */
const DISTRIBUTED_DEFAULT_CONCURRENCY = 100;

function mapConcurrency(obj: JsonObject, where: string, ctx: Context): number {
  const max = ctx.limits.maxMapConcurrency;
  return concurrency(obj, where, max, max);
}

function distributedConcurrency(obj: JsonObject, where: string): number {
  return concurrency(obj, where, Number.MAX_SAFE_INTEGER, DISTRIBUTED_DEFAULT_CONCURRENCY);
}

/** The documented key is spelled `MaxConcuccency`; `MaxConcurrency` is accepted too. 0 (or neither) means `whenZero`. */
function concurrency(obj: JsonObject, where: string, max: number, whenZero: number): number {
  const documented = optionalNumber(obj, 'MaxConcuccency', where, 0, max);
  const alternative = optionalNumber(obj, 'MaxConcurrency', where, 0, max);
  if (documented !== undefined && alternative !== undefined && documented !== alternative) {
    throw invalid(where, `MaxConcuccency (${documented}) and MaxConcurrency (${alternative}) disagree; keep one`);
  }
  const value = documented ?? alternative ?? 0;
  return value === 0 ? whenZero : Math.floor(value);
}

function recovery(obj: JsonObject, where: string, ctx: Context): { retry: RetryRule[]; catch: CatchRule[] } {
  const retry = optionalMapList(obj['Retry'], `${where}: Retry`, (r, at) => ({
    errors: stringList(r['Errors'], `${at}.Errors`),
    maxAttempts: optionalNumber(r, 'MaxAttempts', at, 0, Number.MAX_SAFE_INTEGER) ?? 3,
    intervalSeconds: optionalNumber(r, 'IntervalSeconds', at, 0, MAX_RETRY_SECONDS) ?? 1,
    backoffRate: optionalNumber(r, 'BackoffRate', at, 1, Number.MAX_SAFE_INTEGER) ?? 1,
    maxBackoffSeconds: optionalNumber(r, 'MaxBackoffSeconds', at, 0, MAX_RETRY_SECONDS),
  }));
  const catchRules = optionalMapList(obj['Catch'], `${where}: Catch`, (c, at) => ({
    errors: stringList(c['Errors'], `${at}.Errors`),
    output: constructor(c, 'OutputConstructor', at, ctx),
    nextName: requiredString(c, 'Next', at),
    next: null as unknown as State,
  }));
  return { retry, catch: catchRules };
}
