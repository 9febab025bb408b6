// The validators generated ahead of time (server/src/schema/validators.generated.js) are what
// ajv compiles from the schemas today: the file is current, and on real flows, broken ones and
// half-typed ones both give the same verdict and the same errors, field for field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parseText, toJsonValue, type JsonValue } from '../../../server/src/parse';
import { validatorFor, subschemaValidator } from '../../../server/src/schema/compile';
import { fdlCurrentSchema } from '../../../server/src/schema/fdl/current';
import { GENERATED, generatedValidatorsSource } from '../../../server/src/schema/precompile';
import { AJV_OPTIONS, schemaFingerprint, schemaRef } from '../../../server/src/schema/validatorSource';
import { loadValidators } from '../../../server/src/schema/validators.generated';
import { CORPORA, textsUnder } from '../corpus';
import { applyMutation, mutationArb } from '../fuzz/mutations';

const ROOT = join(import.meta.dirname, '../../..');
const SEED = Number(process.env.FLOWDECK_FUZZ_SEED ?? 20261205);
const RUNS = Number(process.env.FLOWDECK_FUZZ_RUNS ?? 250);

test('validators.generated.js is current (regenerate: node --import tsx scripts/precompile-schemas.mjs)', () => {
  const stored = readFileSync(join(ROOT, 'server/src/schema/validators.generated.js'), 'utf8');
  assert.ok(stored === generatedValidatorsSource(), 'validators.generated.js is stale: run node --import tsx scripts/precompile-schemas.mjs');
});

/** Every flow and flow test text the repository and the corpora hold, valid and broken. */
function texts(): string[] {
  const corpora = CORPORA.flatMap((c) => ['fdl-statemachine', 'fdl-legacy'].map((folder) => join(c.dir, folder)));
  const repository = ['test/fixtures/fdl', 'test/fixtures/debug', 'examples'].map((folder) => join(ROOT, folder));
  return textsUnder([...corpora, ...repository], /\.ya?ml$/);
}

/** The value a text gives, and its states, each checked alone by the State validator. */
function valuesOf(text: string): JsonValue[] {
  const value = toJsonValue(parseText(text, 'yaml').root);
  if (value === undefined) return [];
  const states = value !== null && typeof value === 'object' && !Array.isArray(value) ? value['States'] : undefined;
  return [value, ...(Array.isArray(states) ? states : [])];
}

// The reference: each schema compiled now, by an ajv instance of its own with the same options.
const reference = new Ajv(AJV_OPTIONS);
const generatedValidators = loadValidators();
const pairs = GENERATED.flatMap(({ schema, pointers }) => {
  reference.addSchema(schema);
  return pointers.map((pointer) => {
    const key = schemaRef(schema, pointer);
    const compiled = reference.getSchema(key);
    assert.ok(compiled, `ajv finds ${key}`);
    const generated = generatedValidators[key];
    assert.ok(generated, `validators.generated.js holds ${key}`);
    return { key, compiled, generated: generated.validate };
  });
});

function assertSameVerdict(value: JsonValue, compiled: ValidateFunction, generated: ValidateFunction, what: string): boolean {
  const ok = compiled(value);
  assert.equal(generated(value), ok, `${what}: the verdicts differ`);
  assert.deepEqual(generated.errors ?? null, compiled.errors ?? null, `${what}: the errors differ`);
  return ok;
}

test('on every flow of the repository and the corpora, each generated validator agrees with ajv compiling its schema', () => {
  let valid = 0;
  let invalid = 0;
  for (const text of texts()) {
    for (const value of valuesOf(text)) {
      // Every validator sees every value: a legacy flow is a wrong current one, and a state a wrong flow.
      for (const { key, compiled, generated } of pairs) {
        if (assertSameVerdict(value, compiled, generated, key)) valid++;
        else invalid++;
      }
    }
  }
  assert.ok(valid >= 20 && invalid >= 100, `only ${valid} valid and ${invalid} invalid values checked`);
});

test('on half-typed flows, each generated validator agrees with ajv compiling its schema', () => {
  const all = texts();
  fc.assert(
    fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, mutations) => {
      const text = mutations.reduce(applyMutation, all[which % all.length]!);
      for (const value of valuesOf(text)) {
        for (const { key, compiled, generated } of pairs) assertSameVerdict(value, compiled, generated, key);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('the language service validates with the generated validators, and never with one made from another schema', () => {
  // ajv attaches the environment it compiled in to its own validators; generated code has none.
  const uses = (v: ValidateFunction): boolean => (v as ValidateFunction & { schemaEnv?: unknown }).schemaEnv === undefined;
  assert.ok(uses(validatorFor(fdlCurrentSchema)), 'the FDL schema is compiled at run time');
  assert.ok(uses(subschemaValidator(fdlCurrentSchema, '/definitions/State')), 'the State part is compiled at run time');
  assert.equal(validatorFor(fdlCurrentSchema).schema, fdlCurrentSchema);

  // A schema changed since the file was written, under the same $id, is compiled from its own text.
  const changed = { ...fdlCurrentSchema, required: [...(fdlCurrentSchema.required ?? []), 'Description'] };
  assert.notEqual(schemaFingerprint(changed), schemaFingerprint(fdlCurrentSchema));
  const v = validatorFor(changed);
  assert.ok(!uses(v), 'a changed schema got the generated validator');
  assert.equal(v({ Type: 'StateMachine', SpecVersion: 'v1', StartAt: 'A', States: [{ Type: 'Succeed', Name: 'A' }] }), false);
  assert.ok(v.errors?.some((e) => e.keyword === 'required' && e.params['missingProperty'] === 'Description'));
});

test('checking the example flows loads no ajv compiler (it is loaded on the first compile only)', () => {
  // A process of its own: this one has loaded ajv for the tests above.
  const script =
    "const { createLanguageService } = require('./server/src/service/languageService');" +
    "const { TextDocument } = require('vscode-languageserver-textdocument');" +
    "const fs = require('node:fs'); const ls = createLanguageService(); let n = 0;" +
    "for (const f of ['hello.flow.yaml', 'order-processing.flow.yaml', 'order-processing.flowtest.yaml', 'whatsapp/book-a-table.wa-flow.json']) {" +
    "  const uri = 'file:///examples/' + f; n += ls.validate(TextDocument.create(uri, f.endsWith('json') ? 'json' : 'yaml', 1, fs.readFileSync('examples/' + f, 'utf8'))).length; }" +
    "console.log(JSON.stringify({ n, ajv: Object.keys(require.cache).filter((k) => /ajv[\\\\/]dist[\\\\/](ajv|core)\\.js$/.test(k)) }));";
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(import.meta.dirname, '../../..'), encoding: 'utf8' });
  const { n, ajv } = JSON.parse(out) as { n: number; ajv: string[] };
  assert.equal(n, 0, 'the examples are clean');
  assert.deepEqual(ajv, []);
});
