import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findByPath, nodeAt, parseText, pathOf, segmentsOfPointer } from '../../../server/src/parse';

const text = 'StartAt: A\nStates:\n  - Name: A\n    Type: Pass\n    Next: B\n  - Name: B\n    Type: Succeed\n';
const parsed = parseText(text, 'yaml');
const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;

describe('finding nodes', () => {
  test('nodeAt on a key, on a value and between them', () => {
    const onKey = nodeAt(parsed.root, at('Next'));
    assert.equal(onKey.property?.key, 'Next');
    assert.equal(onKey.onKey, true);

    const onValue = nodeAt(parsed.root, at('Next: B', 6));
    assert.equal(onValue.property?.key, 'Next');
    assert.equal(onValue.onKey, false);
    assert.equal(onValue.node?.kind, 'scalar');
    assert.deepEqual(pathOf(onValue.node!), ['States', 0, 'Next']);

    const second = nodeAt(parsed.root, at('Type: Succeed', 8));
    assert.deepEqual(pathOf(second.property!), ['States', 1, 'Type']);
    // the chain goes root -> States property -> array -> item -> property -> value
    assert.equal(second.path.length, 6);
  });

  test('offsets outside the document find nothing', () => {
    assert.equal(nodeAt(parsed.root, text.length + 10).node, undefined);
    assert.equal(nodeAt(undefined, 0).node, undefined);
  });

  test('findByPath follows JSON pointers as ajv writes them', () => {
    const found = findByPath(parsed.root, segmentsOfPointer('/States/1/Type'));
    assert.equal(found?.property?.key, 'Type');
    assert.equal(text.slice(found!.node!.range.start, found!.node!.range.end), 'Succeed');
    assert.equal(findByPath(parsed.root, ['States', 7]), undefined);
    assert.deepEqual(segmentsOfPointer('/a~1b/c~0d'), ['a/b', 'c~d']);
  });
});
