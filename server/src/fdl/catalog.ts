// What each object of a current-spec flow may contain, with short docs: drives key completion,
// value completion and (when the schema has no description) hover.
// Facts: research fnf.md §2.3 and fnf-gaps.md §1-5.

export interface FieldDoc {
  readonly name: string;
  readonly description: string;
  /** Allowed values, for value completion. */
  readonly values?: readonly string[];
  /** What the value is, for the snippet inserted after the key. */
  readonly valueKind?: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'stateName' | 'expression' | 'condition';
}

/** The kinds of object a flow is made of. */
export type Shape =
  | 'root' | 'state' | 'scope' | 'choiceBranch' | 'retryRule' | 'catchRule' | 'processorConfig'
  | 'constructor' | 'parameters' | 'other';

const f = (name: string, description: string, valueKind?: FieldDoc['valueKind'], values?: readonly string[]): FieldDoc =>
  ({ name, description, ...(valueKind ? { valueKind } : {}), ...(values ? { values } : {}) });

export const STATE_TYPES: readonly FieldDoc[] = [
  f('Pass', 'Passes its input to its output, optionally reshaped by `InputConstructor`/`OutputConstructor`.'),
  f('Task', 'Calls a service operation (`Action`, e.g. `FC:InvokeFunction`, `HTTP:Request`) with `Parameters`.'),
  f('Choice', 'Picks the first of `Branches` whose `Condition` is true, else `Default`.'),
  f('Parallel', 'Runs every branch of `Branches` at the same time (at most 50); the output maps `Branch0`, `Branch1`, … to each result.'),
  f('Map', 'Runs `Processor` once per element of the array that `ItemsPath` selects.'),
  f('Wait', 'Waits `Seconds` (1-300 in Standard flows, 1-20 in Express flows).'),
  f('Succeed', 'Ends the current scope successfully (like `return`).'),
  f('Fail', 'Ends the flow with an error (`Code`, `Detail`).'),
];

export const TASK_MODES = ['RequestComplete', 'WaitForCustomCallback', 'WaitForSystemCallback'] as const;

/** `Action` values seen in the vendor's docs and published flows (`<Service>:<Operation>`; any OpenAPI operation works). */
export const KNOWN_ACTIONS: readonly FieldDoc[] = [
  f('FC:InvokeFunction', 'Invoke a Function Compute function. Parameters: `resourceArn`, `invocationType` (`Sync`/`Async`), `body`.'),
  f('HTTP:Request', 'Call an HTTP(S) endpoint. Parameters: `url`, `method`, `headers`, `body`. Output: `{Header, Code, Body}`.'),
  f('FNF:StartExecution', 'Start a child flow execution.'),
  f('MNS:SendMessage', 'Send a message to a Message Service queue.'),
  f('OSS:GetObject', 'Read an object from Object Storage Service.'),
  f('DashScope:QwenTextGeneration', 'Generate text with a Qwen model through DashScope (Model Studio).'),
  f('ECS:DescribeInstances', 'Any Alibaba Cloud OpenAPI operation can be called as `<Service>:<Operation>`, e.g. this one.'),
];

const NAME = f('Name', 'The state name: unique within its scope; `Next`, `Default`, `StartAt` and `Catch[].Next` refer to it.', 'string');
const DESCRIPTION = f('Description', 'A free-text description.', 'string');
const TYPE = f('Type', 'The state type.', 'string', STATE_TYPES.map((t) => t.name));
const NEXT = f('Next', 'The state to run after this one (same scope). Not needed when `End` is true.', 'stateName');
const END = f('End', 'Whether this state ends the current scope (the flow, a Parallel branch or a Map processor).', 'boolean', ['true', 'false']);
const INPUT = f('InputConstructor', 'Builds this state\'s input, replacing it entirely. Keys ending in `.$` take expressions over `$Input`, `$Context`, `$Global`.', 'object');
const OUTPUT = f('OutputConstructor', 'Builds this state\'s output. Keys ending in `.$` may also read `$Output` (the raw result).', 'object');
const GLOBAL = f('GlobalConstructor', 'Writes execution-wide variables, read later as `$Global.<key>` (key ≤ 128 bytes, value ≤ 256 KiB).', 'object');
const RETRY = f('Retry', 'Retry rules, tried in order before `Catch`; put the `FnF.ALL` rule last.', 'array');
const CATCH = f('Catch', 'Error handlers: the first rule whose `Errors` match moves to its `Next`; put the `FnF.ALL` rule last.', 'array');

const COMMON = [NAME, DESCRIPTION, TYPE, NEXT, END, INPUT, OUTPUT, GLOBAL];

export const STATE_FIELDS: Record<string, readonly FieldDoc[]> = {
  Pass: COMMON,
  Task: [
    ...COMMON,
    f('Action', 'The operation to call, `<Service>:<Operation>`, e.g. `FC:InvokeFunction`, `HTTP:Request`.', 'string', KNOWN_ACTIONS.map((a) => a.name)),
    f('TaskMode', 'How the task completes: `RequestComplete` (default; the only mode of Express flows), `WaitForCustomCallback` (pause until ReportTaskSucceeded/Failed with `$Context.Current.TaskToken`), `WaitForSystemCallback`.', 'string', TASK_MODES),
    f('Parameters', 'The request parameters of the `Action`: constants, or expressions under keys ending in `.$`.', 'object'),
    f('Timeout', 'Seconds before the task times out, 0-604800 (0 = never).', 'number'),
    f('Timeout.$', 'The timeout as an expression, e.g. `$Input.timeout`.', 'expression'),
    RETRY, CATCH,
  ],
  Wait: [
    ...COMMON,
    f('Seconds', 'How long to wait: 1-300 seconds in a Standard flow, 1-20 in an Express flow.', 'number'),
    f('Seconds.$', 'The wait time as an expression, e.g. `$Input.delay`.', 'expression'),
  ],
  Choice: [
    NAME, DESCRIPTION, TYPE, INPUT, GLOBAL,
    f('Branches', 'Conditions tried in order: `- Condition: <expression>` / `Next: <state>`; the first true one wins.', 'array'),
    f('Default', 'The state to run when no branch condition is true.', 'stateName'),
  ],
  Parallel: [
    ...COMMON,
    f('Branches', 'The branches to run in parallel (at most 50), each `{StartAt, States}`; the output is `{Branch0: …, Branch1: …}`.', 'array'),
    RETRY, CATCH,
  ],
  Map: [
    ...COMMON,
    f('ItemsPath', 'An expression selecting the array to iterate, e.g. `$Input.items`.', 'expression'),
    f('Processor', 'The sub-flow run for each element: `{StartAt, States}`.', 'object'),
    f('MaxConcuccency', 'The most iterations run at once (the vendor spells it this way; inline mode allows up to 40).', 'number'),
    f('ItemConstructor', 'Distributed mode: builds each item; `$Item` is the original element.', 'object'),
    f('ItemReader', 'Distributed mode: reads the items from OSS.', 'object'),
    f('ItemBatcher', 'Distributed mode: groups items into batches passed to one sub-flow.', 'object'),
    f('ResultWriter', 'Distributed mode: writes the sub-flow results to OSS.', 'object'),
    f('MaxItems', 'Distributed mode: the most items to process.', 'object'),
    f('ToleratedFailurePercentage', 'Distributed mode: the share of failed items tolerated before the Map fails.', 'number'),
    f('ProcessorConfig', 'Distributed mode: `ExecutionMode: Express | Standard` of the sub-flows.', 'object'),
    RETRY, CATCH,
  ],
  Succeed: [NAME, DESCRIPTION, TYPE, INPUT, OUTPUT, GLOBAL],
  Fail: [
    NAME, DESCRIPTION, TYPE, INPUT, OUTPUT, GLOBAL,
    f('Code', 'The error code returned (matched by `Errors` of an enclosing `Catch`).', 'string'),
    f('Detail', 'A description of the error (required).', 'string'),
  ],
};

/** Keys a state of unknown type may have: the union, so half-written states still complete. */
export const ANY_STATE_FIELDS: readonly FieldDoc[] = [...new Map(Object.values(STATE_FIELDS).flat().map((d) => [d.name, d])).values()];

export const SHAPE_FIELDS: Record<Exclude<Shape, 'state' | 'constructor' | 'parameters' | 'other'>, readonly FieldDoc[]> = {
  root: [
    f('Type', 'Always `StateMachine` for this spec.', 'string', ['StateMachine']),
    f('SpecVersion', 'The spec version: `v1`.', 'string', ['v1']),
    f('Name', 'The flow name; must equal the name it is deployed under ([A-Za-z0-9_-], 1-128, first a letter or `_`).', 'string'),
    f('Description', 'A free-text description of the flow.', 'string'),
    f('StartAt', 'The first state to run.', 'stateName'),
    f('States', 'The states of the flow.', 'array'),
    f('Timeout', 'The execution timeout in seconds.', 'number'),
  ],
  scope: [
    f('StartAt', 'The first state of this branch or processor.', 'stateName'),
    f('States', 'The states of this branch or processor (names are local to it).', 'array'),
  ],
  choiceBranch: [
    f('Condition', 'A boolean expression, e.g. `$Input.status == "ready"`: comparisons, `in`, `&&`, `||`, `!`, parentheses.', 'condition'),
    f('Next', 'The state to run when the condition is true.', 'stateName'),
  ],
  retryRule: [
    f('Errors', 'The error names this rule applies to; `FnF.ALL` matches every error, `FC.<Code>` Function Compute errors.', 'array'),
    f('Description', 'The rule\'s label.', 'string'),
    f('MaxAttempts', 'How many retries at most.', 'number'),
    f('IntervalSeconds', 'Seconds before the first retry (at most 86400).', 'number'),
    f('BackoffRate', 'The multiplier applied to the interval after each attempt.', 'number'),
    f('MaxBackoffSeconds', 'The longest interval between retries (at most 86400).', 'number'),
  ],
  catchRule: [
    f('Errors', 'The error names this rule handles; `FnF.ALL` matches every error.', 'array'),
    f('Description', 'The rule\'s label.', 'string'),
    f('OutputConstructor', 'Builds the input of the `Next` state; the error is in `$Context.Current.Error`.', 'object'),
    f('Next', 'The state to run when the error is caught.', 'stateName'),
  ],
  processorConfig: [
    f('ExecutionMode', 'How each sub-flow runs: `Express` or `Standard` (distributed mode).', 'string', ['Express', 'Standard']),
  ],
};

/** `$Context` fields (research fnf.md §2.3.3). */
export const CONTEXT_FIELDS: Record<string, readonly FieldDoc[]> = {
  $Context: [f('Execution', 'The execution: `Name`, `Input`, `RoleArn`.'), f('Current', 'The current state: `Name`, `Input`, `Output`, `Error`, `RetryCount`, `TaskToken`.')],
  'Execution': [f('Name', 'The execution name.'), f('Input', 'The execution input.'), f('RoleArn', 'The execution role.')],
  'Current': [
    f('Name', 'The current state name.'), f('Input', 'The current state input (= `$Input`).'),
    f('Output', 'The current state output (= `$Output`).'), f('Error', 'The caught error: `Code`, `Detail`.'),
    f('RetryCount', 'How many retries have run.'), f('TaskToken', 'The callback token of `WaitForCustomCallback` tasks.'),
  ],
  'Error': [f('Code', 'The error code.'), f('Detail', 'The error description.')],
};

export const VARIABLES: readonly FieldDoc[] = [
  f('$Input', 'The current state input.'),
  f('$Output', 'The raw result of the state; only in `OutputConstructor` and `GlobalConstructor`.'),
  f('$Context', 'The execution context: `$Context.Execution.Input`, `$Context.Current.TaskToken`, …'),
  f('$Global', 'Execution-wide variables written by `GlobalConstructor`.'),
  f('$Item', 'The current item; only in a distributed Map\'s `ItemConstructor`.'),
];
