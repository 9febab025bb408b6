// What each object of a legacy flow (`type: flow`) may contain, with short docs, for completion
// and hover. Facts: research fnf.md §2.2 and fnf-gaps.md §7.
import type { FieldDoc } from '../catalog';

export type LegacyShape =
  | 'root' | 'step' | 'choice' | 'default' | 'branch' | 'retryRule' | 'catchRule' | 'mapping' | 'iterationMapping' | 'other';

const f = (name: string, description: string, valueKind?: FieldDoc['valueKind'], values?: readonly string[]): FieldDoc =>
  ({ name, description, ...(valueKind ? { valueKind } : {}), ...(values ? { values } : {}) });

export const STEP_TYPES: readonly FieldDoc[] = [
  f('task', 'Calls a function, queue, child flow or cloud service (`resourceArn` or `action`).'),
  f('pass', 'Outputs constants or reshapes its input through mappings.'),
  f('wait', 'Waits `duration` seconds or until `timestamp` (at most 2 days).'),
  f('choice', 'Runs the first of `choices` whose `condition` is true, else `default`.'),
  f('parallel', 'Runs every branch of `branches` at the same time.'),
  f('foreach', 'Runs `steps` for each element of `iterationMapping.collection` (up to 100 at once).'),
  f('succeed', 'Ends the enclosing steps successfully.'),
  f('fail', 'Fails the flow with `error` and `cause`.'),
];

const TYPE = f('type', 'The step type.', 'string', STEP_TYPES.map((t) => t.name));
const NAME = f('name', 'The step name: unique among its sibling steps; `goto` refers to it.', 'string');
const END = f('end', 'Whether to stop after this step instead of continuing with the next one.', 'boolean', ['true', 'false']);
const IN = f('inputMappings', 'Builds the step input: `- target: <key>` / `source: <constant or $input/$local/$context path>`.', 'array');
const OUT = f('outputMappings', 'Builds the step output from `$input` and `$local`.', 'array');
const COMMON = [TYPE, NAME, END, IN, OUT];

export const STEP_FIELDS: Record<string, readonly FieldDoc[]> = {
  task: [
    ...COMMON,
    f('resourceArn', 'The function, MNS queue/topic or flow to call, e.g. `acs:fc:<region>:<account>:services/<svc>/functions/<fn>`.', 'string'),
    f('action', 'A cloud service operation (instead of `resourceArn`), e.g. `ocr:RecognizeIdentityCard`.', 'string'),
    f('pattern', '`requestResponse` (default), `sync` (wait for the job to finish) or `waitForCallback` (pause until a task token is reported).', 'string', ['requestResponse', 'sync', 'waitForCallback']),
    f('timeoutSeconds', 'The task timeout in seconds.', 'number'),
    f('serviceParams', 'Integration parameters (e.g. `MessageBody`, `Input`, `ExecutionName`).', 'object'),
    f('errorMappings', 'Maps `$local.error` / `$local.cause` when a `catch` rule handles an error.', 'array'),
    f('retry', 'Retry rules; put the `FnF.ALL` rule last.', 'array'),
    f('catch', 'Error handlers, each `errors` + `goto`; put the `FnF.ALL` rule last.', 'array'),
  ],
  pass: COMMON,
  wait: [...COMMON, f('duration', 'Seconds to wait: a number or a path such as `$.sleep`.', 'number'), f('timestamp', 'An RFC 3339 time to wait until, or a path such as `$.until`.', 'string')],
  choice: [...COMMON, f('choices', 'Conditions tried in order, each `condition` + `steps` and/or `goto`.', 'array'), f('default', 'What runs when no condition is true: `steps` and/or `goto`.', 'object')],
  parallel: [...COMMON, f('branches', 'The branches, each with its own `steps`.', 'array')],
  foreach: [...COMMON, f('iterationMapping', 'The collection to iterate (`collection`), and the keys for the element (`item`) and index (`index`).', 'object'), f('steps', 'The steps run for each element.', 'array')],
  succeed: [TYPE, NAME, IN, OUT],
  fail: [TYPE, NAME, IN, OUT, f('error', 'The error name.', 'string'), f('cause', 'The error description.', 'string')],
};

export const ANY_STEP_FIELDS: readonly FieldDoc[] = [...new Map(Object.values(STEP_FIELDS).flat().map((d) => [d.name, d])).values()];

export const LEGACY_SHAPE_FIELDS: Record<Exclude<LegacyShape, 'step' | 'other'>, readonly FieldDoc[]> = {
  root: [
    f('version', 'The spec version: `v1` (older flows use `v1beta1`).', 'string', ['v1', 'v1beta1']),
    f('type', 'Always `flow` for this spec.', 'string', ['flow']),
    f('steps', 'The steps, run in order.', 'array'),
    IN, OUT,
    f('timeoutSeconds', 'The flow timeout in seconds.', 'number'),
  ],
  choice: [
    f('condition', 'A boolean expression over the step input, e.g. `$.status == "ready"`.', 'condition'),
    f('steps', 'Steps run when the condition is true.', 'array'),
    f('goto', 'A sibling step of the choice step to continue with.', 'stateName'),
  ],
  default: [f('steps', 'Steps run when no condition is true.', 'array'), f('goto', 'A sibling step of the choice step to continue with.', 'stateName')],
  branch: [f('steps', 'The steps of this branch.', 'array')],
  retryRule: [
    f('errors', 'Error names; `FnF.ALL` matches every error.', 'array'),
    f('intervalSeconds', 'Seconds before the first retry (default 1, at most 86400).', 'number'),
    f('maxIntervalSeconds', 'The longest interval between retries.', 'number'),
    f('maxAttempts', 'How many retries at most (default 3).', 'number'),
    f('multiplier', 'The multiplier applied to the interval after each retry (default 2).', 'number'),
  ],
  catchRule: [
    f('errors', 'Error names; `FnF.ALL` matches every error.', 'array'),
    f('goto', 'A sibling step to continue with.', 'stateName'),
    f('steps', 'Steps run when the error is caught.', 'array'),
  ],
  mapping: [f('target', 'The key to set.', 'string'), f('source', 'A constant, or a path into `$input`, `$local` or `$context`.', 'expression')],
  iterationMapping: [
    f('collection', 'The array to iterate, e.g. `$.names`.', 'expression'),
    f('item', 'The input key that receives the current element.', 'string'),
    f('index', 'The input key that receives the current index.', 'string'),
  ],
};
