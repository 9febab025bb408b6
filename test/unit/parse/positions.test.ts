import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionIndex, rangeOf } from '../../../server/src/parse/positions';
import { validateFlowJsonText } from '../../../server/src/whatsapp/validateText';

describe('offsets and positions', () => {
  test('a plain text counts lines as the editor does: \\n, \\r\\n and a lone \\r', () => {
    const text = 'a\nbb\r\nccc\rd';
    const index = positionIndex(text);
    const editor = TextDocument.create('file:///x', 'plaintext', 1, text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(index.positionAt(offset), editor.positionAt(offset), `offset ${offset}`);
      assert.equal(index.offsetAt(index.positionAt(offset)), editor.offsetAt(editor.positionAt(offset)));
    }
    assert.deepEqual(index.positionAt(text.length), { line: 3, character: 1 });
    assert.deepEqual(rangeOf(index, { start: 2, end: 4 }), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });

  test('Flow JSON validated without an editor reports its syntax problem first, at its line and column', () => {
    const problems = validateFlowJsonText('{\n  "version": "7.1",\n  "screens": [\n}');
    assert.equal(problems[0]?.code, 'syntax-error');
    assert.equal(problems[0]?.line, 4);
    assert.equal(problems[0]?.column, 1);
  });
});
