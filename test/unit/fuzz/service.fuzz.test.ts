// Robustness: mutated versions of real flows go through every feature of the language service;
// nothing may throw (the facade would log it) and every range must lie inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { createLanguageService, type FlowLanguageService } from '../../../server/src/service/languageService';
import { RequestRefused } from '../../../server/src/service/refusal';
import { parseText, type Node } from '../../../server/src/parse';
import { CORPORA, knownInvalid } from '../corpus';
import { applyMutation, mutationArb } from './mutations';

const RUNS = Number(process.env.FLOWDECK_FUZZ_RUNS ?? 250);
const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261123);

interface Seed {
  readonly name: string;
  readonly text: string;
  readonly languageId: string;
}

/** A spread of valid flows: every current-spec one, and every fourth legacy and WhatsApp one. */
function seeds(): Seed[] {
  const out: Seed[] = [];
  const seen = new Set<string>();
  for (const corpus of CORPORA) {
    const broken = knownInvalid(corpus);
    for (const [dir, every] of [
      ['fdl-statemachine', 1],
      ['fdl-legacy', 4],
      ['whatsapp', 4],
    ] as const) {
      const files = readdirSync(join(corpus.dir, dir)).sort();
      files.forEach((f, i) => {
        if (i % every !== 0 || broken.has(`${dir}/${f}`) || seen.has(`${dir}/${f}`)) return;
        seen.add(`${dir}/${f}`);
        out.push({
          name: `${dir}/${f}`,
          text: readFileSync(join(corpus.dir, dir, f), 'utf8'),
          languageId: f.endsWith('.json') ? 'json' : 'yaml',
        });
      });
    }
  }
  const fixtures = join(import.meta.dirname, '../../fixtures/fdl/valid');
  for (const f of readdirSync(fixtures))
    out.push({ name: f, text: readFileSync(join(fixtures, f), 'utf8'), languageId: 'yaml' });
  return out;
}

/** A rename, or the refusal it answered with (a name the dialect does not allow is the user's answer, not a failure). */
function renameOrRefusal(service: FlowLanguageService, doc: TextDocument, pos: Position): unknown {
  try {
    return service.rename(doc, pos, 'Renamed_1');
  } catch (err) {
    assert.ok(err instanceof RequestRefused, `rename threw ${String(err)}`);
    return err.message;
  }
}

function isRange(v: unknown): v is Range {
  const r = v as Range;
  return (
    typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.end?.character === 'number'
  );
}

/** Every Range anywhere inside a feature's result (diagnostics, edits, symbols, locations...). */
function collectRanges(v: unknown, out: Range[], depth = 0): void {
  if (v === null || typeof v !== 'object' || depth > 30) return;
  if (isRange(v)) {
    out.push(v);
    return;
  }
  for (const child of Array.isArray(v) ? v : Object.values(v)) collectRanges(child, out, depth + 1);
}

function assertInside(doc: TextDocument, r: Range, what: string): void {
  const lines = doc.getText().split(/\r\n|\r|\n/);
  const ok = (p: Position) =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  assert.ok(ok(r.start) && ok(r.end), `${what}: range ${JSON.stringify(r)} outside the document`);
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: range ${JSON.stringify(r)} ends before it starts`,
  );
}

function assertTreeInside(node: Node | undefined, length: number): void {
  const stack: Node[] = node ? [node] : [];
  while (stack.length) {
    const n = stack.pop()!;
    assert.ok(
      n.range.start >= 0 && n.range.start <= n.range.end && n.range.end <= length,
      `tree range ${JSON.stringify(n.range)} outside 0..${length}`,
    );
    if (n.kind === 'array') stack.push(...n.items);
    if (n.kind === 'object') {
      for (const p of n.properties) {
        assert.ok(
          p.keyRange.start >= 0 && p.keyRange.end <= length && p.range.end <= length,
          `property range outside the text`,
        );
        if (p.value) stack.push(p.value);
      }
    }
  }
}

test('mutated flows never make any feature throw or answer with a range outside the document', () => {
  const all = seeds();
  assert.ok(all.length >= 20);
  const logged: string[] = [];
  const service = createLanguageService({ logger: (level, message) => level === 'error' && logged.push(message) });
  let version = 0;
  fc.assert(
    fc.property(
      fc.nat({ max: all.length - 1 }),
      fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      (which, mutations, spots) => {
        const seed = all[which]!;
        const text = mutations.reduce(applyMutation, seed.text);
        const ext = seed.languageId === 'json' ? 'json' : 'yaml';
        // Named so the dialect survives mutations that break the content detection would read.
        const name = seed.name.startsWith('whatsapp/') ? `${version}.wa-flow.json` : `${version}.flow.${ext}`;
        const doc = TextDocument.create(`file:///fuzz/${name}`, seed.languageId, ++version, text);
        const what = `${seed.name} after ${JSON.stringify(mutations)}`;

        const parsed = parseText(text, ext);
        for (const p of parsed.syntaxProblems)
          assert.ok(
            p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= text.length,
            `${what}: syntax problem outside the text`,
          );
        assertTreeInside(parsed.root, text.length);

        const results: unknown[] = [];
        const diagnostics: Diagnostic[] = service.validate(doc);
        results.push(
          diagnostics,
          service.validate(doc, { executionMode: 'Express' }),
          service.documentSymbols(doc),
          service.foldingRanges(doc),
        );
        for (const spot of spots) {
          const pos = doc.positionAt(text.length === 0 ? 0 : spot % (text.length + 1));
          results.push(
            service.complete(doc, pos),
            service.hover(doc, pos),
            service.definition(doc, pos),
            service.references(doc, pos, true),
            service.prepareRename(doc, pos),
            renameOrRefusal(service, doc, pos),
            service.codeActions(doc, { start: pos, end: pos }, diagnostics),
          );
        }
        const ranges: Range[] = [];
        collectRanges(results, ranges);
        // Ranges of edits to other documents do not exist here: every one is in this document.
        for (const r of ranges) assertInside(doc, r, what);
        assert.deepEqual(logged, [], `${what}: a feature threw`);
        service.forget(doc.uri);
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});
