// Every published Flow JSON in the corpus lints without errors; broken variants of them give an
// error on the line that was broken.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { errors, lineOf } from './helpers';
import { CORPORA } from '../corpus';

for (const corpus of CORPORA) {
  const dir = join(corpus.dir, 'whatsapp');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  describe(`Flow JSON, ${corpus.name} corpus`, () => {
    test('the corpus is there', () => {
      assert.ok(files.length >= 30, `expected the WhatsApp corpus, found ${files.length} files`);
    });
    for (const file of files) {
      test(`${file} has no errors`, () => {
        const found = errors(readFileSync(join(dir, file), 'utf8'));
        assert.deepEqual(
          found.map((d) => `${d.range.start.line + 1}: ${d.message}`),
          [],
        );
      });
    }
  });
}

interface Variant {
  readonly file: string;
  readonly name: string;
  /** Text replaced (first occurrence after `after`, when given). */
  readonly from: string;
  readonly to: string;
  readonly after?: string;
  readonly code: string;
  /** Text on the line the error belongs to, when it is not the replaced text. */
  readonly expectAt?: string;
}

const variants: Variant[] = [
  {
    file: 'wed-knots-rsvp-v7.3.json',
    name: 'unknown navigate target',
    from: '"name": "ATTENDING_SCREEN"',
    to: '"name": "ATTENDING_SCREN"',
    after: '"next"',
    code: 'wa-unknown-screen',
  },
  {
    file: 'pywa-v6.3-chips-selector.json',
    name: 'ChipsSelector in 6.2',
    from: '"version": "6.3"',
    to: '"version": "6.2"',
    code: 'wa-needs-newer-version',
    expectAt: '"ChipsSelector"',
  },
  {
    file: 'pywa-v7.1-image-carousel.json',
    name: 'misspelled component type',
    from: '"ImageCarousel"',
    to: '"ImageCarusel"',
    code: 'invalid-value',
  },
  {
    file: 'treble-example-flow.json',
    name: 'misspelled property',
    from: '"label":',
    to: '"lable":',
    code: 'misspelled-property',
  },
  {
    file: 'spookyuser-grocery-order.json',
    name: 'wrong type',
    from: '"required": true',
    to: '"required": "yes"',
    code: 'wrong-type',
  },
  {
    file: 'pywa-v6.0-visible-condition.json',
    name: 'unknown form field',
    from: '${form.number}',
    to: '${form.numbr}',
    code: 'wa-unknown-form-field',
  },
  {
    file: 'pywa-v6.2-navigation-list-dynamic.json',
    name: 'undeclared data',
    from: '${data.',
    to: '${data.missing_',
    code: 'wa-undeclared-data',
  },
  {
    file: 'sipsyai-stock-management-v5.0.json',
    name: 'duplicate screen id',
    from: '"id": "PRODUCT_SCREEN"',
    to: '"id": "CATEGORY_SCREEN"',
    code: 'wa-duplicate-screen-id',
  },
  {
    file: 'pywa-v4.0-if.json',
    name: 'If condition syntax',
    from: '"condition": "',
    to: '"condition": "(',
    code: 'condition-syntax',
  },
  {
    file: 'pywa-v6.0-math-operators.json',
    name: 'nested expression syntax',
    from: '+ ${data.number_2})',
    to: '+ ${data.number_2}',
    code: 'expression-syntax',
  },
  // the same kinds of damage on flows of the vendored corpus
  {
    file: 'pywa-v2.1-sign-in.json',
    name: 'unknown navigate target',
    from: '"name": "FORGOT_PASSWORD"',
    to: '"name": "FORGOT_PASWORD"',
    after: '"next"',
    code: 'wa-unknown-screen',
  },
  {
    file: 'meta-tools-contact-us.json',
    name: 'misspelled property',
    from: '"label":',
    to: '"lable":',
    code: 'misspelled-property',
  },
  {
    file: 'meta-tools-contact-us.json',
    name: 'wrong type',
    from: '"required": true',
    to: '"required": "yes"',
    code: 'wrong-type',
  },
  {
    file: 'pywa-v2.1-sign-in.json',
    name: 'duplicate screen id',
    from: '"id": "SIGN_UP"',
    to: '"id": "SIGN_IN"',
    code: 'wa-duplicate-screen-id',
  },
  {
    file: 'meta-tools-survey.json',
    name: 'reserved screen id',
    from: '"id": "',
    to: '"id": "success", "x_old_id": "',
    code: 'wa-reserved-screen-id',
  },
];

describe('broken corpus variants', () => {
  // each variant runs on every corpus that holds its file (the vendored one holds most)
  for (const corpus of CORPORA)
    for (const v of variants) {
      const path = join(corpus.dir, 'whatsapp', v.file);
      if (!existsSync(path)) continue;
      test(`${corpus.name} corpus, ${v.file}: ${v.name}`, () => {
        const original = readFileSync(path, 'utf8');
        const at = original.indexOf(v.from, v.after ? original.indexOf(v.after) : 0);
        assert.ok(at >= 0, `'${v.from}' not found in ${v.file}`);
        const broken = original.slice(0, at) + v.to + original.slice(at + v.from.length);
        const found = errors(broken);
        const line = v.expectAt ? lineOf(broken, v.expectAt) : lineOf(broken, v.to, at);
        const hit = found.find((d) => d.code === v.code);
        assert.ok(
          hit,
          `expected ${v.code}; got ${found.map((d) => `${d.code}@${d.range.start.line}: ${d.message}`).join(' | ')}`,
        );
        assert.equal(hit.range.start.line, line, hit.message);
      });
    }
});
