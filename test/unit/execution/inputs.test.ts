import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkInput, listSavedInputs, readSavedInput, saveInput } from '../../../client/src/execution/workspace/inputs';
import { lineAndColumn as positionOf } from '../../../cloud/src/fnf';
import { scratchDir } from '../scratchDir';

describe('execution input check', () => {
  test('a JSON object passes and is sent compact', () => {
    const r = checkInput('{\n  "a": 1,\n  "b": [true]\n}');
    assert.deepEqual(r, { ok: true, value: { a: 1, b: [true] }, text: '{"a":1,"b":[true]}' });
  });

  test('empty text means {}', () => {
    assert.deepEqual(checkInput('  \n'), { ok: true, value: {}, text: '{}' });
  });

  test('invalid JSON is refused with the line and column of the first error', () => {
    const r = checkInput('{\n  "customerId": "c-1",\n  "lines": [,]\n}');
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.line, 3);
    assert.equal(r.column, 13);
    assert.match(r.message, /value expected/);
  });

  test('comments and trailing commas are not JSON', () => {
    const comment = checkInput('{ // note\n "a": 1 }');
    assert.ok(!comment.ok && comment.line === 1 && comment.column === 3, JSON.stringify(comment));
    const trailing = checkInput('{ "a": 1, }');
    assert.ok(!trailing.ok && trailing.column === 11, JSON.stringify(trailing));
  });

  test('a value that is not an object is refused where it starts', () => {
    const r = checkInput('\n  [1, 2]');
    assert.ok(!r.ok);
    assert.deepEqual([r.line, r.column], [2, 3]);
    assert.match(r.message, /must be a JSON object/);
  });

  test('positions count lines from 1 and columns from 1', () => {
    assert.deepEqual(positionOf('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(positionOf('ab\ncd', 4), { line: 2, column: 2 });
  });
});

describe('saved inputs', () => {
  test('are listed by name from .flowdeck/inputs/<flow>, read and checked', async (t) => {
    const dir = scratchDir(t, 'fd-inputs-');
    assert.deepEqual(await listSavedInputs(dir, 'orders'), [], 'no folder, no inputs');
    await mkdir(join(dir, 'inputs', 'orders'), { recursive: true });
    await writeFile(join(dir, 'inputs', 'orders', 'b.json'), '{"n": 2}');
    await writeFile(join(dir, 'inputs', 'orders', 'a.json'), '{"n": 1');
    await writeFile(join(dir, 'inputs', 'orders', 'notes.txt'), 'ignored');
    const saved = await listSavedInputs(dir, 'orders');
    assert.deepEqual(saved.map((s) => s.name), ['a', 'b']);
    const bad = await readSavedInput(saved[0]!);
    assert.ok(!bad.ok && bad.line === 1 && bad.column === 8, JSON.stringify(bad));
    assert.deepEqual(await readSavedInput(saved[1]!), { ok: true, value: { n: 2 }, text: '{"n":2}' });
  });

  test('a new input is saved pretty-printed under a checked name', async (t) => {
    const dir = scratchDir(t, 'fd-inputs-');
    const path = await saveInput(dir, 'orders', 'big-order', { lines: [] });
    assert.equal(await readFile(path, 'utf8'), '{\n  "lines": []\n}\n');
    await assert.rejects(saveInput(dir, 'orders', '../escape', {}), /cannot be an input name/);
  });
});
