// `flowdeck lint` on Flow JSON: the corpus folder passes (exit 0), a broken copy fails (exit 1)
// with the error on the line that was broken.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { flowdeck } from '../cli/flowdeck';
import { CORPORA, VENDORED_CORPUS, corpusFiles } from '../corpus';

const CORPUS = join(VENDORED_CORPUS.dir, 'whatsapp');

async function lint(args: string[]): Promise<{ code: number; out: string }> {
  const { code, out, err } = await flowdeck(['lint', ...args], { cwd: process.cwd() });
  return { code, out: out + err };
}

describe('flowdeck lint on Flow JSON', () => {
  for (const corpus of CORPORA) {
    test(`every ${corpus.name} corpus Flow JSON lints without errors`, async () => {
      const files = corpusFiles(corpus, 'whatsapp').filter((f) => f.endsWith('.json')).length;
      const { code, out } = await lint([join(corpus.dir, 'whatsapp')]);
      assert.equal(code, 0, out);
      assert.match(out, new RegExp(`${files} files checked, 0 skipped: 0 errors`));
    });
  }

  test('the example Flow JSON is clean, without warnings', async () => {
    const { code, out } = await lint([join(import.meta.dirname, '../../../examples/whatsapp')]);
    assert.equal(code, 0, out);
    assert.match(out, /1 file checked, 0 skipped: 0 errors, 0 warnings/);
  });

  test('a broken copy fails on the offending line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-lint-'));
    try {
      const text = await readFile(join(CORPUS, 'pywa-v6.3-chips-selector.json'), 'utf8');
      const broken = text.replace('"version": "6.3"', '"version": "6.2"');
      const file = join(dir, 'chips.json');
      await writeFile(file, broken);
      const { code, out } = await lint(['--format', 'text', file]);
      assert.equal(code, 1, out);
      const line = broken.slice(0, broken.indexOf('"ChipsSelector"')).split('\n').length;
      assert.match(
        out,
        new RegExp(
          `chips\\.json:${line}:\\d+ error wa-needs-newer-version Component 'ChipsSelector' needs Flow JSON version 6\\.3`,
        ),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
