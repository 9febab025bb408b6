// Editor features over Flow JSON: completion, hover, symbols, definition, references, rename,
// quick fixes and folding.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { whatsappService as wa } from '../../../server/src/whatsapp/service';
import { flowDoc } from './helpers';

const FLOW = `{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "data": { "name": { "type": "string", "__example__": "Ana" } },
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextHeading", "text": "Hi \${data.name}" },
          { "type": "TextInput", "name": "email", "label": "Email" },
          { "type": "TextBody", "text": "\${form.email} \${screen.DONE.data.total}" },
          {
            "type": "Footer",
            "label": "Next",
            "on-click-action": { "name": "navigate", "next": { "type": "screen", "name": "DONE" }, "payload": { "total": 3 } }
          }
        ]
      }
    },
    {
      "id": "DONE",
      "title": "Done",
      "terminal": true,
      "data": { "total": { "type": "number", "__example__": 3 } },
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "Footer", "label": "Finish", "on-click-action": { "name": "complete", "payload": {} } }
        ]
      }
    }
  ]
}`;

const doc = flowDoc(FLOW);
const pos = (needle: string, delta = 0, from = 0) => doc.document.positionAt(FLOW.indexOf(needle, from) + delta);

describe('Flow JSON editor features', () => {
  test('the sample is valid', () => {
    assert.deepEqual(wa.validate(doc, {}).filter((d) => d.severity === 1), []);
  });
  test('completion of component types inside "type"', () => {
    const labels = wa.complete(doc, pos('"TextHeading"', 2)).items.map((i) => i.label);
    assert.ok(labels.includes('NavigationList') && labels.includes('ImageCarousel'));
    const old = flowDoc(FLOW.replace('"7.3"', '"6.0"'));
    const oldLabels = wa.complete(old, old.document.positionAt(FLOW.indexOf('"TextHeading"') + 2)).items.map((i) => i.label);
    assert.ok(!oldLabels.includes('ImageCarousel'), 'components newer than the version are not offered');
  });
  test('completion of screen ids in navigate', () => {
    const items = wa.complete(doc, pos('"DONE" }', 2)).items.map((i) => i.label);
    assert.deepEqual(items, ['DONE']);
  });
  test('completion of ${...} references', () => {
    const text = FLOW.replace('"Hi ${data.name}"', '"Hi ${da"');
    const d = flowDoc(text);
    const items = wa.complete(d, d.document.positionAt(text.indexOf('${da') + 4)).items.map((i) => i.label);
    assert.ok(items.includes('data.name') && items.includes('form.email'), items.join());
    const g = FLOW.replace('"Hi ${data.name}"', '"Hi ${screen.DONE.');
    const gd = flowDoc(g);
    const gi = wa.complete(gd, gd.document.positionAt(g.indexOf('${screen.DONE.') + 14)).items.map((i) => i.label);
    assert.deepEqual(gi, ['screen.DONE.data.total']);
  });
  test('completion of property names of a component', () => {
    const text = FLOW.replace('"name": "email", "label": "Email"', '"name": "email", "label": "Email", "in"');
    const d = flowDoc(text);
    const items = wa.complete(d, d.document.positionAt(text.indexOf('"in"') + 2)).items.map((i) => i.label);
    assert.ok(items.includes('input-type') && items.includes('helper-text') && !items.includes('label'), items.join());
  });
  test('hover on a component type, a property and a screen id', () => {
    const h1 = wa.hover(doc, pos('"TextInput"', 3));
    assert.match(JSON.stringify(h1?.contents), /single-line/);
    const h2 = wa.hover(doc, pos('"label": "Email"', 2));
    assert.match(JSON.stringify(h2?.contents), /at most 20/);
    const h3 = wa.hover(doc, pos('"DONE" }', 2));
    assert.match(JSON.stringify(h3?.contents), /Screen DONE.*terminal/);
  });
  test('document symbols list screens and their components', () => {
    const symbols = wa.documentSymbols(doc);
    assert.deepEqual(symbols.map((s) => s.name), ['WELCOME', 'DONE']);
    assert.deepEqual(symbols[0]?.children?.map((c) => c.name), ['TextHeading', 'TextInput email', 'TextBody', 'Footer']);
  });
  test('go to definition from a navigate target and a global reference', () => {
    const decl = doc.document.positionAt(FLOW.indexOf('"id": "DONE"') + 7);
    const d1 = wa.definition(doc, pos('"DONE" }', 2));
    assert.deepEqual(d1 && 'range' in d1 ? d1.range.start : undefined, decl);
    const d2 = wa.definition(doc, pos('screen.DONE', 8));
    assert.deepEqual(d2 && 'range' in d2 ? d2.range.start : undefined, decl);
  });
  test('references and rename of a screen id', () => {
    assert.equal(wa.references(doc, pos('"id": "DONE"', 8), true).length, 3);
    const prep = wa.prepareRename(doc, pos('"id": "DONE"', 8));
    assert.equal(prep?.placeholder, 'DONE');
    const edit = wa.rename(doc, pos('"id": "DONE"', 8), 'FINISHED');
    const edits = edit?.changes?.[doc.document.uri] ?? [];
    assert.equal(edits.length, 3);
    const renamed = applyEdits(FLOW, edits.map((e) => ({ start: doc.document.offsetAt(e.range.start), end: doc.document.offsetAt(e.range.end), text: e.newText })));
    assert.ok(!renamed.includes('DONE'));
    assert.deepEqual(wa.validate(flowDoc(renamed), {}).filter((d) => d.severity === 1), []);
  });
  test('quick fix applies the suggestion', () => {
    const text = FLOW.replace('"name": "DONE" }', '"name": "DOEN" }');
    const d = flowDoc(text);
    const diags = wa.validate(d, {});
    const fixes = wa.codeActions(d, diags[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diags);
    assert.equal(fixes[0]?.title, "Change to 'DONE'");
  });
  test('folding ranges cover multi-line objects', () => {
    assert.ok(wa.foldingRanges(doc).length >= 5);
  });
});

function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('version quick fix', () => {
  test('a component newer than the version offers to raise "version"', () => {
    const text = FLOW.replace('"7.3"', '"6.0"').replace('{ "type": "TextHeading", "text": "Hi ${data.name}" }', '{ "type": "ChipsSelector", "name": "c", "label": "C", "data-source": [{ "id": "a", "title": "A" }, { "id": "b", "title": "B" }] }');
    const d = flowDoc(text);
    const diags = wa.validate(d, {}).filter((x) => x.code === 'wa-needs-newer-version');
    assert.equal(diags.length, 1);
    const fix = wa.codeActions(d, diags[0]!.range, diags).find((a) => a.title === 'Raise "version" to "6.3"');
    const edit = fix?.edit?.changes?.[d.document.uri]?.[0];
    assert.ok(edit);
    assert.equal(d.document.getText(edit.range), '"6.0"');
    assert.equal(edit.newText, '"6.3"');
  });
});
