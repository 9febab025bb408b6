// JSON Schema of a flow test file (`*.flowtest.yaml`): which flow it tests and its cases, each
// with an input, mocks by state name and what the run must end with. The single source of truth:
// schemas/flowtest/flowtest.schema.json is written from it, and the test runner validates with it.
import type { JsonSchema } from './jsonSchema';

export const FLOWTEST_STATUSES = ['Succeeded', 'Failed', 'TimedOut', 'Stopped'] as const;

const oneMock: JsonSchema = {
  type: 'object',
  description:
    'What one call of the task returns: `output` (the raw task result, read by the state as `$Output`), ' +
    'or `error` (with an optional `cause`) to fail the call so Retry and Catch see that error.',
  additionalProperties: false,
  properties: {
    output: { description: 'The raw task result (for FC:InvokeFunction usually `{ Body: ... }`).' },
    error: { type: 'string', minLength: 1, description: 'The error code the call fails with, e.g. `PaymentGatewayBusy`.' },
    cause: { type: 'string', description: 'The failure detail that goes with `error`.' },
  },
  // an answer without `error` must give `output` (if/else keeps ajv's message to the one missing key)
  if: { required: ['error'] },
  else: { required: ['output'] },
};

const mockList: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: oneMock,
  description:
    'Consumed one call at a time: the first call gets the first entry, a retry the second, and so on; ' +
    'a call past the end fails the case.',
};

const stateMock: JsonSchema = {
  description:
    'The mock of one Task state: one answer for every call, a list consumed one call at a time, or ' +
    '`iterations` with one answer (or list) per iteration of the Map the task runs in. Inside a Map, ' +
    'an answer or list applies to each iteration afresh.',
  // if/then/else rather than anyOf: a mistake is reported inside the form that was meant
  if: { type: 'array' },
  then: mockList,
  else: {
    if: { required: ['iterations'] },
    then: {
      type: 'object',
      additionalProperties: false,
      properties: {
        iterations: {
          type: 'array',
          minItems: 1,
          items: { if: { type: 'array' }, then: mockList, else: oneMock },
          description: 'One answer (or list) per Map iteration, in item order; iteration i uses entry i.',
        },
      },
    },
    else: oneMock,
  },
};

const mockMap: JsonSchema = {
  type: 'object',
  description: 'Mocks by Task state name. Unmocked tasks run as the emulator would (local handlers, HTTP:Request) unless mocks are strict.',
  additionalProperties: stateMock,
};

const strictMocks: JsonSchema = {
  type: 'string',
  enum: ['strict'],
  description: '`strict`: every task must be mocked; a call to an unmocked task fails the case instead of running.',
};

const clockSetting: JsonSchema = {
  type: 'string',
  enum: ['virtual', 'real'],
  description:
    'How Wait states, retry intervals and timeouts pass: `virtual` (default) jumps the clock ahead so the case runs in milliseconds; ' +
    '`real` waits for real.',
};

const expectation: JsonSchema = {
  type: 'object',
  description: 'What the run must end with. Only the fields given are checked.',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...FLOWTEST_STATUSES], description: 'How the execution ended.' },
    output: { description: 'The execution output (Succeeded runs): equal to it, or a part of it with `match: subset`.' },
    match: {
      type: 'string',
      enum: ['exact', 'subset'],
      description: '`exact` (default): the output must equal `output`. `subset`: every key and array item given must be there with that value; others may be too.',
    },
    error: { type: 'string', description: 'The error code the execution failed with (Failed or TimedOut runs).' },
    cause: { type: 'string', description: 'Text the failure cause must contain.' },
    states: {
      type: 'array',
      items: { type: 'string' },
      description: 'States that must have run, in this order; other states may run between them.',
    },
  },
};

const testCase: JsonSchema = {
  type: 'object',
  description: 'One test case: start the flow with `input`, answer its tasks from `mocks`, check `expect`.',
  required: ['name', 'expect'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, description: 'The case name, unique in the file; shown in the Testing view and reports.' },
    input: { type: 'object', description: 'The execution input (a JSON object). Default `{}`.' },
    mocks: {
      description: 'Mocks by Task state name, or `strict` to forbid running any task for real.',
      if: { type: 'string' },
      then: strictMocks,
      else: mockMap,
    },
    strict: { type: 'boolean', description: 'With mocks given: true makes a call to any unmocked task fail the case.' },
    clock: clockSetting,
    expect: expectation,
  },
};

export const flowtestSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://flowdeck.dev/schemas/flowtest.schema.json',
  title: 'Flowdeck flow test file',
  type: 'object',
  required: ['flow', 'cases'],
  additionalProperties: false,
  properties: {
    flow: { type: 'string', minLength: 1, description: 'The flow under test, relative to this file (e.g. `order-processing.flow.yaml`).' },
    mocks: {
      ...strictMocks,
      description: '`strict`: in every case of this file, every task must be mocked.',
    },
    clock: { ...clockSetting, description: `The default clock of every case. ${clockSetting.description ?? ''}` },
    cases: { type: 'array', minItems: 1, items: testCase, description: 'The test cases; they run in parallel, each on its own execution.' },
  },
};
