// "Save as Test Case": a recorded execution becomes a case whose mocks replay its task results
// (per Map iteration) and whose expectations are how it ended; the case passes when run, and is
// appended to the flow's test file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startRun, TaskError, type HistoryEvent } from '../../../emulator/src/engine';
import { appendCase, caseFromExecution, loadFlow, parseTestFile, runTests } from '../../../flowtest/src';
import { testFileFor, uniqueCaseName, withCaseAppended } from '../../../flowtest/src/fromExecution';
import { MAP_FLOW, TASK_FLOW, realTasks, removeWorkspaces, runIn, workspace } from './helpers';

after(removeWorkspaces);

async function record(dir: string, flowFile: string, input: Record<string, unknown>, answer: (state: string, call: number) => unknown) {
  const loaded = loadFlow(join(dir, flowFile));
  assert.ok(loaded.ok);
  const events: HistoryEvent[] = [];
  const counts = new Map<string, number>();
  const handle = startRun({
    definition: loaded.flow.definition,
    input: input as never,
    flowName: 'f',
    executionName: 'exec-1',
    timeScale: 0.0001,
    tasks: {
      invoke(request) {
        const n = counts.get(request.stateName) ?? 0;
        counts.set(request.stateName, n + 1);
        return answer(request.stateName, n) as never;
      },
    },
    onEvent: (e) => events.push(e),
  });
  const result = await handle.done;
  return { name: 'exec-1', input: input as never, status: result.status, ...(result.output !== undefined ? { output: result.output } : {}), ...(result.error ? { error: result.error } : {}), events };
}

describe('a test case from an execution', () => {
  test('task results become mocks in call order, the end becomes the expectations, and the case passes', async () => {
    const dir = workspace({ 'f.flow.yaml': TASK_FLOW });
    const execution = await record(dir, 'f.flow.yaml', {}, (_s, n) => {
      if (n === 0) throw new TaskError('Busy', 'gateway busy');
      return { id: 'p-9' };
    });
    const c = caseFromExecution(execution, 'from exec-1');
    assert.deepEqual(c['mocks'], { Charge: [{ error: 'Busy', cause: 'gateway busy' }, { output: { id: 'p-9' } }] });
    assert.deepEqual(c['expect'], { status: 'Succeeded', output: { id: 'p-9' } });
    const path = testFileFor(join(dir, 'f.flow.yaml'));
    assert.equal(path, join(dir, 'f.flowtest.yaml'));
    appendCase(path, join(dir, 'f.flow.yaml'), c);
    const text = readFileSync(path, 'utf8');
    assert.match(text, /^flow: f\.flow\.yaml\ncases:\n {2}- name: from exec-1\n/);
    assert.equal(parseTestFile(path, text).cases.length, 1);
    const tasks = realTasks();
    const report = await runTests({ files: [path], tasksFor: () => tasks });
    assert.equal(report.cases[0]!.passed, true, JSON.stringify(report.cases[0]!.failures));
    assert.deepEqual(tasks.calls, [], 'the mocks replay every task');
  });

  test('a Map task gets one answer list per iteration; appending keeps earlier cases and names stay unique', async () => {
    const dir = workspace({ 'm.flow.yaml': MAP_FLOW });
    const execution = await record(dir, 'm.flow.yaml', { items: ['a', 'b'] }, (_s, n) => (n === 0 ? 10 : 20));
    // the two iterations called the task once each, in item order
    const c = caseFromExecution(execution, 'map run');
    assert.deepEqual(c['mocks'], { Price: { iterations: [{ output: 10 }, { output: 20 }] } });
    const path = join(dir, 't.flowtest.yaml');
    appendCase(path, join(dir, 'm.flow.yaml'), c);
    const second = caseFromExecution(execution, uniqueCaseName(readFileSync(path, 'utf8'), 'map run'));
    const { line } = appendCase(path, join(dir, 'm.flow.yaml'), second);
    const text = readFileSync(path, 'utf8');
    assert.equal(text.split('\n')[line], '  - name: map run (2)');
    const report = await runIn(dir);
    assert.deepEqual(report.cases.map((r) => [r.testCase.name, r.passed]), [['map run', true], ['map run (2)', true]]);
  });

  test('an empty cases list is replaced by the new case; a file without cases gets the key', () => {
    const c = { name: 'first', expect: { status: 'Succeeded' } };
    assert.equal(withCaseAppended('flow: f.flow.yaml\ncases: []\n', '/w/t.flowtest.yaml', '/w/f.flow.yaml', c).text, 'flow: f.flow.yaml\ncases:\n  - name: first\n    expect:\n      status: Succeeded\n');
    const added = withCaseAppended('flow: f.flow.yaml', '/w/t.flowtest.yaml', '/w/f.flow.yaml', c);
    assert.equal(added.text, 'flow: f.flow.yaml\ncases:\n  - name: first\n    expect:\n      status: Succeeded\n');
    assert.equal(added.line, 2);
  });
});
