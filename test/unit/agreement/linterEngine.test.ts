// One rule for both sides: every flow the linter accepts (the corpus, the examples, and flows
// generated from them) is accepted by the engine's compiler, and every flow the engine refuses
// gets a linter error inside the state (or step) the engine names.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { definitionFailure } from '../../../emulator/src/engine';
import { toJsonValue, type Node, type OffsetRange } from '../../../server/src/parse';
import { createLanguageService } from '../../../server/src/service/languageService';
import { CORPORA } from '../corpus';
import { flowVariants } from './flowVariants';

const service = createLanguageService({ cacheSize: 4 });
const REPO = join(import.meta.dirname, '../../..');
let version = 0;

interface Flow {
  readonly label: string;
  readonly text: string;
  readonly json: boolean;
}

/** Files whose name matches `pattern`, in `dir` and its sub-folders. */
function filesIn(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f));
}

const sources: Flow[] = [
  ...CORPORA.flatMap((corpus) => ['fdl-statemachine', 'fdl-legacy'].flatMap((folder) =>
    filesIn(join(corpus.dir, folder), /\.(ya?ml|json)$/).map((path) => ({ label: `${corpus.name} corpus/${folder}/${path.split('/').pop()}`, text: readFileSync(path, 'utf8'), json: path.endsWith('.json') })))),
  ...filesIn(join(REPO, 'examples'), /\.flow\.(ya?ml|json)$/).map((path) => ({ label: path.slice(REPO.length + 1), text: readFileSync(path, 'utf8'), json: path.endsWith('.json') })),
];

interface Verdict {
  readonly errors: Diagnostic[];
  readonly doc: TextDocument;
  readonly root: Node | undefined;
  readonly value: ReturnType<typeof toJsonValue>;
}

function lint(flow: Flow): Verdict {
  const doc = TextDocument.create(`file:///agreement/${++version}.${flow.json ? 'json' : 'yaml'}`, flow.json ? 'fdl-json' : 'fdl', 1, flow.text);
  const errors = service.validate(doc).filter((d) => d.severity === DiagnosticSeverity.Error);
  const root = service.analyse(doc).parsed.root;
  const value = root ? toJsonValue(root) : undefined;
  service.forget(doc.uri);
  return { errors, doc, root, value };
}

/** The ranges of every state/step object named `name` (states: `Name`, legacy steps: `name`). */
function rangesNamed(root: Node | undefined, name: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  const visit = (n: Node | undefined): void => {
    if (!n) return;
    if (n.kind === 'array') n.items.forEach(visit);
    if (n.kind !== 'object') return;
    const own = n.properties.find((p) => (p.key === 'Name' || p.key === 'name') && p.value?.kind === 'scalar' && p.value.value === name);
    if (own) out.push(n.range);
    for (const p of n.properties) visit(p.value);
  };
  visit(root);
  return out;
}

/** The place an engine failure names: a state or step by name, or the whole flow. */
function placeOf(cause: string): { name: string } | 'flow' {
  const m = /^(?:state|step) "([^"]*)"/.exec(cause);
  return m ? { name: m[1] as string } : 'flow';
}

/** Checks the rule for one flow; returns what was concluded for the tallies. */
function checkAgreement(flow: Flow): 'accepted' | 'refused-by-both' | 'linter-only' {
  const v = lint(flow);
  if (v.value === undefined) return 'linter-only';
  const failure = definitionFailure(v.value);
  if (v.errors.length === 0) {
    assert.equal(failure, undefined, `${flow.label}: the linter accepts it but the engine refuses it: ${failure?.message}\n${flow.text}`);
    return 'accepted';
  }
  if (!failure) return 'linter-only';
  const place = placeOf(failure.cause);
  if (place !== 'flow') {
    const ranges = rangesNamed(v.root, place.name);
    const offsets = v.errors.map((d) => v.doc.offsetAt(d.range.start));
    assert.ok(
      ranges.some((r) => offsets.some((o) => o >= r.start && o <= r.end)),
      `${flow.label}: the engine refuses it at ${failure.cause}, but no linter error lies in "${place.name}"; the linter says: ${v.errors.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join(' | ')}\n${flow.text}`,
    );
  }
  return 'refused-by-both';
}

describe('one rule for the linter and the engine', () => {
  test('the corpus and the examples: what the linter accepts, the engine compiles', () => {
    const tally = { accepted: 0, 'refused-by-both': 0, 'linter-only': 0 };
    for (const flow of sources) tally[checkAgreement(flow)]++;
    assert.ok(tally.accepted >= sources.length / 2, `most published flows are accepted (${JSON.stringify(tally)})`);
  });

  test('generated flows: the engine refuses nothing the linter accepts, and each refusal has a linter error in that state', () => {
    const tally = { accepted: 0, 'refused-by-both': 0, 'linter-only': 0 };
    for (const source of sources) {
      const v = lint(source);
      if (v.errors.length > 0 || v.value === undefined) continue;
      for (const [i, text] of flowVariants(v.value, 60).entries()) {
        tally[checkAgreement({ label: `${source.label} variant ${i}`, text, json: true })]++;
      }
    }
    // The generator must exercise both sides of the rule, or the test proves nothing.
    assert.ok(tally.accepted > 50, JSON.stringify(tally));
    assert.ok(tally['refused-by-both'] > 50, JSON.stringify(tally));
  });
});
