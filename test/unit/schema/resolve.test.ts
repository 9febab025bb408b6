import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeAt, parseText, type ObjectNode } from '../../../server/src/parse';
import { schemaForKey, schemaForNode, tagValues } from '../../../server/src/schema/resolve';
import { fdlSchemaFor } from '../../../server/src/fdl/schema';

const root = fdlSchemaFor('fdl')!;
const text = [
  'Type: StateMachine',
  'SpecVersion: v1',
  'StartAt: A',
  'States:',
  '  - Type: Task',
  '    Name: A',
  '    Action: FC:InvokeFunction',
  '    Retry:',
  '      - Errors: [FnF.ALL]',
  '        MaxAttempts: 1',
  '        IntervalSeconds: 1',
  '    End: true',
  '  - Type: Map',
  '    Name: M',
  '    ProcessorConfig: {}',
  '    Processor:',
  '      StartAt: P',
  '      States: []',
  '',
].join('\n');
const parsed = parseText(text, 'yaml');
const objectAt = (needle: string) => nodeAt(parsed.root, text.indexOf(needle)).property!.parent as ObjectNode;

test('the schema of a state follows its Type (discriminator) and of a Map its mode (if/then/else)', () => {
  const task = schemaForNode(root, objectAt('Action:'));
  assert.ok(task?.properties?.Action?.description?.includes('<Service>:<Operation>'));
  const retry = schemaForNode(root, objectAt('MaxAttempts'));
  assert.deepEqual(retry?.required, ['Errors', 'MaxAttempts', 'IntervalSeconds']);
  const map = schemaForNode(root, objectAt('ProcessorConfig'));
  assert.ok(map?.properties?.ItemReader, 'a Map with ProcessorConfig is described by the distributed-mode schema');
  assert.match(schemaForKey(root, objectAt('Action:'), 'TaskMode')?.description ?? '', /RequestComplete/);
  assert.equal(schemaForKey(root, objectAt('Action:'), 'Nope'), undefined);
});

test('tagValues lists the state types in schema order', () => {
  assert.deepEqual(tagValues(root, root.definitions!.State!), ['Pass', 'Task', 'Choice', 'Parallel', 'Map', 'Wait', 'Succeed', 'Fail']);
  assert.deepEqual(tagValues(fdlSchemaFor('fdl-legacy')!, fdlSchemaFor('fdl-legacy')!.definitions!.Step!), ['pass', 'task', 'choice', 'parallel', 'foreach', 'wait', 'succeed', 'fail']);
});
