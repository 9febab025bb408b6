// `flowdeck test`: exit statuses 0/1/2, the JSON line's exact shape, JUnit XML, and the example
// tests at 100% state coverage.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { flowdeck } from '../cli/flowdeck';
import { TASK_FLOW, removeWorkspaces, workspace } from './helpers';

after(removeWorkspaces);

const EXAMPLES = join(import.meta.dirname, '../../../examples');

const cli = (args: string[], cwd: string) => flowdeck(['test', ...args], { cwd });

const GOOD = `flow: f.flow.yaml
cases:
  - name: declined
    mocks: { Charge: { error: Declined } }
    expect: { status: Failed, error: PaymentDeclined }
`;
const FAILING = `flow: f.flow.yaml
cases:
  - name: wrong output
    mocks: { Charge: { output: { id: 1 } } }
    expect: { output: { id: 2 } }
`;

describe('flowdeck test', () => {
  test('the examples pass at 100% state coverage; the JSON line has exactly the documented keys', async () => {
    const { code, out } = await cli(['examples/', '--reporter', 'json'], join(EXAMPLES, '..'));
    assert.equal(code, 0, out);
    assert.equal(out.trimEnd().split('\n').length, 1, 'one line');
    const report = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), ['passed', 'failed', 'cases', 'coverage']);
    assert.equal(report['passed'], 4);
    assert.equal(report['failed'], 0);
    const cases = report['cases'] as Record<string, unknown>[];
    assert.deepEqual(Object.keys(cases[0]!), ['file', 'name', 'status']);
    assert.equal(cases[0]!['file'], 'examples/order-processing.flowtest.yaml');
    const coverage = report['coverage'] as { states: { covered: number; total: number }; branches: { covered: number; total: number } };
    assert.deepEqual(coverage.states, { covered: 10, total: 10 });
    assert.equal(coverage.branches.covered, coverage.branches.total);
  });

  test('exit 1 when a case fails; the text report shows the diff and ends with the counts', async () => {
    const dir = workspace({ 'f.flow.yaml': TASK_FLOW, 'a.flowtest.yaml': GOOD, 'b.flowtest.yaml': FAILING });
    const { code, out } = await cli(['.', '--coverage'], dir);
    assert.equal(code, 1);
    assert.match(out, /PASS a\.flowtest\.yaml > declined/);
    assert.match(out, /FAIL b\.flowtest\.yaml > wrong output/);
    assert.match(out, /- {3}"id": 2\n\s+\+ {3}"id": 1/);
    assert.match(out, /f\.flow\.yaml: states 2\/2 \(100%\), branches 1\/2 \(50%\)\n {4}not reached: Charge Retry \[Busy\] \(line 14\)/);
    assert.match(out, /\n1 passed, 1 failed\n$/);
  });

  test('exit 2 for a broken test file, with its position, even when other files pass', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      'a.flowtest.yaml': GOOD,
      'c.flowtest.yaml': 'flow: f.flow.yaml\ncases:\n  - name: x\n    expect: { status: Done }\n',
    });
    const { code, err, out } = await cli([], dir);
    assert.equal(code, 2);
    assert.match(err, /^c\.flowtest\.yaml:4:23: error: `status` must be one of/m);
    assert.match(out, /PASS a\.flowtest\.yaml > declined/);
  });

  test('exit 2 for a YAML syntax error (reported first) and for a flow that does not exist, each at its place', async () => {
    const dir = workspace({
      'f.flow.yaml': TASK_FLOW,
      's.flowtest.yaml': 'flow: f.flow.yaml\ncases:\n  - name: [unclosed\n    expect: {}\n',
      'm.flowtest.yaml': 'flow: missing.flow.yaml\ncases:\n  - name: x\n    expect: {}\n',
    });
    const { code, err } = await cli([], dir);
    assert.equal(code, 2);
    assert.match(err, /^m\.flowtest\.yaml:1:7: error: the flow missing\.flow\.yaml does not exist/m);
    assert.match(err, /^s\.flowtest\.yaml:4:5: error: YAML syntax error/m);
  });

  test('exit 2 for a usage error or a path that does not exist', async () => {
    assert.equal((await cli(['--reporter', 'tap'], EXAMPLES)).code, 2);
    assert.equal((await cli(['nowhere/'], EXAMPLES)).code, 2);
  });

  test('JUnit XML: one suite per file, a failure element with the message', async () => {
    const dir = workspace({ 'f.flow.yaml': TASK_FLOW, 'a.flowtest.yaml': GOOD, 'b.flowtest.yaml': FAILING });
    const { out } = await cli(['--reporter', 'junit'], dir);
    assert.match(out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="flowdeck test" tests="2" failures="1" errors="0"/);
    assert.match(out, /<testsuite name="a\.flowtest\.yaml" tests="1" failures="0"/);
    assert.match(out, /<testcase classname="b" name="wrong output" time="[\d.]+">\n {6}<failure type="output" message="the output differs from the expected one/);
    assert.match(out, /&quot;id&quot;: 2/);
    assert.ok(out.trimEnd().endsWith('</testsuites>'));
  });
});
