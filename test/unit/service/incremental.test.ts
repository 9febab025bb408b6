// Incremental analysis: after every edit of a random sequence, the language service's tree and
// diagnostics (the edited states re-read and re-checked, the rest reused) must equal those of a
// whole parse and a whole-document validation of the same text. Edits are the ones typing makes
// (a Next target changed, a value changed, a state added or deleted) and the half-broken ones of
// the fuzz mutations, on corpus flows and generated ones, in YAML and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { EditorDocument } from '../../../server/src/service/editorDocument';
import { PieceText } from '../../../server/src/parse/pieceText';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fdlService } from '../../../server/src/fdl/service';
import { validateFdl } from '../../../server/src/fdl/validate';
import { assembleFlowModel, buildFlowModel, flowModel } from '../../../server/src/fdl/model/build';
import { parseText } from '../../../server/src/parse';
import type { ObjectNode } from '../../../server/src/parse/tree';
import { diffTexts, reparseAfterEdit } from '../../../server/src/parse/incremental';
import { generateFdl } from '../../../bench/lib/generate';
import { CORPORA, knownInvalid } from '../corpus';
import { describeNode } from '../parse/describeTree';
import { applyMutation, mutationArb, type Mutation } from '../fuzz/mutations';

const RUNS = Number(process.env.FLOWDECK_FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261202);

interface Seed {
  readonly name: string;
  readonly text: string;
  readonly json: boolean;
}

/** Flows with a few problems of each kind, so that reused diagnostics are exercised too. */
function withProblems(text: string): string {
  return text
    .replace('Next: S3\n', 'Next: S33\n')
    .replace('    Name: S6\n', '    Name: S6\n    Bogus: 1\n')
    .replace('MaxAttempts: 3', 'MaxAttempts: "3"')
    .replace('id.$: $Input.id', 'id.$: $Outpt.id');
}

function seeds(): Seed[] {
  const out: Seed[] = [];
  for (const corpus of CORPORA) {
    const CORPUS_DIR = corpus.dir;
    const broken = knownInvalid(corpus);
    for (const f of readdirSync(join(CORPUS_DIR, 'fdl-statemachine')).sort()) {
      if (broken.has(`fdl-statemachine/${f}`)) continue;
      out.push({
        name: `${corpus.name}/${f}`,
        text: readFileSync(join(CORPUS_DIR, 'fdl-statemachine', f), 'utf8'),
        json: f.endsWith('.json'),
      });
    }
    // Legacy flows (`steps` lists are re-read the same way; their validation is always whole).
    readdirSync(join(CORPUS_DIR, 'fdl-legacy'))
      .sort()
      .forEach((f, i) => {
        if (i % 3 === 0 && !broken.has(`fdl-legacy/${f}`))
          out.push({
            name: f,
            text: readFileSync(join(CORPUS_DIR, 'fdl-legacy', f), 'utf8'),
            json: f.endsWith('.json'),
          });
      });
  }
  const generated = generateFdl(24);
  out.push({ name: 'generated.yaml', text: generated, json: false });
  out.push({ name: 'generated-with-problems.yaml', text: withProblems(generated), json: false });
  out.push({ name: 'generated.json', text: JSON.stringify(load(generated), null, 2) + '\n', json: true });
  out.push({
    name: 'generated-with-problems.json',
    text: JSON.stringify(load(withProblems(generated)), null, 2),
    json: true,
  });
  return out;
}

/** Edits of whole states and of the values typing changes, besides the fuzz mutations. */
type Edit =
  | { kind: 'mutation'; m: Mutation }
  | { kind: 'retarget'; at: number; to: number }
  | { kind: 'value'; at: number; value: string }
  | { kind: 'add-state'; at: number; copyOf: number }
  | { kind: 'delete-state'; at: number };

const VALUES = [
  'S1',
  'S2',
  'Failed',
  'Nowhere',
  'Pass',
  'Tsak',
  'true',
  '7',
  '400',
  '"3"',
  '$Input.x',
  '$Outpt.x',
  'FnF.ALL',
  '',
  'x y',
];

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: mutationArb.map((m) => ({ kind: 'mutation' as const, m })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('retarget' as const), at: fc.nat(), to: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-state' as const), at: fc.nat(), copyOf: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-state' as const), at: fc.nat() }) },
);

/** Start offsets of the top-level states (YAML `  - ` items, or JSON objects of `States`) and where the list ends. */
function stateSpans(text: string, json: boolean): { starts: number[]; end: number } {
  const parsed = parseText(text, json ? 'json' : 'yaml');
  const root = parsed.root?.kind === 'object' ? parsed.root : undefined;
  const list = root?.properties.find((p) => p.key === 'States')?.value;
  if (list?.kind !== 'array' || list.items.length === 0) return { starts: [], end: 0 };
  if (json) return { starts: list.items.map((i) => i.range.start), end: list.items[list.items.length - 1]!.range.end };
  const lineStart = (o: number): number => text.lastIndexOf('\n', o - 1) + 1;
  const last = list.items[list.items.length - 1]!;
  const nl = text.indexOf('\n', last.range.end);
  return { starts: list.items.map((i) => lineStart(i.range.start)), end: nl < 0 ? text.length : nl + 1 };
}

function applyEdit(text: string, e: Edit, json: boolean): string {
  switch (e.kind) {
    case 'mutation':
      return applyMutation(text, e.m);
    case 'retarget': {
      const targets = [...text.matchAll(/("?Next"?: ?"?)([A-Za-z0-9_]+)/g)];
      const names = [...text.matchAll(/"?Name"?: ?"?([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
      if (targets.length === 0 || names.length === 0) return text;
      const t = targets[e.at % targets.length]!;
      const at = t.index + t[1]!.length;
      return (
        text.slice(0, at) + (names[e.to % names.length]! + (e.to % 5 === 0 ? 'x' : '')) + text.slice(at + t[2]!.length)
      );
    }
    case 'value': {
      const values = [...text.matchAll(json ? /": "?([^"\n,]*)"?/g : /: ([^\n]*)/g)];
      if (values.length === 0) return text;
      const v = values[e.at % values.length]!;
      const at = v.index + v[0].length - (json && v[0].endsWith('"') ? v[1]!.length + 1 : v[1]!.length);
      return text.slice(0, at) + e.value + text.slice(at + v[1]!.length);
    }
    case 'add-state': {
      const { starts, end } = stateSpans(text, json);
      if (starts.length === 0) return text;
      const i = e.copyOf % starts.length;
      const copyEnd = json ? text.indexOf('\n', starts[i]!) : (starts[i + 1] ?? end);
      let copy = json ? '' : text.slice(starts[i]!, copyEnd).replace(/Name: (\S+)/, 'Name: $1copy');
      if (json) {
        const obj = parseText(text, 'json').root as ObjectNode;
        const list = obj.properties.find((p) => p.key === 'States')!.value!;
        const item = (list.kind === 'array' ? list.items : [])[i]!;
        copy =
          text.slice(item.range.start, item.range.end).replace(/"Name": "([^"]+)"/, '"Name": "$1copy"') + ',\n    ';
      }
      const at = starts[e.at % starts.length]!;
      return text.slice(0, at) + copy + text.slice(at);
    }
    case 'delete-state': {
      const { starts, end } = stateSpans(text, json);
      if (starts.length < 2) return text;
      const i = e.at % (starts.length - 1);
      return text.slice(0, starts[i]!) + text.slice(starts[i + 1] ?? end);
    }
  }
}

const incremental = createLanguageService();
/** The same facade with the whole-document validation of the current spec. */
const reference = createLanguageService({ services: { fdl: { ...fdlService, validate: validateFdl } } });

test('after every edit, the incrementally updated tree and diagnostics equal a whole parse and validation', () => {
  const all = seeds();
  let edits = 0;
  let reused = 0;
  let uriCounter = 0;
  fc.assert(
    fc.property(
      fc.nat(all.length - 1),
      fc.array(editArb, { minLength: 1, maxLength: 8 }),
      fc.constantFrom<'Standard' | 'Express'>('Standard', 'Express'),
      (which, sequence, mode) => {
        const seed = all[which]!;
        const languageId = seed.json ? 'json' : 'yaml';
        const name = seed.json ? 'flow.flow.json' : 'flow.flow.yaml';
        const uri = `file:///incremental/${++uriCounter}/${name}`;
        let text = seed.text;
        let version = 1;
        incremental.validate(TextDocument.create(uri, languageId, version, text), { executionMode: mode });
        let previousRoot = incremental.analyse(TextDocument.create(uri, languageId, version, text)).parsed.root;
        for (const e of sequence) {
          text = applyEdit(text, e, seed.json);
          version++;
          edits++;
          const doc = TextDocument.create(uri, languageId, version, text);
          const got = incremental.validate(doc, { executionMode: mode });
          const analysed = incremental.analyse(doc);
          if (analysed.parsed.root !== undefined && analysed.parsed.root === previousRoot) reused++;
          previousRoot = analysed.parsed.root;
          const expected = reference.validate(
            TextDocument.create(`file:///reference/${uriCounter}-${version}/${name}`, languageId, 1, text),
            { executionMode: mode },
          );
          assert.deepEqual(got, expected, `diagnostics after ${JSON.stringify(e)} on ${seed.name}`);
          assert.deepEqual(
            describeNode(analysed.parsed.root, undefined),
            describeNode(parseText(text, seed.json ? 'json' : 'yaml').root, undefined),
            `tree after ${JSON.stringify(e)} on ${seed.name}`,
          );
          // The model the features read (updated in place after the edit) equals a whole build.
          const root = analysed.parsed.root?.kind === 'object' ? analysed.parsed.root : undefined;
          if (analysed.dialect === 'fdl')
            assert.deepEqual(
              modelShape(flowModel(analysed)),
              modelShape(buildFlowModel(root)),
              `model after ${JSON.stringify(e)} on ${seed.name}`,
            );
          const fresh = parseText(text, seed.json ? 'json' : 'yaml').root;
          const freshRoot = fresh?.kind === 'object' ? fresh : undefined;
          assert.deepEqual(
            modelShape(assembleFlowModel(freshRoot)),
            modelShape(buildFlowModel(freshRoot)),
            'assembled model',
          );
        }
        incremental.forget(uri);
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
  // The property must mostly exercise the incremental path, not the whole-parse fallback.
  assert.ok(reused > edits / 4, `only ${reused} of ${edits} edits were applied incrementally`);
});

/** The editor's report of the edit from `before` to `after`: one range of `doc` (which holds `before`) and its new text. */
function reportedChange(doc: TextDocument | EditorDocument, before: string, after: string): { range: Range; text: string }[] {
  const change = diffTexts(before, after);
  if (!change) return [];
  // A position cannot fall between the \r and \n of a line break: widen the range over it.
  const splits = (text: string, at: number): boolean => text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
  const start = splits(before, change.start) ? change.start - 1 : change.start;
  const oldEnd = splits(before, change.oldEnd) ? change.oldEnd + 1 : change.oldEnd;
  const newEnd = change.newEnd + (oldEnd - change.oldEnd);
  return [{ range: { start: doc.positionAt(start), end: doc.positionAt(oldEnd) }, text: after.slice(start, newEnd) }];
}

test('as the editor sends them (each change a range, the document kept as pieces), edits give the diagnostics of a whole validation', () => {
  const all = seeds();
  let edits = 0;
  let reused = 0;
  let uriCounter = 0;
  fc.assert(
    fc.property(fc.nat(all.length - 1), fc.array(editArb, { minLength: 1, maxLength: 8 }), (which, sequence) => {
      const seed = all[which]!;
      const languageId = seed.json ? 'json' : 'yaml';
      const name = seed.json ? 'flow.flow.json' : 'flow.flow.yaml';
      const uri = `file:///editor/${++uriCounter}/${name}`;
      let text = seed.text;
      let doc = EditorDocument.create(uri, languageId, 1, text);
      incremental.validate(doc);
      let previousRoot = incremental.analyse(doc).parsed.root;
      for (const e of sequence) {
        const next = applyEdit(text, e, seed.json);
        doc = incremental.update(doc, reportedChange(doc, text, next), doc.version + 1) as EditorDocument;
        text = next;
        edits++;
        const got = incremental.validate(doc);
        const analysed = incremental.analyse(doc);
        if (analysed.parsed.root !== undefined && analysed.parsed.root === previousRoot) reused++;
        previousRoot = analysed.parsed.root;
        assert.equal(doc.getText(), text);
        const expected = reference.validate(TextDocument.create(`file:///reference-editor/${uriCounter}-${doc.version}/${name}`, languageId, 1, text));
        assert.deepEqual(got, expected, `diagnostics after ${JSON.stringify(e)} on ${seed.name}`);
        assert.deepEqual(
          describeNode(analysed.parsed.root, undefined),
          describeNode(parseText(text, seed.json ? 'json' : 'yaml').root, undefined),
          `tree after ${JSON.stringify(e)} on ${seed.name}`,
        );
      }
      incremental.forget(uri);
    }),
    { numRuns: RUNS, seed: SEED + 1 },
  );
  assert.ok(reused > edits / 4, `only ${reused} of ${edits} edits were applied incrementally`);
});

test('typing in a large flow never joins its whole text: the edit, its diagnostics, completion, outline, folding, quick fixes and hover read only the pieces they need', () => {
  const service = createLanguageService();
  const text = generateFdl(300);
  let doc = EditorDocument.create('file:///editor/large.flow.yaml', 'yaml', 1, text);
  service.validate(doc);
  const join = PieceText.prototype.toString;
  let joins = 0;
  PieceText.prototype.toString = function counted(this: PieceText): string {
    // One piece is the text as it was opened: nothing to join.
    if (this.pieceCount > 1) joins++;
    return join.call(this);
  };
  try {
    const typed = [
      (t: string) => t.replace('    Next: S120\n', '    Next: S121\n'),
      (t: string) => t.replace('MaxAttempts: 3', 'MaxAttempts: 0'),
      (t: string) => t.replace(/\n {2}- Type: /, '\n  - Type: Pass\n    Name: Added\n    Next: S0\n  - Type: '),
      (t: string) => t.replace('        Next: Failed\n', '        Next: Faild\n'),
    ];
    let current = text;
    for (const edit of typed) {
      const next = edit(current);
      assert.notEqual(next, current);
      const change = reportedChange(doc, current, next);
      doc = service.update(doc, change, doc.version + 1) as EditorDocument;
      current = next;
      const diagnostics = service.validate(doc);
      const at = change[0]!.range.start;
      service.complete(doc, at);
      // What the editor asks for after an edit, besides completion where the cursor is.
      service.documentSymbols(doc, { max: 5000 });
      service.foldingRanges(doc, { max: 5000 });
      service.codeActions(doc, { start: at, end: at }, diagnostics);
      service.hover(doc, at);
    }
    assert.equal(joins, 0, 'the whole text was joined while typing');
  } finally {
    PieceText.prototype.toString = join;
  }
  assert.deepEqual(service.validate(doc), reference.validate(TextDocument.create('file:///reference/large.flow.yaml', 'yaml', 1, doc.getText())));
});

function modelShape(model: ReturnType<typeof buildFlowModel>): unknown {
  const scopeIndex = new Map(model.scopes.map((s, i) => [s, i]));
  const stateIndex = new Map(model.states.map((s, i) => [s, i]));
  return {
    scopes: model.scopes.map((s) => ({
      kind: s.kind,
      label: s.label,
      states: s.states.map((x) => stateIndex.get(x)),
      // The first state of each name; the map's order is not the document's after an edit.
      names: [...s.byName].map(([n, x]) => [n, stateIndex.get(x)]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
      owner: s.owner && stateIndex.get(s.owner),
      startAt: s.startAt?.value,
    })),
    states: model.states.map((s) => ({
      name: s.name,
      type: s.type,
      scope: scopeIndex.get(s.scope),
      children: s.children.map((c) => scopeIndex.get(c)),
      at: s.node.range.start,
    })),
    references: model.references.map((r) => ({
      name: r.name,
      field: r.field,
      scope: scopeIndex.get(r.scope),
      from: r.from && stateIndex.get(r.from),
      at: r.node.range.start,
    })),
  };
}

test('diffTexts finds the one changed span', () => {
  assert.equal(diffTexts('abc', 'abc'), undefined);
  assert.deepEqual(diffTexts('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(diffTexts('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  const long = 'x'.repeat(10_000);
  assert.deepEqual(diffTexts(long + 'a' + long, long + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_000 });
});

test('edits at the edges of the list: a comment before the first state, an empty last item, text after the list', () => {
  const text = 'Type: StateMachine\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n';
  const cases: [string, string, boolean][] = [
    [
      'a comment typed before the first state moves the list to the next dash',
      text.replace('States:\n', 'States:\n  # first\n'),
      true,
    ],
    ['a new empty state at the end', text + '  -', true],
    ['a key after the list is not an item', text + 'Timeout: 5\n', false],
    ['a line less indented than the list ends it', text.replace('    End: true\n', '    End: true\n x\n'), false],
  ];
  for (const [what, edited, incremental] of cases) {
    const old = parseText(text, 'yaml');
    const next = reparseAfterEdit(old, edited);
    assert.equal(next !== undefined, incremental, what);
    if (next)
      assert.deepEqual(
        describeNode(next.parsed.root, undefined),
        describeNode(parseText(edited, 'yaml').root, undefined),
        what,
      );
  }
});
