// JSON Schema of the CloudFlow spec (`Type: StateMachine`, `SpecVersion: v1`): one definition
// per state type (two for Map, one per mode), built from the state type table (fdl/stateTypes.ts).
// Facts: research fnf.md §2.3 and fnf-gaps.md §1-5 (the gaps file wins).
// Where the vendor's docs disagree with the flows people publish, the schema accepts the
// published form and fdl/schema.ts adds a warning (missing Fail `Detail`, `End` on Succeed/Fail,
// Map's `MaxConcuccency` spelling).
import type { JsonSchema } from '../jsonSchema';
import { formDefinitions, STATE_TYPE_NAMES, STATE_TYPES, type StateType } from '../../fdl/stateTypes';
import { catcher, common, retrier, statesArray } from './currentParts';

export const FDL_STATE_TYPES: readonly string[] = STATE_TYPE_NAMES;

const typeOf = (t: StateType, what: string): JsonSchema => ({ const: t, description: `\`${t}\`: ${what}` });

function state(t: StateType, what: string, props: Readonly<Record<string, JsonSchema>>, required: readonly string[] = [], extra: JsonSchema = {}): JsonSchema {
  return {
    type: 'object',
    description: what,
    required: ['Type', 'Name', ...required],
    additionalProperties: false,
    properties: { Type: typeOf(t, what), ...common, ...props },
    ...extra,
  };
}

/** A type's definitions: one, or a dispatcher on its selector key and one per form. */
function definitionsOf(t: StateType): Record<string, JsonSchema> {
  const d = STATE_TYPES[t];
  const [first, second] = d.forms;
  if (first && !second) return { [t]: state(t, d.description, first.fields, first.required, first.schemaExtra) };
  const names = formDefinitions(t);
  const out: Record<string, JsonSchema> = {
    [t]: {
      type: 'object',
      description: d.description,
      required: ['Type', 'Name'],
      properties: { Type: typeOf(t, d.typeDescription ?? d.description) },
      if: { required: [d.formSelector ?? ''] },
      then: { $ref: `#/definitions/${names[1]}` },
      else: { $ref: `#/definitions/${names[0]}` },
    },
  };
  d.forms.forEach((f, i) => {
    out[names[i]!] = state(t, f.description ?? d.description, f.fields, f.required, f.schemaExtra);
  });
  return out;
}

export const fdlCurrentSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://flowdeck.dev/schemas/fdl.schema.json',
  title: 'CloudFlow flow definition (FDL, Type: StateMachine)',
  type: 'object',
  description: 'A CloudFlow flow: `Type: StateMachine`, `SpecVersion: v1`, `StartAt` and `States`.',
  required: ['Type', 'SpecVersion', 'StartAt', 'States'],
  additionalProperties: false,
  properties: {
    Type: { const: 'StateMachine', description: 'The definition type; always `StateMachine` for this spec.' },
    SpecVersion: { enum: ['v1'], description: 'The spec version; `v1`.' },
    Name: { type: 'string', description: 'The flow name. It must equal the `Name` the flow is created with (CreateFlow).' },
    Description: { type: 'string', description: 'Free text describing the flow.' },
    StartAt: { type: 'string', description: 'The first state to run, by name, among the top-level `States`.' },
    States: statesArray('the flow'),
    Timeout: { type: ['integer', 'string'], minimum: 0, pattern: '^[0-9]+$', description: 'Execution timeout in seconds.' },
  },
  definitions: {
    Retrier: retrier,
    Catcher: catcher,
    State: {
      type: 'object',
      description: 'A state; its `Type` selects the fields it takes.',
      required: ['Type'],
      discriminator: { propertyName: 'Type' },
      oneOf: STATE_TYPE_NAMES.map((t) => ({ $ref: `#/definitions/${t}` })),
    },
    ...Object.fromEntries(STATE_TYPE_NAMES.flatMap((t) => Object.entries(definitionsOf(t)))),
  },
};
