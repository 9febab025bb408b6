// The language service on flow test files: detected by name or language id, checked against the
// schema with exact ranges and codes, completed and hovered from the schema's descriptions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { flowtestSchema } from '../../../server/src/schema/flowtest';
import { createLanguageService } from '../../../server/src/service/languageService';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const service = createLanguageService();
let version = 0;
const doc = (text: string, name = 'case.flowtest.yaml', languageId = 'yaml'): TextDocument =>
  TextDocument.create(`file:///w/${name}`, languageId, ++version, text);

const BROKEN = [
  'flow: x.flow.yaml',
  'cases:',
  '  - name: a',
  '    expect:',
  '      status: Done',
  '    mocks:',
  '      T: { outptu: 1 }',
  '  - name: a',
  '    expect: {}',
  '    ',
  '',
].join('\n');

describe('flow test files in the language service', () => {
  test('are recognised by file name and by language id', () => {
    assert.equal(service.analyse(doc('flow: a\ncases: []\n')).dialect, 'flowtest');
    assert.equal(service.analyse(doc('flow: a\n', 'tests.yaml', 'flowtest')).dialect, 'flowtest');
    assert.equal(service.analyse(doc('flow: a\n', 'tests.yaml', 'yaml')).dialect, null);
  });

  test('the example test file is clean', () => {
    const text = readFileSync(join(EXAMPLES, 'order-processing.flowtest.yaml'), 'utf8');
    assert.deepEqual(service.validate(doc(text, 'order-processing.flowtest.yaml')), []);
  });

  test('a wrong status, a misspelled mock key and a repeated case name are reported where they are', () => {
    const found = service.validate(doc(BROKEN)).map((d) => [d.range.start.line, d.range.start.character, d.code]);
    // in document order, as every dialect's diagnostics come
    assert.deepEqual(found, [
      [4, 14, 'invalid-value'],
      [6, 6, 'missing-property'],
      [6, 11, 'misspelled-property'],
      [7, 10, 'duplicate-case-name'],
    ]);
  });

  test('a missing flow and cases are named', () => {
    const messages = service.validate(doc('clock: virtual\n')).map((d) => d.message);
    assert.ok(messages.some((m) => m.includes('`flow`')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('`cases`')), messages.join('\n'));
  });

  test('completion offers a case\'s keys on a blank line and the statuses after status:', () => {
    const d = doc(BROKEN);
    const keys = service.complete(d, { line: 9, character: 4 }).items.map((i) => i.label);
    assert.deepEqual(keys, ['input', 'mocks', 'strict', 'clock']);
    const statuses = service.complete(d, { line: 4, character: 14 }).items.map((i) => i.label);
    assert.deepEqual(statuses, ['Succeeded', 'Failed', 'TimedOut', 'Stopped']);
  });

  test('hover explains keys, and names a mocked state as such', () => {
    const d = doc(BROKEN);
    const onExpect = service.hover(d, { line: 3, character: 6 });
    assert.match(JSON.stringify(onExpect?.contents), /What the run must end with/);
    const onState = service.hover(d, { line: 6, character: 6 });
    assert.match(JSON.stringify(onState?.contents), /Mock of the Task state `T`/);
  });

  test('the outline lists the cases', () => {
    const text = readFileSync(join(EXAMPLES, 'order-processing.flowtest.yaml'), 'utf8');
    const names = service.documentSymbols(doc(text)).map((s) => s.name);
    assert.equal(names.length, 4);
    assert.equal(names[1], 'a busy gateway is retried, then the charge goes through');
  });

  test('schemas/flowtest/ matches its source (regenerate: node --import tsx schemas/flowtest/generate.mjs)', () => {
    const stored: unknown = JSON.parse(readFileSync(join(EXAMPLES, '../schemas/flowtest/flowtest.schema.json'), 'utf8'));
    assert.deepEqual(stored, JSON.parse(JSON.stringify(flowtestSchema)));
  });
});
