// The editor's ranged changes: merged into one span per analysed version, they must lead the
// re-read to the same tree and diagnostics as comparing the texts, and the spans themselves must
// cover every change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fdlService } from '../../../server/src/fdl/service';
import { validateFdl } from '../../../server/src/fdl/validate';
import { mergeTextChanges, type TextChange } from '../../../server/src/parse/incremental';
import { generateFdl } from '../../../bench/lib/generate';

/** `text` with `change` applied, the new characters taken from `after`. */
const applySpan = (text: string, change: TextChange, after: string): string =>
  text.slice(0, change.start) + after.slice(change.start, change.newEnd) + text.slice(change.oldEnd);

const editArb = fc.record({ at: fc.nat(), length: fc.nat(6), text: fc.string({ maxLength: 5 }) });

test('a merged span covers both changes, in offsets of the text before them', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 40 }), editArb, editArb, (text, a, b) => {
      const change = (t: string, e: { at: number; length: number; text: string }): { next: string; span: TextChange } => {
        const start = e.at % (t.length + 1);
        const end = Math.min(t.length, start + e.length);
        return { next: t.slice(0, start) + e.text + t.slice(end), span: { start, oldEnd: end, newEnd: start + e.text.length } };
      };
      const first = change(text, a);
      const second = change(first.next, b);
      const merged = mergeTextChanges(first.span, second.span);
      assert.equal(applySpan(text, merged, second.next), second.next);
      assert.ok(merged.start <= merged.oldEnd && merged.start <= merged.newEnd);
    }),
    { numRuns: 500, seed: 20261203 },
  );
});

/** Where `from` and `to` differ, as the range of `from` an editor would send. */
function rangeOfChange(doc: TextDocument, from: string, to: string): { range: Range; text: string } {
  let p = 0;
  while (p < from.length && p < to.length && from[p] === to[p]) p++;
  let s = 0;
  while (s < from.length - p && s < to.length - p && from[from.length - 1 - s] === to[to.length - 1 - s]) s++;
  return { range: { start: doc.positionAt(p), end: doc.positionAt(from.length - s) }, text: to.slice(p, to.length - s) };
}

test('ranged changes, one or several per version, analysed or not in between, validate as a whole parse does', () => {
  const base = generateFdl(40).replace('Next: S3\n', 'Next: S33\n');
  const lines = base.split('\n');
  const editing = createLanguageService();
  const reference = createLanguageService({ services: { fdl: { ...fdlService, validate: validateFdl } } });
  const uri = 'file:///changes/flow.flow.yaml';
  let doc = TextDocument.create(uri, 'yaml', 1, base);
  editing.validate(doc);
  let checked = 0;
  fc.assert(
    fc.property(
      fc.array(fc.record({ line: fc.nat(lines.length - 1), kind: fc.constantFrom('retype', 'rename', 'add', 'delete'), split: fc.boolean(), skip: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      (edits) => {
        for (const e of edits) {
          const text = doc.getText();
          const all = text.split('\n');
          const i = e.line % all.length;
          const line = all[i]!;
          let next: string[];
          if (e.kind === 'retype') next = [...all.slice(0, i), line.replace(/Type: \w+/, 'Type: Pass'), ...all.slice(i + 1)];
          else if (e.kind === 'rename') next = [...all.slice(0, i), line.replace(/S(\d+)/, 'S$1x'), ...all.slice(i + 1)];
          else if (e.kind === 'add') next = [...all.slice(0, i), '  - Type: Pass', `    Name: Added${i}`, '    End: true', ...all.slice(i)];
          else next = [...all.slice(0, i), ...all.slice(i + 3)];
          const to = next.join('\n');
          const whole = rangeOfChange(doc, text, to);
          if (e.split && whole.text.length > 1) {
            // Two changes in one version: the second's range is in the text after the first.
            const half = whole.text.length >> 1;
            const first = { range: whole.range, text: whole.text.slice(0, half) };
            const afterFirst = TextDocument.create('file:///scratch', 'yaml', 0, text);
            TextDocument.update(afterFirst, [first], 1);
            const at = afterFirst.positionAt(afterFirst.offsetAt(whole.range.start) + half);
            doc = editing.update(doc, [first, { range: { start: at, end: at }, text: whole.text.slice(half) }], doc.version + 1);
          } else {
            doc = editing.update(doc, [whole], doc.version + 1);
          }
          assert.equal(doc.getText(), to);
          if (e.skip) continue;
          reference.forget(uri);
          const expected = reference.validate(TextDocument.create(uri, 'yaml', 1, to));
          assert.deepEqual(editing.validate(doc), expected);
          checked++;
        }
      },
    ),
    { numRuns: 40, seed: 20261203 },
  );
  assert.ok(checked > 50, `only ${checked} versions were checked`);
});

test('a change without a range (full sync) falls back to comparing the texts', () => {
  const service = createLanguageService();
  const reference = createLanguageService();
  const text = generateFdl(20);
  let doc = TextDocument.create('file:///full.flow.yaml', 'yaml', 1, text);
  service.validate(doc);
  const next = text.replace('Next: S5\n', 'Next: Nowhere\n');
  doc = service.update(doc, [{ text: next }], 2);
  assert.deepEqual(service.validate(doc), reference.validate(TextDocument.create('file:///full.flow.yaml', 'yaml', 1, next)));
  assert.ok(service.validate(doc).some((d) => d.message.includes('Nowhere')));
});
