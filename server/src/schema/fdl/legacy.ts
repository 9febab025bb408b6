// JSON Schema of the legacy spec (`type: flow`, `version: v1`): one definition per step type.
// Facts: research fnf.md §2.2 and fnf-gaps.md §7 (the gaps file wins).
import type { JsonSchema } from '../jsonSchema';
import { STEP_TYPE_NAMES, type LegacyStepType } from '../../fdl/legacy/stepTypes';

export const FDL_LEGACY_STEP_TYPES: readonly string[] = STEP_TYPE_NAMES;

const mappings = (what: string): JsonSchema => ({
  type: 'array',
  description: what,
  items: { $ref: '#/definitions/Mapping' },
});

const common = {
  name: { type: 'string', description: 'The step name, unique among its sibling steps; `goto` refers to it.' },
  inputMappings: mappings('Builds the step input from the parent input and local (`$input`, `$local`, `$context`).'),
  outputMappings: mappings('Builds the step output from its input and local (`$input`, `$local`).'),
} satisfies Record<string, JsonSchema>;

const end: JsonSchema = { type: 'boolean', description: 'When true, the steps after this one in the same list are skipped.' };

const steps = (where: string): JsonSchema => ({
  type: 'array',
  description: `The steps of ${where}, run one after another.`,
  items: { $ref: '#/definitions/Step' },
});

const errors: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', description: 'An error name, e.g. `FnF.ALL` (every error) or `FC.ResourceThrottled`.' },
  description: 'The error names this rule matches; `FnF.ALL` matches every error and belongs last.',
};

function step(t: LegacyStepType, what: string, props: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return {
    type: 'object',
    description: what,
    required: ['type', 'name', ...required],
    additionalProperties: false,
    properties: { type: { const: t, description: `\`${t}\`: ${what}` }, ...common, ...props },
  };
}

const gotoTarget: JsonSchema = { type: 'string', description: 'The step to jump to; it must be a sibling of this step.' };

/** One definition per step type of the table (fdl/legacy/stepTypes.ts); a missing one is a type error. */
const STEP_DEFINITIONS: Record<LegacyStepType, JsonSchema> = {
  pass: step('pass', 'Outputs constants or reshapes its input through the mappings.', { end }),
  task: step('task', 'Calls a function, a queue, another flow (`resourceArn`) or a service (`action`).', {
    resourceArn: { type: 'string', description: 'What to call, e.g. `acs:fc:{region}:{account}:services/{service}/functions/{function}`, `acs:mns:::/queues/{queue}/messages`, `acs:fnf:::flow/{flow}`.' },
    action: { type: 'string', description: 'A service operation called instead of `resourceArn`, e.g. `ocr:RecognizeIdentityCard`, with `serviceParams`.' },
    pattern: {
      enum: ['requestResponse', 'sync', 'waitForCallback'],
      description: '`requestResponse` (default; continue on the response), `sync` (wait for the started job to finish), `waitForCallback` (pause until ReportTaskSucceeded/Failed with `$context.task.token`).',
    },
    timeoutSeconds: { type: 'integer', minimum: 0, description: 'Task timeout in seconds.' },
    serviceParams: { type: 'object', description: 'Parameters of the integrated service, e.g. `MessageBody`, `Input`, `ExecutionName`; `$` is the mapped input.' },
    errorMappings: mappings('On an error caught by `catch`, maps `$local.error` / `$local.cause` into the output.'),
    retry: { type: 'array', items: { $ref: '#/definitions/Retry' }, description: 'Retry policies, tried in order.' },
    catch: { type: 'array', items: { $ref: '#/definitions/Catch' }, description: 'Catch policies, tried in order after retries.' },
    end,
  }),
  choice: step(
    'choice',
    'Runs the first choice whose `condition` holds, else `default`; without `default` the step just ends.',
    {
      choices: {
        type: 'array',
        minItems: 1,
        description: 'The choices, evaluated in order.',
        items: {
          type: 'object',
          description: 'A choice: a `condition`, then `steps` and/or a `goto`.',
          required: ['condition'],
          additionalProperties: false,
          properties: {
            condition: { type: 'string', description: 'A condition over the step input, e.g. `$.status == "ready"`.' },
            steps: steps('this choice'),
            goto: gotoTarget,
          },
        },
      },
      default: {
        type: 'object',
        description: 'What runs when no condition holds: `steps` and/or a `goto`.',
        additionalProperties: false,
        properties: { steps: steps('the default choice'), goto: gotoTarget },
      },
      end,
    },
    ['choices'],
  ),
  parallel: step(
    'parallel',
    'Runs its branches at the same time; `$local` is the array of branch outputs.',
    {
      branches: {
        type: 'array',
        minItems: 1,
        description: 'The branches, each with its own `steps`.',
        items: { type: 'object', description: 'A branch.', required: ['steps'], additionalProperties: false, properties: { steps: steps('this branch') } },
      },
      end,
    },
    ['branches'],
  ),
  foreach: step(
    'foreach',
    'Runs `steps` for each element of a collection, up to 100 at a time; `$local` is the array of iteration outputs.',
    {
      iterationMapping: {
        type: 'object',
        description: 'Which input array to iterate over and under which keys each element (and index) is given to the steps.',
        required: ['collection', 'item'],
        additionalProperties: false,
        properties: {
          collection: { type: 'string', description: 'The array to iterate over, e.g. `$.names`.' },
          item: { type: 'string', description: 'The key under which the current element is merged into each iteration\'s input.' },
          index: { type: 'string', description: 'The key under which the current index is merged into each iteration\'s input.' },
        },
      },
      steps: steps('each iteration'),
      end,
    },
    ['iterationMapping', 'steps'],
  ),
  wait: step('wait', 'Waits for `duration` seconds or until `timestamp` (exactly one of them; at most 2 days).', {
    duration: { type: ['integer', 'string'], minimum: 0, pattern: '^\\$', description: 'Seconds to wait: a number, or an input reference such as `$.sleep`.' },
    timestamp: {
      type: 'string',
      pattern: '^(?:\\$|\\d{4}-\\d{2}-\\d{2}T)',
      description: 'An RFC 3339 time to wait until (e.g. `2019-05-02T15:04:05Z`), or an input reference such as `$.when`.',
    },
    end,
  }),
  succeed: step('succeed', 'Ends the enclosing list of steps successfully.', {}),
  fail: step('fail', 'Fails the flow with `error` and `cause`.', {
    error: { type: 'string', description: 'The error type.' },
    cause: { type: 'string', description: 'The error cause.' },
  }),
};

export const fdlLegacySchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://flowdeck.dev/schemas/fdl-legacy.schema.json',
  title: 'Serverless Workflow flow definition (legacy FDL, type: flow)',
  type: 'object',
  description: 'A legacy flow: `version`, `type: flow` and `steps`.',
  required: ['version', 'type', 'steps'],
  additionalProperties: false,
  properties: {
    version: { enum: ['v1', 'v1beta1'], description: 'The spec version: `v1` (`v1beta1` is accepted by older tools).' },
    type: { const: 'flow', description: 'Always `flow` for a legacy definition.' },
    steps: steps('the flow'),
    inputMappings: mappings('Maps the execution input (`$input`) into the flow input.'),
    outputMappings: mappings('Maps the flow input and local (`$local`) into the flow output; without it `$local` is the output.'),
    timeoutSeconds: { type: 'integer', minimum: 0, description: 'Flow timeout in seconds.' },
    name: { type: 'string', description: 'Not part of the documented spec (seen in the API reference example); the flow name comes from CreateFlow.' },
  },
  definitions: {
    Mapping: {
      type: 'object',
      description: 'One mapping: the value of `source` is written under the key `target`.',
      required: ['target'],
      additionalProperties: false,
      properties: {
        target: { type: 'string', description: 'The key the value is written under.' },
        source: {
          description: 'A constant (number, string, boolean, object, array) or an expression over `$input`, `$local` or `$context` (e.g. `$input.key`, `$local[*].name`, `$context.task.token`).',
        },
      },
    },
    Retry: {
      type: 'object',
      description: 'A retry policy; policies are tried in order.',
      required: ['errors'],
      additionalProperties: false,
      properties: {
        errors,
        intervalSeconds: { type: 'integer', minimum: 0, maximum: 86400, description: 'Initial interval before the first retry, in seconds (default 1, at most 86400).' },
        maxIntervalSeconds: { type: 'integer', minimum: 0, description: 'Upper bound of the interval between retries, in seconds.' },
        maxAttempts: { type: 'integer', minimum: 0, description: 'Maximum number of retries (default 3).' },
        multiplier: { type: 'number', minimum: 0, description: 'Factor applied to the interval after each retry (default 2).' },
      },
    },
    Catch: {
      type: 'object',
      description: 'A catch policy: on a matching error, continue at `goto`.',
      required: ['errors', 'goto'],
      additionalProperties: false,
      properties: {
        errors,
        goto: gotoTarget,
        steps: steps('this catch policy'),
      },
    },
    Step: {
      type: 'object',
      description: 'A step; its `type` selects the fields it takes.',
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: STEP_TYPE_NAMES.map((t) => ({ $ref: `#/definitions/${t}` })),
    },
    ...STEP_DEFINITIONS,
  },
};
