// Completing a state name after `Next:`: the items are kept between edits that change no name
// and no state type, and a client that reads `itemDefaults.editRange` gets the same edits once
// for the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';

const FLOW = [
  'Type: StateMachine', 'SpecVersion: v1', 'Name: f', 'StartAt: A', 'States:',
  '  - Type: Pass', '    Name: A', '    Next: B',
  '  - Type: Pass', '    Name: B', '    Next: C',
  '  - Type: Wait', '    Name: C', '    Seconds: 3', '    End: true', '',
].join('\n');
const uri = 'file:///names.flow.yaml';
/** After `Next: ` of state A (line 7). */
const AT: Position = { line: 7, character: 10 };

/** The list as a client without item defaults reads it: each item with its own edit. */
function expanded(list: CompletionList): CompletionItem[] {
  const range = list.itemDefaults?.editRange as Range | undefined;
  return list.items.map((i) => (i.textEdit || !range ? i : { ...i, textEdit: { range, newText: i.insertText ?? i.label } }));
}

function edit(service: ReturnType<typeof createLanguageService>, doc: TextDocument, line: number, from: number, to: number, text: string): TextDocument {
  return service.update(doc, [{ range: { start: { line, character: from }, end: { line, character: to } }, text }], doc.version + 1);
}

test('with item defaults, the edits are the ones each item would carry', () => {
  const service = createLanguageService();
  const doc = TextDocument.create(uri, 'yaml', 1, FLOW);
  const plain = service.complete(doc, AT);
  const withDefaults = service.complete(doc, AT, { editRangeDefault: true });
  assert.deepEqual(plain.items.map((i) => i.label), ['A', 'B', 'C']);
  assert.ok(withDefaults.itemDefaults?.editRange);
  assert.ok(withDefaults.items.every((i) => i.textEdit === undefined));
  assert.deepEqual(expanded(withDefaults), plain.items);
  // Right after `Next:` the value needs its space: each item keeps its own edit.
  const tight = TextDocument.create('file:///tight.flow.yaml', 'yaml', 1, FLOW.replace('    Next: B', '    Next:'));
  const noSpace = service.complete(tight, { line: 7, character: 9 }, { editRangeDefault: true });
  assert.equal(noSpace.itemDefaults, undefined);
  assert.ok(noSpace.items.every((i) => (i.textEdit as { newText: string }).newText.startsWith(' ')));
});

test('the name items are kept while the names and types stay, and rebuilt when they change', () => {
  const service = createLanguageService();
  let doc = TextDocument.create(uri, 'yaml', 1, FLOW);
  service.validate(doc);
  const first = service.complete(doc, AT, { editRangeDefault: true }).items;
  doc = edit(service, doc, 13, 13, 14, '5'); // Seconds: 3 -> 5
  const same = service.complete(doc, AT, { editRangeDefault: true }).items;
  assert.equal(same, first);
  doc = edit(service, doc, 11, 10, 14, 'Pass'); // C becomes a Pass state under the same name
  const retyped = service.complete(doc, AT, { editRangeDefault: true }).items;
  assert.notEqual(retyped, first);
  assert.equal(retyped.find((i) => i.label === 'C')?.detail, 'Pass state');
  doc = edit(service, doc, 9, 10, 11, 'Bee'); // B renamed
  const renamed = service.complete(doc, AT, { editRangeDefault: true }).items;
  // The editor sorts them by label: after an edit they need not come in the document's order.
  const byLabel = (items: readonly { label: string }[]) => [...items].sort((a, b) => (a.label < b.label ? -1 : 1));
  assert.deepEqual(byLabel(renamed).map((i) => i.label), ['A', 'Bee', 'C']);
  const fresh = createLanguageService().complete(TextDocument.create(uri, 'yaml', 1, doc.getText()), AT, { editRangeDefault: true });
  assert.deepEqual(byLabel(renamed), byLabel(fresh.items));
});

test('after states are added, deleted, renamed and retyped, the kept items equal a fresh list', () => {
  const service = createLanguageService();
  let doc = TextDocument.create(uri, 'yaml', 1, FLOW);
  service.validate(doc);
  const byLabel = (items: readonly CompletionItem[]) => [...items].sort((a, b) => (a.label < b.label ? -1 : 1));
  const check = (what: string): void => {
    const kept = service.complete(doc, AT, { editRangeDefault: true }).items;
    const fresh = createLanguageService().complete(TextDocument.create(uri, 'yaml', 1, doc.getText()), AT, { editRangeDefault: true }).items;
    assert.deepEqual(byLabel(kept), byLabel(fresh), what);
  };
  check('first');
  doc = edit(service, doc, 11, 0, 0, '  - Type: Pass\n    Name: D\n    Next: C\n'); // D added before C
  check('added');
  doc = edit(service, doc, 11, 0, 0, '  - Type: Wait\n    Name: A\n    Seconds: 1\n    Next: C\n'); // a second A
  check('a repeated name');
  doc = edit(service, doc, 5, 0, 8, ''); // the first A deleted: the second is now the first of its name
  check('the first of a repeated name deleted');
  for (let i = 0; i < 40; i++) {
    doc = edit(service, doc, 5, 0, 0, `  - Type: Succeed\n    Name: E${i}\n`);
    check(`E${i} added`);
  }
  doc = edit(service, doc, 5, 10, 17, 'Fail'); // the last E retyped
  check('retyped');
  // More changes than the kept log of names reaches back over: the items are built again.
  for (let i = 0; i < 40; i++) doc = edit(service, doc, 5, 0, 0, `  - Type: Pass\n    Name: F${i}\n    Next: A\n`);
  check('built again');
});
