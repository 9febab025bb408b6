// Every position-based feature, at many positions of every corpus flow and of truncated copies,
// answers without an internal error and with ranges inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { CORPORA } from '../corpus';

for (const { name, dir: CORPUS } of CORPORA)
  test(`features at sampled positions of every ${name} corpus flow (whole and truncated) never fail`, () => {
    const errors: string[] = [];
    const ls = createLanguageService({
      logger: (level, message) => {
        if (level === 'error') errors.push(message);
      },
    });
    let checked = 0;
    for (const folder of ['fdl-statemachine', 'fdl-legacy']) {
      for (const file of readdirSync(join(CORPUS, folder))) {
        const full = readFileSync(join(CORPUS, folder, file), 'utf8');
        for (const text of [full, full.slice(0, Math.floor(full.length * 0.6))]) {
          const doc = TextDocument.create(`file:///${folder}/${file}`, 'yaml', checked, text);
          const lines = doc.lineCount;
          const inside = (r: Range): boolean =>
            doc.offsetAt(r.start) <= doc.offsetAt(r.end) && r.end.line < lines && r.start.line >= 0;
          for (const d of ls.validate(doc, { executionMode: 'Express' }))
            assert.ok(inside(d.range), `${file}: ${d.message}`);
          for (let offset = 0; offset <= text.length; offset += 13) {
            const pos = doc.positionAt(offset);
            for (const item of ls.complete(doc, pos).items) {
              const edit = item.textEdit;
              if (edit && 'range' in edit) assert.ok(inside(edit.range), `${file}@${offset}: ${item.label}`);
            }
            const hover = ls.hover(doc, pos);
            if (hover?.range) assert.ok(inside(hover.range));
            ls.definition(doc, pos);
            const prepared = ls.prepareRename(doc, pos);
            if (prepared)
              assert.ok(
                Object.values(ls.rename(doc, pos, 'Renamed')?.changes ?? {})
                  .flat()
                  .every((e) => inside(e.range)),
              );
            checked++;
          }
          ls.documentSymbols(doc);
          ls.foldingRanges(doc);
        }
      }
    }
    assert.ok(checked > 5000, `only ${checked} positions`);
    assert.deepEqual(errors, []);
  });
