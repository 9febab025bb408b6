// Every state type of the current spec (`Type: StateMachine`), one entry each: how it leaves its
// scope, the scopes of states it holds, its fields with their docs (the JSON Schema is built from
// them), its outline icon, its completion snippet and the body a state added from the graph gets.
// The schema, the model builder, the checks, completion, hover, outline, the graph, the debugger,
// test coverage and the engine all read this table, or are keyed by its StateType union.
//
// Adding a state type touches 4 files: its entry here, and its engine behaviour in
// emulator/src/engine/current: its compiled form in model.ts (one member of `State`), its compiler
// in compile.ts (a `Record<StateType, ...>`) and its run in interpreter.ts (a switch over `State`);
// each missing one is a type error. Only when the type needs them: limits beyond its schema in
// checks/limits.ts (keyed by StateType), a new kind of scope in model/types.ts (`ScopeKind`).
// Before this table the same change touched 8 files for a leaf type like Wait
// (checks/transitions.ts, schema/fdl/current.ts, features/symbols.ts, features/snippets.ts,
// graph/shape.ts and the engine's three) and 19 for a type that holds states and takes Retry and
// Catch like Map: those 8 and checks/limits.ts, checks/constructors.ts, fields.ts, model/build.ts,
// shape.ts, schema.ts, graph/fromFlowModel.ts, the engine's observe.ts, debug's stateMap.ts and
// controller.ts, and flowtest's coverage.ts.
import { SymbolKind } from 'vscode-languageserver-types';
import type { JsonSchema } from '../schema/jsonSchema';
import {
  catchRules,
  distributedMapFields,
  end,
  mapCommon,
  next,
  outputConstructor,
  retry,
  subFlow,
  waitSeconds,
} from '../schema/fdl/currentParts';
import type { Plain } from '../graph/textShape';
import type { ScopeKind } from './model/types';

/** A scope of states a state holds: a Parallel's branches, a Map's processor. */
export interface ChildScope {
  /** The key that holds it. */
  readonly key: string;
  /** Other spellings the engine and coverage read too (the editor reports them as unknown keys). */
  readonly aliases: readonly string[];
  /** A list of sub-flows, numbered from 0 (`Branches`), or one sub-flow (`Processor`). */
  readonly many: boolean;
  readonly kind: Exclude<ScopeKind, 'root' | 'steps'>;
  /** How messages name the scope: its 1-based number in the list, the owner's title (`` `Fan out` ``). */
  readonly label: (n: number, owner: string) => string;
}

/** One definition of the state in the schema; a type with two modes (Map) has two. */
export interface StateForm {
  /** The definition's name; the type's own name when it has one form. */
  readonly definition?: string;
  /** The definition's description; the type's when it has one form. */
  readonly description?: string;
  /** Its fields beside those every state takes (Type, Name, Description, InputConstructor, GlobalConstructor). */
  readonly fields: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  /** More schema keywords on the definition (e.g. an `anyOf` over two fields). */
  readonly schemaExtra?: JsonSchema;
}

export interface StateTypeDescriptor {
  /** What the state does: the schema's description, shown by hover and completion. */
  readonly description: string;
  /** With several forms: the description of the `Type` value, when it differs. */
  readonly typeDescription?: string;
  /**
   * How it leaves its scope: `next` (`Next`, or `End: true` to end the scope), `choice` (its
   * branches' `Next` and `Default`, never `Next`/`End`), `terminal` (it ends its scope; `End: true`
   * is tolerated, `Next` is not).
   */
  readonly transition: 'next' | 'choice' | 'terminal';
  /** Whether it takes `Retry` and `Catch` rules. */
  readonly recovers: boolean;
  readonly childScopes: readonly ChildScope[];
  readonly forms: readonly StateForm[];
  /** With two forms: the key whose presence selects the second (Map: `ProcessorConfig`). */
  readonly formSelector?: string;
  /** Its icon in the outline. */
  readonly symbolKind: SymbolKind;
  /** The YAML lines of its completion snippet (the first one is the `Type` line). */
  readonly snippet: readonly string[];
  /** The fields a state of this type starts with when it is added from the graph after another. */
  readonly newState: (name: string, next: string | undefined) => { [key: string]: Plain };
}

const processorBody = (name: string): { [key: string]: Plain } => ({ StartAt: `${name}Item`, States: [{ Type: 'Pass', Name: `${name}Item`, End: true }] });

const STATE_TYPE_TABLE = {
  Pass: {
    description: 'Passes its input to its output, optionally reshaped by the constructors.',
    transition: 'next',
    recovers: false,
    childScopes: [],
    forms: [{ fields: { OutputConstructor: outputConstructor, Next: next, End: end } }],
    symbolKind: SymbolKind.Variable,
    snippet: ['Type: Pass', 'Name: ${1:Pass}', '${2:End: true}'],
    newState: () => ({}),
  },
  Task: {
    description: 'Calls a service operation (`Action`) and continues with its result.',
    transition: 'next',
    recovers: true,
    childScopes: [],
    forms: [{
      fields: {
        Action: {
          type: 'string',
          pattern: '^[^:\\s]+:[^:\\s]+$',
          description: 'The operation to call as `<Service>:<Operation>`, e.g. `FC:InvokeFunction`, `HTTP:Request`, `FNF:StartExecution`, `ECS:DescribeInstances`.',
          examples: ['FC:InvokeFunction', 'HTTP:Request', 'FNF:StartExecution', 'MNS:SendMessage', 'OSS:GetObject'],
        },
        TaskMode: {
          enum: ['RequestComplete', 'WaitForCustomCallback', 'WaitForSystemCallback'],
          description:
            'How the task waits: `RequestComplete` (default; wait for the response), `WaitForSystemCallback` (the service reports completion of an async job), ' +
            '`WaitForCustomCallback` (pause until ReportTaskSucceeded/ReportTaskFailed with `$Context.Current.TaskToken`). Express flows allow only `RequestComplete`.',
        },
        Parameters: { type: 'object', description: 'The request parameters of the `Action` (lower camel case, e.g. `resourceArn`, `invocationType`, `body`); keys ending in `.$` take expressions.' },
        Timeout: { type: ['integer', 'string'], minimum: 0, maximum: 604800, pattern: '^[0-9]+$', description: 'Task timeout in seconds, 0-604800; 0 never times out.' },
        'Timeout.$': { type: 'string', description: 'Task timeout from an expression, e.g. `$Input.timeout`.' },
        OutputConstructor: outputConstructor,
        Next: next,
        End: end,
        Retry: retry,
        Catch: catchRules,
      },
      required: ['Action'],
    }],
    symbolKind: SymbolKind.Function,
    snippet: [
      'Type: Task', 'Name: ${1:Invoke}', 'Action: ${2:FC:InvokeFunction}', 'TaskMode: RequestComplete', 'Parameters:',
      '  resourceArn: ${3:acs:fc:<region>:<account>:functions/<function>/LATEST}', '  invocationType: Sync', '  body:',
      '    input.$: \\$Input', '${4:End: true}',
    ],
    newState: () => ({
      Action: 'FC:InvokeFunction',
      TaskMode: 'RequestComplete',
      Parameters: { resourceArn: 'acs:fc:<region>:<account>:functions/<function>/LATEST', invocationType: 'Sync' },
    }),
  },
  Choice: {
    description: 'Continues at the `Next` of the first branch whose `Condition` is true, else at `Default`. A Choice state has no `Next` or `End` of its own.',
    transition: 'choice',
    recovers: false,
    childScopes: [],
    forms: [{
      fields: {
        Branches: {
          type: 'array',
          minItems: 1,
          description: 'The branches, evaluated in order; the first true `Condition` wins.',
          items: {
            type: 'object',
            description: 'A branch: a `Condition` and the state to go to when it holds.',
            required: ['Condition', 'Next'],
            additionalProperties: false,
            properties: {
              Condition: { type: 'string', description: 'A boolean condition, e.g. `$Input.status == "ready"`: comparisons `== != > >= < <=`, `&&`, `||`, `!`, `in`, string/number/boolean literals.' },
              Next: { type: 'string', description: 'The state to run when the condition holds, in the same scope.' },
            },
          },
        },
        Default: { type: 'string', description: 'The state to run when no branch condition holds.' },
        OutputConstructor: outputConstructor,
      },
      required: ['Branches', 'Default'],
    }],
    symbolKind: SymbolKind.Enum,
    snippet: [
      'Type: Choice', 'Name: ${1:Choose}', 'Branches:', '  - Condition: ${2:\\$Input.status == "ready"}', '    Next: ${3:Ready}',
      'Default: ${4:NotReady}',
    ],
    newState: (_name, next): { [key: string]: Plain } => (next !== undefined ? { Branches: [{ Condition: '$Input.ok == true', Next: next }], Default: next } : { Branches: [{ Condition: '$Input.ok == true', Next: '' }] }),
  },
  Parallel: {
    description: 'Runs its branches at the same time; the output holds each branch result under `Branch0`, `Branch1`, ... (at most 50 branches).',
    transition: 'next',
    recovers: true,
    childScopes: [{ key: 'Branches', aliases: [], many: true, kind: 'parallel-branch', label: (n, owner) => `branch ${n} of Parallel ${owner}` }],
    forms: [{
      fields: {
        Branches: { type: 'array', minItems: 1, description: 'The branches (at most 50), each a sub-flow with `StartAt` and `States`.', items: subFlow('A branch: `StartAt` and `States`.') },
        OutputConstructor: outputConstructor,
        Next: next,
        End: end,
        Retry: retry,
        Catch: catchRules,
      },
      required: ['Branches'],
    }],
    symbolKind: SymbolKind.Array,
    snippet: [
      'Type: Parallel', 'Name: ${1:Fan out}', 'Branches:', '  - StartAt: ${2:First}', '    States:', '      - Type: Pass',
      '        Name: ${2:First}', '        End: true', '${3:End: true}',
    ],
    newState: (name) => ({ Branches: [{ StartAt: `${name}Branch`, States: [{ Type: 'Pass', Name: `${name}Branch`, End: true }] }] }),
  },
  Map: {
    description: 'Runs `Processor` for each item of `ItemsPath`; with `ProcessorConfig` it runs in distributed mode.',
    typeDescription: 'Runs a sub-flow for each item of an array.',
    transition: 'next',
    recovers: true,
    childScopes: [{ key: 'Processor', aliases: ['ItemProcessor'], many: false, kind: 'map-processor', label: (_n, owner) => `the Processor of Map ${owner}` }],
    formSelector: 'ProcessorConfig',
    forms: [
      {
        definition: 'MapInline',
        description: 'Inline mode: runs `Processor` for each item of `ItemsPath`; the output is `{ Items: [...] }`.',
        fields: mapCommon,
        required: ['ItemsPath', 'Processor'],
      },
      {
        definition: 'MapDistributed',
        description: 'Distributed mode (selected by `ProcessorConfig`): each item or batch runs as a sub-execution.',
        fields: { ...mapCommon, ...distributedMapFields },
        required: ['Processor'],
        // The items come from ItemsPath or from ItemReader: one of them must be given.
        schemaExtra: {
          anyOf: [
            { required: ['ItemsPath'], description: 'a distributed Map with `ItemsPath` (the items from the input)' },
            { required: ['ItemReader'], description: 'one with `ItemReader` (the items from OSS)' },
          ],
        },
      },
    ],
    symbolKind: SymbolKind.Array,
    snippet: [
      'Type: Map', 'Name: ${1:Each item}', 'ItemsPath: ${2:\\$Input.items}', 'Processor:', '  StartAt: ${3:Handle}', '  States:',
      '    - Type: Pass', '      Name: ${3:Handle}', '      End: true', '${4:End: true}',
    ],
    newState: (name) => ({ ItemsPath: '$Input.items', Processor: processorBody(name) }),
  },
  Wait: {
    description: 'Waits for `Seconds` (or `Seconds.$`) before continuing.',
    transition: 'next',
    recovers: false,
    childScopes: [],
    forms: [{
      fields: {
        Seconds: waitSeconds,
        'Seconds.$': { type: 'string', description: 'Seconds to wait, from an expression, e.g. `$Input.delay`.' },
        OutputConstructor: outputConstructor,
        Next: next,
        End: end,
      },
    }],
    symbolKind: SymbolKind.Event,
    snippet: ['Type: Wait', 'Name: ${1:Wait}', 'Seconds: ${2:10}', '${3:End: true}'],
    newState: () => ({ Seconds: 10 }),
  },
  Succeed: {
    description: 'Ends the current scope successfully, like `return`; it has no `Next`.',
    transition: 'terminal',
    recovers: false,
    childScopes: [],
    forms: [{
      fields: {
        OutputConstructor: outputConstructor,
        End: { type: 'boolean', description: 'Accepted for compatibility: a Succeed state always ends its scope.' },
      },
    }],
    symbolKind: SymbolKind.Constant,
    snippet: ['Type: Succeed', 'Name: ${1:Done}'],
    newState: () => ({}),
  },
  Fail: {
    description: 'Ends the flow with an error (`Code`, `Detail`); it has no `Next`.',
    transition: 'terminal',
    recovers: false,
    childScopes: [],
    forms: [{
      fields: {
        Code: { type: 'string', description: 'The error code returned, e.g. `customBizCode`; a Catch rule can match it.' },
        Detail: { type: 'string', description: 'The error description. Documented as required.' },
        OutputConstructor: outputConstructor,
        End: { type: 'boolean', description: 'Accepted for compatibility: a Fail state always ends the flow.' },
      },
    }],
    symbolKind: SymbolKind.Constant,
    snippet: ['Type: Fail', 'Name: ${1:Failed}', 'Code: ${2:MyError}', 'Detail: ${3:what went wrong}'],
    newState: () => ({ Code: 'MyError', Detail: 'what went wrong' }),
  },
} satisfies Record<string, StateTypeDescriptor>;

/** A current-spec state type, e.g. `Task`. */
export type StateType = keyof typeof STATE_TYPE_TABLE;

/** Every state type's descriptor, in the order they are offered and documented. */
export const STATE_TYPES: Readonly<Record<StateType, StateTypeDescriptor>> = STATE_TYPE_TABLE;

/** The state types, in the table's order. */
export const STATE_TYPE_NAMES = Object.keys(STATE_TYPES) as readonly StateType[];

export function isStateType(type: string | undefined): type is StateType {
  return type !== undefined && Object.hasOwn(STATE_TYPES, type);
}

/** The descriptor of a type as written; undefined for a missing or unknown type. */
export function stateTypeOf(type: string | undefined): StateTypeDescriptor | undefined {
  return isStateType(type) ? STATE_TYPES[type] : undefined;
}

/** The schema definition names of a type's forms. */
export function formDefinitions(type: StateType): string[] {
  const d = STATE_TYPES[type];
  return d.forms.length === 1 ? [type] : d.forms.map((f, i) => f.definition ?? `${type}${i}`);
}

/** The definition that describes a state of this type: the second form when its selector key is present. */
export function formDefinitionOf(type: StateType, hasKey: (key: string) => boolean): string {
  const d = STATE_TYPES[type];
  const names = formDefinitions(type);
  return d.formSelector !== undefined && hasKey(d.formSelector) ? names[names.length - 1]! : names[0]!;
}

/** The child scope a key of a state of this type holds (by its key or one of its aliases when `withAliases`). */
export function childScopeOf(type: string | undefined, key: string, withAliases = false): ChildScope | undefined {
  return stateTypeOf(type)?.childScopes.find((c) => c.key === key || (withAliases && c.aliases.includes(key)));
}

/** Each key that holds a scope in some state type (`Branches`, `Processor`), with that scope. */
export const SCOPE_KEYS: ReadonlyMap<string, ChildScope> = new Map(
  [...STATE_TYPE_NAMES].reverse().flatMap((t) => STATE_TYPES[t].childScopes.map((c) => [c.key, c] as const)),
);

/**
 * The scope a key of a state holds: the type's own, else one a key holds as a single sub-flow in
 * some type (a Map's `Processor`), so a state whose `Type` is missing or still being typed has
 * its scope. A list key that is not the type's own (`Branches` of a Choice) holds no scope.
 */
export function scopeHeldBy(type: string | undefined, key: string): ChildScope | undefined {
  const own = childScopeOf(type, key);
  if (own) return own;
  const any = SCOPE_KEYS.get(key);
  return any && !any.many ? any : undefined;
}

/** The kinds of scope that come as a numbered list (a Parallel's branches). */
export const NUMBERED_SCOPE_KINDS: ReadonlySet<ScopeKind> = new Set(
  STATE_TYPE_NAMES.flatMap((t) => STATE_TYPES[t].childScopes.filter((c) => c.many).map((c) => c.kind)),
);

/** Whether a state of this type runs states of its own (branches, iterations). */
export function holdsStates(type: string | undefined): boolean {
  return (stateTypeOf(type)?.childScopes.length ?? 0) > 0;
}
