import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNIFF_LIMIT, sniffFlowLanguage } from '../../../client/src/language/sniff';
import { CORPORA } from '../corpus';

/** The files of one folder in every corpus present. */
const corpusFiles = (dir: string): string[] =>
  CORPORA.flatMap((corpus) => readdirSync(join(corpus.dir, dir)).map((f) => join(corpus.dir, dir, f)));

describe('sniffFlowLanguage on YAML', () => {
  test('FDL with Type: StateMachine and SpecVersion becomes fdl', () => {
    assert.equal(sniffFlowLanguage('Type: StateMachine\nName: x\nSpecVersion: v1\nStartAt: A\n', 'yaml'), 'fdl');
  });
  test('quoted values, trailing comments and CRLF line ends are understood', () => {
    assert.equal(sniffFlowLanguage('"Type": "StateMachine"  # root\r\nSpecVersion: \'v1\'\r\n', 'yaml'), 'fdl');
  });
  test('legacy FDL with type: flow and version becomes fdl', () => {
    assert.equal(
      sniffFlowLanguage('version: v1beta1\ntype: flow\nsteps:\n  - type: pass\n    name: a\n', 'yaml'),
      'fdl',
    );
  });
  test('markers that are not at the root do not count', () => {
    assert.equal(sniffFlowLanguage('spec:\n  Type: StateMachine\n  SpecVersion: v1\n', 'yaml'), undefined);
    assert.equal(sniffFlowLanguage('steps:\n  - type: flow\n    version: v1\n', 'yaml'), undefined);
  });
  test('one marker alone is not enough', () => {
    assert.equal(sniffFlowLanguage('Type: StateMachine\nName: x\n', 'yaml'), undefined);
    assert.equal(sniffFlowLanguage('type: flow\nname: x\n', 'yaml'), undefined);
    assert.equal(sniffFlowLanguage('Type: StateMachineX\nSpecVersion: v1\n', 'yaml'), undefined);
  });
  test('an ordinary YAML file stays YAML', () => {
    assert.equal(sniffFlowLanguage('name: build\non: [push]\njobs: {}\n', 'yaml'), undefined);
  });
  test('markers beyond the sniff limit are not read', () => {
    const padding = `# ${'x'.repeat(SNIFF_LIMIT)}\n`;
    assert.equal(sniffFlowLanguage(`${padding}Type: StateMachine\nSpecVersion: v1\n`, 'yaml'), undefined);
  });
  test('every published FDL flow in the corpus is recognised', () => {
    const files = [...corpusFiles('fdl-statemachine'), ...corpusFiles('fdl-legacy')];
    const missed = files.filter((f) => sniffFlowLanguage(readFileSync(f, 'utf8'), 'yaml') !== 'fdl');
    // a few corpus entries are deliberately mangled or wrapped in templates (see their SOURCES.md)
    assert.ok(missed.length <= files.length / 5, `not recognised: ${missed.join(', ')}`);
  });
});

describe('sniffFlowLanguage on JSON', () => {
  test('FDL in JSON becomes fdl-json', () => {
    assert.equal(sniffFlowLanguage('{"Type": "StateMachine", "SpecVersion": "v1", "States": []}', 'json'), 'fdl-json');
    assert.equal(sniffFlowLanguage('{"version": "v1", "type": "flow", "steps": []}', 'json'), 'fdl-json');
  });
  test('WhatsApp Flow JSON becomes whatsapp-flow', () => {
    assert.equal(
      sniffFlowLanguage('{"version": "6.0", "screens": [{"id": "A", "layout": {}}]}', 'json'),
      'whatsapp-flow',
    );
  });
  test('nested markers do not count', () => {
    assert.equal(sniffFlowLanguage('{"flow": {"Type": "StateMachine", "SpecVersion": "v1"}}', 'json'), undefined);
    assert.equal(sniffFlowLanguage('{"data": {"screens": [], "version": "1"}}', 'json'), undefined);
  });
  test('a truncated document is still sniffed from what is there', () => {
    assert.equal(
      sniffFlowLanguage('{"version": "7.0", "screens": [{"id": "A", "layout": {"type": "Sing', 'json'),
      'whatsapp-flow',
    );
  });
  test('every WhatsApp flow in the corpus is recognised', () => {
    for (const f of corpusFiles('whatsapp'))
      assert.equal(sniffFlowLanguage(readFileSync(f, 'utf8'), 'json'), 'whatsapp-flow', f);
  });
  test('package.json stays JSON', () => {
    assert.equal(sniffFlowLanguage('{"name": "x", "version": "1.0.0", "type": "module"}', 'json'), undefined);
  });
  test('other languages are left alone', () => {
    assert.equal(sniffFlowLanguage('Type: StateMachine\nSpecVersion: v1\n', 'plaintext'), undefined);
  });
});
