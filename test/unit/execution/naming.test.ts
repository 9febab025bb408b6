import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newExecutionName } from '../../../client/src/execution/workspace/executionName';
import { declaredFlowName } from '../../../client/src/execution/workspace/flowText';
import { isDefinitionError, parseServiceProblems } from '../../../client/src/execution/commands/serviceProblems';
import { checkName } from '../../../cloud/src/fnf/validate';

describe('names', () => {
  test('generated execution names follow the service rules and sort by time', () => {
    const a = newExecutionName(new Date('2026-11-23T17:02:01.000Z'), () => 0.5);
    assert.equal(a, 'run-20261123-170201-i000');
    for (let i = 0; i < 50; i++) checkName('execution', newExecutionName(), 'StartExecution');
    assert.ok(newExecutionName(new Date('2026-11-23T17:02:01Z'), () => 0) < newExecutionName(new Date('2026-11-23T17:02:02Z'), () => 0));
  });

  test('the declared Name of a definition, YAML or JSON, current or legacy', () => {
    assert.equal(declaredFlowName('Type: StateMachine\nName: orders\n'), 'orders');
    assert.equal(declaredFlowName('{"Type": "StateMachine", "Name": "json-flow"}'), 'json-flow');
    assert.equal(declaredFlowName('type: flow\nversion: v1\nname: legacy\n'), 'legacy');
    assert.equal(declaredFlowName('Type: StateMachine\nStates: ['), undefined);
    assert.equal(declaredFlowName('- a\n- b\n'), undefined);
  });
});

describe('service rejections of a definition', () => {
  test('positioned problems are split and made 0-based', () => {
    const message =
      'The flow definition is invalid: line 4, column 10: StartAt names no state: add a state "Missing" or fix the name; line 7, column 5: Unknown key "Nxt"; did you mean "Next"? (and 2 more). Fix the definition and retry.';
    assert.deepEqual(parseServiceProblems(message), [
      { line: 3, character: 9, message: 'StartAt names no state: add a state "Missing" or fix the name' },
      { line: 6, character: 4, message: 'Unknown key "Nxt"; did you mean "Next"?' },
    ]);
  });

  test('a rejection without positions is one problem for the first line', () => {
    assert.deepEqual(parseServiceProblems('Definition is empty.'), [{ line: -1, character: 0, message: 'Definition is empty.' }]);
  });

  test('only errors about the definition go on the file', () => {
    assert.equal(isDefinitionError('InvalidArgument', 'The flow definition is invalid: ...'), true);
    assert.equal(isDefinitionError('InvalidArgument', 'Limit must be 1..100'), false);
    assert.equal(isDefinitionError('FlowAlreadyExists', 'definition'), false);
    assert.equal(isDefinitionError(undefined, 'definition'), false);
  });
});
