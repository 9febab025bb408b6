// The name a flow file goes by: the one its definition declares, else its file's stem. Deploy,
// run, the debugger and flow tests all read it from cloud/src/fnf/facts.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredFlowName, flowFileStem, flowNameOfFile } from '../../../cloud/src/fnf/facts';
import { isFlowFileProblem, loadFlowText } from '../../../emulator/src/local';
import { testFileFor } from '../../../flowtest/src/fromExecution';

const FLOW_WITHOUT_NAME = 'Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n';

describe('the name a flow file goes by', () => {
  test('the declared Name (current spec) or name (legacy), trimmed; nothing else counts', () => {
    assert.equal(declaredFlowName({ Name: 'orders' }), 'orders');
    assert.equal(declaredFlowName({ name: ' legacy ' }), 'legacy');
    assert.equal(declaredFlowName({ Name: 'first', name: 'second' }), 'first');
    for (const value of [{ Name: '  ' }, { Name: 7 }, ['Name'], null, 'Name: x', undefined]) assert.equal(declaredFlowName(value), undefined);
  });

  test('a file stem drops the folder and the kind and format suffixes, in any case', () => {
    const stems: [string, string][] = [
      ['flows/orders.flow.yaml', 'orders'],
      ['C:\\flows\\orders.FDL.JSON', 'orders'],
      ['orders.yml', 'orders'],
      ['orders.json', 'orders'],
      ['/a/b/orders.v2.flow.yaml', 'orders.v2'],
      ['notes.txt', 'notes.txt'],
    ];
    for (const [path, stem] of stems) assert.equal(flowFileStem(path), stem, path);
    assert.equal(flowNameOfFile({ Name: 'declared' }, 'x/file.flow.yaml'), 'declared');
    assert.equal(flowNameOfFile({}, 'x/file.flow.yaml'), 'file');
  });

  test('a flow loaded to run, debug or test goes by the same name as when it is deployed', () => {
    const loaded = loadFlowText('/work/flows/orders.flow.yaml', FLOW_WITHOUT_NAME);
    assert.ok(!isFlowFileProblem(loaded));
    assert.equal(loaded.flowName, 'orders');
    const named = loadFlowText('/work/flows/orders.flow.yaml', FLOW_WITHOUT_NAME.replace('SpecVersion', 'Name: checkout\nSpecVersion'));
    assert.ok(!isFlowFileProblem(named));
    assert.equal(named.flowName, 'checkout');
  });

  test("a flow's test file is named after the same stem", () => {
    assert.equal(testFileFor('/work/flows/orders.flow.yaml'), '/work/flows/orders.flowtest.yaml');
    assert.equal(testFileFor('/work/flows/orders.json'), '/work/flows/orders.flowtest.yaml');
  });
});
