// The generated per-version JSON Schemas are up to date with the reference table, accept every
// corpus Flow JSON of their version, and reject a component newer than the version.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { flowJsonSchema } from '../../../server/src/whatsapp/spec/jsonSchema';
import { FLOW_JSON_VERSIONS } from '../../../server/src/whatsapp/spec/versions';
import { CORPORA, VENDORED_CORPUS } from '../corpus';

const SCHEMAS = join(import.meta.dirname, '../../../schemas/whatsapp');
/** Schema failures Flowdeck reports only as warnings because the version is frozen (not validated by Meta any more). */
const FROZEN_VERSION_DEVIATIONS: Readonly<Record<string, string>> = {
  'sipsyai-salon-appointment-v3.1.json': '/screens/2/layout/children/2/enabled',
};
const file = (v: string) => join(SCHEMAS, `flow-json-${v}.schema.json`);

describe('Flow JSON schemas', () => {
  test('one schema per version, identical to what the generator makes (run node --import tsx schemas/whatsapp/generate.mjs)', () => {
    for (const { version } of FLOW_JSON_VERSIONS) {
      const stored = JSON.parse(readFileSync(file(version), 'utf8')) as unknown;
      assert.deepEqual(stored, flowJsonSchema(version), `schemas/whatsapp/flow-json-${version}.schema.json is stale`);
    }
  });

  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map(
    FLOW_JSON_VERSIONS.map(({ version }) => [
      version,
      ajv.compile(JSON.parse(readFileSync(file(version), 'utf8')) as object),
    ]),
  );

  for (const corpus of CORPORA)
    for (const name of readdirSync(join(corpus.dir, 'whatsapp'))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      test(`${corpus.name} corpus: ${name} matches the schema of its version`, () => {
        const flow = JSON.parse(readFileSync(join(corpus.dir, 'whatsapp', name), 'utf8')) as { version: string };
        const validate = validators.get(flow.version);
        assert.ok(validate, `no schema for ${flow.version}`);
        const ok = validate(flow);
        const known = FROZEN_VERSION_DEVIATIONS[name];
        // The failing value, and the if/then of the component that holds it.
        if (known)
          assert.ok(
            !ok && validate.errors?.every((e) => known.startsWith(e.instancePath)),
            JSON.stringify(validate.errors),
          );
        else assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 3)));
      });
    }

  test('a component newer than the version fails its schema and passes the newer one', () => {
    const flow = JSON.parse(
      readFileSync(join(VENDORED_CORPUS.dir, 'whatsapp', 'pywa-v7.1-image-carousel.json'), 'utf8'),
    ) as { version: string };
    assert.equal(validators.get('7.0')?.({ ...flow, version: '7.0' }), false);
    assert.equal(validators.get('7.1')?.(flow), true);
  });
});
