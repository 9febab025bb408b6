// Where a test file asks for a state name (a key under `mocks:`, an item of `states`), even on a
// half-typed line, and which names fit: Task states for mocks, every state for `states`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { coverageOf, loadFlow, stateNameSlot, stateNamesFor } from '../../../flowtest/src';

const TEXT = [
  'flow: order-processing.flow.yaml', // 0
  'cases:', // 1
  '  - name: x', // 2
  '    mocks:', // 3
  '      ChargePayment: { output: 1 }', // 4
  '      Pri', // 5
  '    expect:', // 6
  '      states: [CheckOrder, ', // 7
  '      status: Succeeded', // 8
  '    ', // 9
  '  - name: y', // 10
  '    expect:', // 11
  '      states:', // 12
  '        - Conf', // 13
].join('\n').split('\n');

describe('state names in a test file', () => {
  test('the slot at the cursor', () => {
    assert.equal(stateNameSlot(TEXT, 5, 9), 'mockKey', 'a key being typed under mocks:');
    assert.equal(stateNameSlot(TEXT, 4, 8), 'mockKey', 'an existing mock key');
    assert.equal(stateNameSlot(TEXT, 7, 26), 'stateListItem', 'inside states: [ ... ]');
    assert.equal(stateNameSlot(TEXT, 13, 14), 'stateListItem', 'a - item under states:');
    assert.equal(stateNameSlot(TEXT, 8, 14), undefined, 'a value elsewhere');
    assert.equal(stateNameSlot(TEXT, 9, 4), undefined, 'a case key');
    assert.equal(stateNameSlot(TEXT, 4, 22), undefined, 'after the key');
  });

  test('mocks offer the Task states, states every state, each once', () => {
    const loaded = loadFlow(join(import.meta.dirname, '../../../examples/order-processing.flow.yaml'));
    assert.ok(loaded.ok);
    const targets = coverageOf(loaded.flow).targets;
    assert.deepEqual(stateNamesFor('mockKey', targets).map((c) => c.name), ['PriceLine', 'ChargePayment']);
    const all = stateNamesFor('stateListItem', targets);
    assert.equal(all.length, 10);
    assert.deepEqual(all[0], { name: 'CheckOrder', detail: 'Choice' });
  });
});
