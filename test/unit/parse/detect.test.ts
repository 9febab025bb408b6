import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText, toJsonValue } from '../../../server/src/parse';
import { detectDialect, formatForFile } from '../../../server/src/detect';

const yaml = (t: string) => parseText(t, 'yaml');
const CURRENT = 'Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates: []\n';
const LEGACY = 'version: v1\ntype: flow\nsteps: []\n';

describe('dialect detection', () => {
  test('by content', () => {
    assert.equal(detectDialect(yaml(CURRENT)), 'fdl');
    assert.equal(detectDialect(yaml(LEGACY)), 'fdl-legacy');
    assert.equal(detectDialect(parseText('{"version": "7.1", "screens": []}', 'json')), 'whatsapp-flow');
    assert.equal(detectDialect(yaml('name: app\nversion: 2\n')), null);
    assert.equal(detectDialect(yaml('')), null);
    assert.equal(detectDialect(yaml('- a\n- b\n')), null);
  });

  test('by file name; legacy content wins inside an FDL-named file', () => {
    assert.equal(detectDialect(yaml('a: 1\n'), { fileName: 'x/order.flow.yaml' }), 'fdl');
    assert.equal(detectDialect(yaml(''), { fileName: 'order.fdl.yml' }), 'fdl');
    assert.equal(detectDialect(yaml(LEGACY), { fileName: 'order.flow.yml' }), 'fdl-legacy');
    assert.equal(detectDialect(parseText('{}', 'json'), { fileName: 'C:\\f\\signup.wa-flow.json' }), 'whatsapp-flow');
    assert.equal(detectDialect(parseText('{}', 'json'), { fileName: 'signup.whatsapp-flow.json' }), 'whatsapp-flow');
    assert.equal(detectDialect(yaml('a: 1\n'), { fileName: 'docker-compose.yaml' }), null);
  });

  test('by language id', () => {
    assert.equal(detectDialect(yaml(''), { languageId: 'fdl' }), 'fdl');
    assert.equal(detectDialect(yaml(LEGACY), { languageId: 'fdl' }), 'fdl-legacy');
    assert.equal(detectDialect(parseText('{}', 'json'), { languageId: 'fdl-json' }), 'fdl');
    assert.equal(detectDialect(parseText('{}', 'json'), { languageId: 'whatsapp-flow' }), 'whatsapp-flow');
  });

  test('a repeated key reads as its last value, as the schema step sees the document', () => {
    const retyped = yaml('Type: Task\nType: StateMachine\nSpecVersion: v1\n');
    assert.equal((toJsonValue(retyped.root) as { Type: string }).Type, 'StateMachine');
    assert.equal(detectDialect(retyped), 'fdl');
    const untyped = parseText('{"type": "flow", "version": "v1", "type": "pipeline"}', 'json');
    assert.equal((toJsonValue(untyped.root) as { type: string }).type, 'pipeline');
    assert.equal(detectDialect(untyped), null);
  });

  test('formatForFile', () => {
    assert.equal(formatForFile('a.flow.json'), 'json');
    assert.equal(formatForFile('A.JSON'), 'json');
    assert.equal(formatForFile('a.flow.yaml'), 'yaml');
    assert.equal(formatForFile('a.yml'), 'yaml');
    assert.equal(formatForFile('Untitled-1'), 'yaml');
  });
});
