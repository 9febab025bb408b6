// The JSON Schema files under schemas/ are what the language service validates with, and they
// accept the published flows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { fdlCurrentSchema } from '../../../server/src/schema/fdl/current';
import { fdlLegacySchema } from '../../../server/src/schema/fdl/legacy';
import { parseText, toJsonValue } from '../../../server/src/parse';
import { CORPORA, knownInvalid } from '../corpus';

const SCHEMAS = join(import.meta.dirname, '../../../schemas');
const stored = (path: string): unknown => JSON.parse(readFileSync(join(SCHEMAS, path), 'utf8'));

test('schemas/fdl*/ match their source (regenerate: node --import tsx schemas/fdl/generate.mjs)', () => {
  assert.deepEqual(stored('fdl/fdl.schema.json'), JSON.parse(JSON.stringify(fdlCurrentSchema)));
  assert.deepEqual(stored('fdl-legacy/fdl-legacy.schema.json'), JSON.parse(JSON.stringify(fdlLegacySchema)));
});

for (const corpus of CORPORA) {
  test(`the stored schemas accept every valid ${corpus.name} corpus flow with a plain draft-07 validator`, () => {
    const ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
    const current = ajv.compile(stored('fdl/fdl.schema.json') as object);
    const legacy = ajv.compile(stored('fdl-legacy/fdl-legacy.schema.json') as object);
    const broken = knownInvalid(corpus);
    let n = 0;
    for (const [dir, validate] of [
      ['fdl-statemachine', current],
      ['fdl-legacy', legacy],
    ] as const) {
      for (const f of readdirSync(join(corpus.dir, dir))) {
        if (broken.has(`${dir}/${f}`)) continue;
        const value = toJsonValue(parseText(readFileSync(join(corpus.dir, dir, f), 'utf8'), 'yaml').root);
        assert.ok(validate(value), `${dir}/${f}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
        n++;
      }
    }
    assert.ok(n >= 20, `only ${n} flows checked`);
  });
}

test('every property in the schemas has a description (they feed hover and completion)', () => {
  const missing: string[] = [];
  const walk = (s: unknown, path: string): void => {
    if (s === null || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    for (const [k, v] of Object.entries((o.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
      if (typeof v.description !== 'string' && typeof v.$ref !== 'string') missing.push(`${path}/${k}`);
    }
    for (const [k, v] of Object.entries(o))
      if (k !== 'enum' && k !== 'const' && k !== 'examples') walk(v, `${path}/${k}`);
  };
  walk(fdlCurrentSchema, '#');
  walk(fdlLegacySchema, '#');
  assert.deepEqual(missing, []);
});
