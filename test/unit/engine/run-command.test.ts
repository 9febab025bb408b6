// `flowdeck run`: events as they happen (the editor tail's lines), the status and output or error,
// exit status, invalid flows and inputs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { flowdeck } from '../cli/flowdeck';
import { FIXTURES } from './helpers';

const cli = (args: string[]) => flowdeck(['run', ...args], { cwd: FIXTURES });

describe('flowdeck run', () => {
  test('prints each event as the editor tail does, then the status, output and duration; exit 0', async () => {
    const { code, out, err } = await cli(['flows/greet.yaml', '--input', '{"name":"Ann"}', '--time-scale', '0.001']);
    assert.equal(err, '');
    assert.equal(code, 0);
    const lines = out.split('\n');
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d\.\d{3} {2}ExecutionStarted {5}input \{"name":"Ann"\}$/);
    assert.match(lines[2]!, /^\d\d:\d\d:\d\d\.\d{3} {2}StepStarted {10}Greet {2}input \{"greeting":"hello Ann"\}$/);
    assert.match(lines[9]!, /^\d\d:\d\d:\d\d\.\d{3} {2}ExecutionSucceeded {3}output \{"greeting":"hello Ann"\}$/);
    assert.match(out, /\nStatus: Succeeded\nOutput:\n\{\n {2}"greeting": "hello Ann"\n\}\nDuration: \d+ ms\n$/);
  });

  test('a failed execution prints the error and exits 1', async () => {
    const { code, err, out } = await cli(['flows/fails.json']);
    assert.equal(code, 1);
    assert.equal(err, '');
    assert.match(out, /\n\d\d:\d\d:\d\d\.\d{3} {2}ExecutionFailed {6}NotReady: status is not ready\n/);
    assert.match(out, /\nStatus: Failed\nError: NotReady\nCause: status is not ready\nDuration: \d+ ms\n$/);
  });

  test('an invalid flow is rejected with the language service errors, nothing runs', async () => {
    const { code, err, out } = await cli(['flows/unknown-next.yaml']);
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.match(err, /flows\/unknown-next\.yaml:8:11 error unknown-state .*Nowhere/);
    assert.match(err, /has \d+ error\(s\); fix them before running/);
  });

  test('an empty flow file is refused before anything runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-run-'));
    try {
      writeFileSync(join(dir, 'new.flow.yaml'), '\n# to do\n');
      const { code, err, out } = await flowdeck(['run', 'new.flow.yaml'], { cwd: dir });
      assert.equal(code, 1);
      assert.equal(out, '');
      assert.equal(err, 'flowdeck run: new.flow.yaml is empty: write a flow in it first (Type: StateMachine, SpecVersion: v1, StartAt and States)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('runs under the limits .flowdeck/flows.json saves the flow with; --mode chooses others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-run-'));
    try {
      // The Wait's length comes from the input: only the run can see it is beyond Express's 20 seconds.
      writeFileSync(join(dir, 'nap.flow.yaml'), 'Type: StateMachine\nSpecVersion: v1\nName: nap\nStartAt: Nap\nStates:\n  - Type: Wait\n    Name: Nap\n    Seconds.$: $Input.seconds\n    End: true\n');
      mkdirSync(join(dir, '.flowdeck'));
      writeFileSync(join(dir, '.flowdeck', 'flows.json'), JSON.stringify({ flows: { 'nap.flow.yaml': { name: 'nap', executionMode: 'Express' } } }));
      const args = ['run', 'nap.flow.yaml', '--input', '{"seconds":30}', '--time-scale', '0.0001'];
      const express = await flowdeck(args, { cwd: dir });
      assert.equal(express.code, 1);
      assert.equal(express.err, 'mode: Express, as .flowdeck/flows.json saves this flow (--mode to choose)\n');
      assert.match(express.out, /Seconds must be a number from 1 to 20 in Express mode, got 30/);
      const standard = await flowdeck([...args, '--mode', 'Standard'], { cwd: dir });
      assert.equal(standard.err, '');
      assert.equal(standard.code, 0);
      // A written Wait beyond the limits is an error before anything runs, and the sentence says which limits.
      writeFileSync(join(dir, 'fixed.flow.yaml'), 'Type: StateMachine\nSpecVersion: v1\nName: fixed\nStartAt: Nap\nStates:\n  - Type: Wait\n    Name: Nap\n    Seconds: 30\n    End: true\n');
      writeFileSync(join(dir, '.flowdeck', 'flows.json'), JSON.stringify({ flows: { 'fixed.flow.yaml': { name: 'fixed', executionMode: 'Express' } } }));
      const fixed = await flowdeck(['run', 'fixed.flow.yaml'], { cwd: dir });
      assert.equal(fixed.code, 1);
      assert.match(fixed.err, /fixed\.flow\.yaml:8:14 error express-limit .*\nflowdeck run: fixed\.flow\.yaml has 1 error\(s\) under Express limits, as the nearest \.flowdeck\/flows\.json saves the flow; fix them before running\n$/);
      // An unreadable settings file stops the run and names the fix, unless a mode is given.
      writeFileSync(join(dir, '.flowdeck', 'flows.json'), '{"flows": ');
      const broken = await flowdeck(args, { cwd: dir });
      assert.equal(broken.code, 1);
      assert.match(broken.err, /cannot tell whether nap\.flow\.yaml runs as a Standard or an Express flow .*flows\.json is not valid JSON .*fix or delete it/);
      assert.equal((await flowdeck([...args, '--mode', 'Standard'], { cwd: dir })).code, 0, 'a mode given needs no settings');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('malformed input JSON names the line and column', async () => {
    const { code, err } = await cli(['flows/greet.yaml', '--input', '{\n  "name": Ann\n}']);
    assert.equal(code, 1);
    assert.match(err, /--input: not valid JSON at line 2, column 11/);
  });

  test('input from @file; an input that is not an object is refused', async () => {
    const bad = await cli(['flows/greet.yaml', '--input', '[1]']);
    assert.match(bad.err, /the input must be a JSON object/);
    const missing = await cli(['flows/greet.yaml', '--input', `@${join('flows', 'nope.json')}`]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read the input file flows\/nope\.json/);
  });

  test('usage errors exit 2', async () => {
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['a.yaml', '--time-scale', '0'])).code, 2);
    assert.equal((await cli(['a.yaml', '--bogus'])).code, 2);
  });
});

describe('flowdeck run: the distributed Map example', () => {
  test('examples/price-lines-csv reads the CSV from the workspace objects and tolerates its one bad line', async () => {
    const examples = join(import.meta.dirname, '../../../examples');
    const { code, out, err } = await flowdeck(['run', 'price-lines-csv.flow.yaml'], { cwd: examples });
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /IterationEntered {5}PriceEveryLine {2}\{"mapRunName":"[^"]+","items":5,"mode":"Express"\}/);
    const printed = out.slice(out.indexOf('Status: Succeeded\nOutput:\n') + 'Status: Succeeded\nOutput:\n'.length, out.lastIndexOf('Duration:'));
    const output = JSON.parse(printed) as { Items: ({ order: string; amount: number } | null)[] };
    assert.deepEqual(output.Items.map((i) => i && [i.order, i.amount]), [['1001', 25], ['1001', 32], ['1002', 39.9], null, ['1004', 125]]);
  });
});
