// flowdeck/documentErrors: the errors of a text as the published diagnostics have them, whether
// the server has the document open with that text or not.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { documentErrors } from '../../../server/src/lsp/documentErrors';
import { createLanguageService } from '../../../server/src/service/languageService';

const root = join(import.meta.dirname, '..', '..', '..');
const good = readFileSync(join(root, 'examples', 'whatsapp', 'book-a-table.wa-flow.json'), 'utf8');
const uri = 'file:///w/book-a-table.wa-flow.json';
// a navigate action to a screen that does not exist
const broken = good.replace(/"next":\s*\{\s*"type":\s*"screen",\s*"name":\s*"[A-Z_]+"/, '"next": { "type": "screen", "name": "NOWHERE"');

describe('flowdeck/documentErrors', () => {
  test('a valid Flow JSON has no errors', () => {
    const service = createLanguageService();
    assert.deepEqual(documentErrors(service, undefined, {}, { textDocument: { uri, languageId: 'whatsapp-flow' }, text: good }), []);
  });

  test('the errors of a text not open on the server equal the diagnostics of the same text open', () => {
    assert.notEqual(broken, good, 'the fixture was broken');
    const service = createLanguageService();
    const errors = documentErrors(service, undefined, {}, { textDocument: { uri, languageId: 'whatsapp-flow' }, text: broken });
    assert.ok(errors.length > 0, 'the broken flow has errors');
    const open = TextDocument.create(uri, 'whatsapp-flow', 3, broken);
    const published = createLanguageService().validate(open, {}).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((e) => [e.line, e.character, e.message, e.code]), published.map((d) => [d.range.start.line, d.range.start.character, d.message, d.code]));
  });

  test('the open document answers when it holds the text; another text leaves its analysis alone', () => {
    const service = createLanguageService();
    const open = TextDocument.create(uri, 'whatsapp-flow', 7, broken);
    const before = service.analyse(open);
    const sameText = documentErrors(service, open, {}, { textDocument: { uri, languageId: 'whatsapp-flow' }, text: broken });
    assert.ok(sameText.length > 0);
    assert.equal(service.analyse(open), before, 'the open document was answered from its cached analysis');
    assert.deepEqual(documentErrors(service, open, {}, { textDocument: { uri, languageId: 'whatsapp-flow' }, text: good }), []);
    assert.equal(service.analyse(open), before, 'checking another text did not replace the open document\'s analysis');
  });
});
