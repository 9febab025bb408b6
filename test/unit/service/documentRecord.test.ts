import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DerivedResults, derivedKey } from '../../../server/src/service/derived';
import { toJsonValue } from '../../../server/src/parse';

const FLOW = 'Type: StateMachine\nSpecVersion: v1\nName: f\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    Name: B\n    End: true\n';

describe('the record of one document version', () => {
  test('carries the repeated keys the parser found; the value made from its tree is js-yaml\'s', () => {
    const ls = createLanguageService();
    const doc = TextDocument.create('file:///a.flow.yaml', 'yaml', 1, FLOW);
    const analysed = ls.analyse(doc);
    assert.deepEqual(toJsonValue(analysed.parsed.root), load(FLOW.replace('    Name: A\n', '')));
    assert.deepEqual(analysed.parsed.repeatedKeys?.map((p) => p.key), ['Name']);
    const diagnostics = ls.validate(doc);
    assert.equal(ls.analyse(doc), analysed);
    // The schema diagnostics stay on the record: the same answer the second time.
    assert.deepEqual(ls.validate(doc), diagnostics);
    assert.ok(diagnostics.some((d) => d.code === 'duplicate-key'));
  });

  test('the outline is derived once per version and again for the next', () => {
    const ls = createLanguageService();
    const v1 = TextDocument.create('file:///b.flow.yaml', 'yaml', 1, FLOW);
    const symbols = ls.documentSymbols(v1);
    assert.equal(ls.documentSymbols(v1), symbols);
    const v2 = TextDocument.update(v1, [{ text: FLOW.replace('Name: f', 'Name: g') }], 2);
    assert.notEqual(ls.documentSymbols(v2), symbols);
    assert.deepEqual(ls.documentSymbols(v2), symbols);
  });

  test('derived results are computed once per key', () => {
    const derived = new DerivedResults();
    const count = derivedKey<number>('count');
    const other = derivedKey<number>('other');
    let runs = 0;
    assert.equal(derived.get(count, () => ++runs), 1);
    assert.equal(derived.get(count, () => ++runs), 1);
    assert.equal(derived.get(other, () => ++runs), 2);
    assert.equal(derived.get(derivedKey<undefined>('nothing'), () => (runs++, undefined)), undefined);
    assert.equal(runs, 3);
  });
});
