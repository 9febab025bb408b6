// Completion and hover read the keys, docs and values of each object from the JSON Schemas:
// every property the schema describes is offered with the schema's own text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fdlCurrentSchema, FDL_STATE_TYPES } from '../../../server/src/schema/fdl/current';
import { fdlLegacySchema, FDL_LEGACY_STEP_TYPES } from '../../../server/src/schema/fdl/legacy';
import { ANY_STATE_FIELDS, describeKey, fieldsForContext, ROOT_FIELDS, STATE_TYPES, TASK_MODES } from '../../../server/src/fdl/fields';
import { LEGACY_ROOT_FIELDS, legacyFields, STEP_TYPES } from '../../../server/src/fdl/legacy/fields';

const defs = fdlCurrentSchema.definitions!;
const legacyDefs = fdlLegacySchema.definitions!;

describe('fields from the schemas', () => {
  test('each state type offers every property of its definition, with its description', () => {
    for (const type of FDL_STATE_TYPES) {
      const fields = fieldsForContext({ shape: 'state', stateType: type });
      const schemas = type === 'Map' ? [defs.MapInline!, defs.MapDistributed!] : [defs[type]!];
      for (const schema of schemas) {
        for (const [name, property] of Object.entries(schema.properties!)) {
          const field = fields.find((f) => f.name === name);
          if (name === 'MaxConcurrency') {
            assert.equal(field, undefined, 'the second spelling is accepted but not offered');
            continue;
          }
          assert.ok(field, `${type} offers ${name}`);
          if (name !== 'Type' && !property.$ref) assert.equal(field.description, property.description, `${type}.${name}`);
        }
      }
    }
  });

  test('value kinds and values follow the schema and the spec', () => {
    const task = fieldsForContext({ shape: 'state', stateType: 'Task' });
    assert.deepEqual(task.find((f) => f.name === 'TaskMode')?.values, ['RequestComplete', 'WaitForCustomCallback', 'WaitForSystemCallback']);
    assert.equal(task.find((f) => f.name === 'Next')?.valueKind, 'stateName');
    assert.equal(task.find((f) => f.name === 'Timeout.$')?.valueKind, 'expression');
    assert.equal(task.find((f) => f.name === 'Timeout')?.valueKind, 'number');
    assert.deepEqual(task.find((f) => f.name === 'End')?.values, ['true', 'false']);
    assert.deepEqual(task.find((f) => f.name === 'Type')?.values, [...FDL_STATE_TYPES]);
    assert.equal(fieldsForContext({ shape: 'choiceBranch' }).find((f) => f.name === 'Condition')?.valueKind, 'condition');
    assert.deepEqual(ROOT_FIELDS.find((f) => f.name === 'SpecVersion')?.values, ['v1']);
    assert.deepEqual(TASK_MODES, defs.Task!.properties!.TaskMode!.enum);
    assert.equal(STATE_TYPES.find((t) => t.name === 'Choice')?.description, defs.Choice!.description);
    assert.ok(ANY_STATE_FIELDS.some((f) => f.name === 'ItemsPath') && ANY_STATE_FIELDS.some((f) => f.name === 'Seconds'));
  });

  test('hover text is the description in the state\'s own definition', () => {
    assert.equal(describeKey({ shape: 'state', stateType: 'Wait' }, 'Seconds'), defs.Wait!.properties!.Seconds!.description);
    assert.equal(describeKey({ shape: 'retryRule' }, 'BackoffRate'), defs.Retrier!.properties!.BackoffRate!.description);
    assert.equal(describeKey({ shape: 'state', stateType: 'Task' }, 'Retry'), defs.Task!.properties!.Retry!.description);
    assert.equal(describeKey({ shape: 'state', stateType: 'Task' }, 'NoSuchKey'), undefined);
  });

  test('legacy steps and objects come from the legacy schema', () => {
    for (const type of FDL_LEGACY_STEP_TYPES) {
      const fields = legacyFields({ shape: 'step', stepType: type });
      for (const name of Object.keys(legacyDefs[type]!.properties!)) assert.ok(fields.some((f) => f.name === name), `${type} offers ${name}`);
    }
    assert.equal(STEP_TYPES.find((t) => t.name === 'foreach')?.description, legacyDefs.foreach!.description);
    assert.equal(legacyFields({ shape: 'catchRule' }).find((f) => f.name === 'goto')?.valueKind, 'stateName');
    assert.equal(legacyFields({ shape: 'mapping' }).find((f) => f.name === 'source')?.valueKind, 'expression');
    assert.deepEqual(legacyFields({ shape: 'retryRule' }).map((f) => f.name), Object.keys(legacyDefs.Retry!.properties!));
    assert.ok(!LEGACY_ROOT_FIELDS.some((f) => f.name === 'name'), 'the undocumented top-level name is not offered');
  });
});
