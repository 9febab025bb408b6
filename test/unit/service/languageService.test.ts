import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fdlService } from '../../../server/src/fdl/service';
import type { DialectService } from '../../../server/src/service/dialect';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { RequestRefused } from '../../../server/src/service/refusal';

const FLOW = 'Type: StateMachine\nSpecVersion: v1\nName: f\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n';

describe('language service facade', () => {
  test('one analysis per uri and version; a new version or new text is analysed again', () => {
    const ls = createLanguageService();
    const v1 = TextDocument.create('file:///a.flow.yaml', 'yaml', 1, FLOW);
    const first = ls.analyse(v1);
    assert.equal(first.dialect, 'fdl');
    assert.equal(ls.analyse(TextDocument.create('file:///a.flow.yaml', 'yaml', 1, FLOW)), first);
    const v2 = TextDocument.update(v1, [{ text: FLOW.replace('Name: f', 'Name: g') }], 2);
    const second = ls.analyse(v2);
    assert.notEqual(second, first);
    assert.equal(ls.analyse(TextDocument.create('file:///a.flow.yaml', 'yaml', 2, 'version: v1\ntype: flow\nsteps: []\n')).dialect, 'fdl-legacy');
    ls.forget('file:///a.flow.yaml');
    assert.notEqual(ls.analyse(v2), second);
  });

  test('the cache is bounded', () => {
    const ls = createLanguageService({ cacheSize: 2 });
    const docs = [1, 2, 3].map((i) => TextDocument.create(`file:///${i}.flow.yaml`, 'yaml', 1, FLOW));
    const a = ls.analyse(docs[0]!);
    ls.analyse(docs[1]!);
    ls.analyse(docs[2]!);
    assert.notEqual(ls.analyse(docs[0]!), a);
  });

  test('dispatches by dialect; a document that is no flow gets empty answers', () => {
    const ls = createLanguageService();
    const other = TextDocument.create('file:///notes.yaml', 'yaml', 1, 'hello: world\n');
    assert.equal(ls.analyse(other).dialect, null);
    assert.deepEqual(ls.validate(other), []);
    assert.deepEqual(ls.complete(other, { line: 0, character: 0 }), { isIncomplete: false, items: [] });
    assert.equal(ls.hover(other, { line: 0, character: 0 }), null);
  });

  test('JSON flows are parsed as JSON by language id or file name', () => {
    const ls = createLanguageService();
    const json = JSON.stringify({ Type: 'StateMachine', SpecVersion: 'v1', Name: 'f', StartAt: 'B', States: [{ Type: 'Pass', Name: 'A', End: true }] }, null, 2);
    const doc = TextDocument.create('file:///x.flow.json', 'json', 1, json);
    assert.equal(ls.analyse(doc).parsed.format, 'json');
    const unknown = ls.validate(doc).filter((d) => d.code === C.unknownState);
    assert.equal(unknown.length, 1);
    const start = json.indexOf('"B"');
    assert.deepEqual(unknown[0]!.range, { start: doc.positionAt(start), end: doc.positionAt(start + 3) });
  });

  test('syntax errors are reported once, as errors with the syntax code', () => {
    const ls = createLanguageService();
    const doc = TextDocument.create('file:///b.flow.yaml', 'yaml', 1, `${FLOW}  - Type: [Pass\n`);
    const syntax = ls.validate(doc).filter((d) => d.code === C.syntaxError);
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0]!.severity, DiagnosticSeverity.Error);
  });

  test('an exception in a feature becomes an empty answer (validation: an error saying so) and a log line', () => {
    const logged: string[] = [];
    const broken: DialectService = {
      ...fdlService,
      validate: () => { throw new Error('boom'); },
      complete: () => { throw new Error('bang'); },
      rename: () => { throw new TypeError('oops'); },
    };
    const ls = createLanguageService({ logger: (level, message) => logged.push(`${level} ${message}`), services: { fdl: broken } });
    const doc = TextDocument.create('file:///c.flow.yaml', 'yaml', 1, FLOW);
    // Validation must not read as clean when it did not finish.
    assert.deepEqual(ls.validate(doc).map((d) => [d.code, d.severity]), [[C.validationIncomplete, DiagnosticSeverity.Error]]);
    assert.deepEqual(ls.complete(doc, { line: 0, character: 0 }), { isIncomplete: false, items: [] });
    assert.equal(ls.rename(doc, { line: 6, character: 10 }, 'B'), null);
    assert.equal(ls.documentSymbols(doc).length, 1, 'other features keep working');
    assert.equal(logged.length, 3);
    assert.match(logged[0]!, /^error validation failed for file:\/\/\/c\.flow\.yaml \(version 1\): boom/);
  });

  test('a refused request reaches the caller with its message and is not logged as a failure', () => {
    const logged: string[] = [];
    const ls = createLanguageService({ logger: (level, message) => logged.push(`${level} ${message}`) });
    const text = '{"version": "7.3", "screens": [{"id": "FIRST", "title": "A", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}';
    const doc = TextDocument.create('file:///r.wa-flow.json', 'json', 1, text);
    const at = doc.positionAt(text.indexOf('FIRST') + 1);
    assert.throws(() => ls.rename(doc, at, 'not-valid'), (e) => e instanceof RequestRefused && /letters and underscores/.test(e.message));
    assert.deepEqual(logged, []);
  });

  test('Express settings flow through to the checks', () => {
    const ls = createLanguageService();
    const doc = TextDocument.create('file:///d.flow.yaml', 'yaml', 1, FLOW.replace('  - Type: Pass\n    Name: A\n', '  - Type: Wait\n    Name: A\n    Seconds: 30\n'));
    assert.equal(ls.validate(doc).filter((d) => d.code === C.expressLimit).length, 0);
    assert.equal(ls.validate(doc, { executionMode: 'Express' }).filter((d) => d.code === C.expressLimit).length, 1);
  });
});
