// The language server's own document keeps the contract of vscode-languageserver-textdocument's:
// after the same changes (any range, reversed or out of bounds, any line breaks), both give the
// same text, positions, offsets and line count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { EditorDocument } from '../../../server/src/service/editorDocument';

const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261202);

const chars = fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '-');
const textArb = fc.array(chars, { maxLength: 30 }).map((xs) => xs.join(''));
// Changes as an editor sends them: lines that exist, any character (past a line's end is its end).
const position = fc.record({ line: fc.nat(8), character: fc.integer({ min: 0, max: 9 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);

/** The change with its lines kept to the document's (the library's index breaks on others). */
function withinLines(doc: TextDocument, c: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in c) || !c.range) return c;
  const last = doc.lineCount - 1;
  const fit = (p: Position): Position => (p.line > last ? { line: last, character: p.character } : p);
  return { range: { start: fit(c.range.start), end: fit(c.range.end) }, text: c.text };
}

function sameDocument(ours: EditorDocument, theirs: TextDocument): void {
  const text = theirs.getText();
  assert.equal(ours.getText(), text);
  assert.equal(ours.lineCount, theirs.lineCount);
  assert.equal(ours.version, theirs.version);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    for (let character = -1; character <= 8; character++) {
      const p = { line, character };
      assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt(${line}:${character})`);
      const range = { start: { line: Math.max(0, line - 1), character: 1 }, end: p };
      assert.equal(ours.getText(range), theirs.getText(range), `getText(${JSON.stringify(range)})`);
    }
  }
}

test('after any changes, the editor document reads as the library document', () => {
  fc.assert(
    fc.property(textArb, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (start, batches) => {
      let ours = EditorDocument.create('file:///a.yaml', 'yaml', 1, start);
      let theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, start);
      sameDocument(ours, theirs);
      let version = 1;
      for (const batch of batches) {
        version++;
        for (const c of batch) {
          const fitted = withinLines(theirs, c);
          ours = EditorDocument.update(ours, [fitted], version);
          theirs = TextDocument.update(theirs, [fitted], version);
        }
        sameDocument(ours, theirs);
      }
    }),
    { numRuns: 300, seed: SEED },
  );
});

test('a paste of many lines keeps the line index', () => {
  const pasted = 'x\n'.repeat(25_000);
  const ours = EditorDocument.update(EditorDocument.create('file:///a.yaml', 'yaml', 1, 'a\nb\n'), [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: pasted }], 2);
  assert.equal(ours.lineCount, 25_003);
  assert.deepEqual(ours.positionAt(ours.getText().length - 2), { line: 25_001, character: 0 });
});

test('a change at lines past the end is applied at the end of the text', () => {
  const doc = EditorDocument.update(EditorDocument.create('file:///a.yaml', 'yaml', 1, 'a\nb'), [{ range: { start: { line: 9, character: 0 }, end: { line: 7, character: 3 } }, text: '\nc\n' }], 2);
  assert.equal(doc.getText(), 'a\nb\nc\n');
  assert.equal(doc.lineCount, 4);
  assert.deepEqual(doc.positionAt(4), { line: 2, character: 0 });
});
