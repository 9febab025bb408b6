// Where the published flows used as test data live. Two corpora:
// - the vendored one, `test/fixtures/corpus/`, always there: the published flows whose licence
//   lets the project carry them (MIT, Apache-2.0) and flows written for the project that show
//   what the other sources showed (documentation shapes, the known-invalid cases);
// - the full one, beside the repository (`../shared/corpus`) or at FLOWDECK_CORPUS, when it is
//   there: tests then run on it too. `scripts/test-unit.mjs` says in one line when it is absent.
// Each has a SOURCES.md whose notes mark the flows that are "known invalid" as published.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Corpus {
  /** `vendored` or `full`, for test names. */
  readonly name: string;
  readonly dir: string;
}

export const VENDORED_CORPUS: Corpus = { name: 'vendored', dir: resolve(import.meta.dirname, '../fixtures/corpus') };

const fullDir = resolve(process.env.FLOWDECK_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus'));

/** The full corpus, when it is present. */
export const FULL_CORPUS: Corpus | undefined = existsSync(join(fullDir, 'SOURCES.md')) ? { name: 'full', dir: fullDir } : undefined;

/** Every corpus present: the vendored one first. */
export const CORPORA: readonly Corpus[] = FULL_CORPUS ? [VENDORED_CORPUS, FULL_CORPUS] : [VENDORED_CORPUS];

/** Corpus-relative paths (`fdl-legacy/x.yaml`) whose SOURCES.md notes say "known invalid". */
export function knownInvalid(corpus: Corpus): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join(corpus.dir, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 5 && /known invalid/i.test(cells[4] ?? '')) out.add(cells[1]!);
  }
  return out;
}

/** The flow folders of a corpus (`fdl-legacy`, `fdl-statemachine`, `whatsapp`). */
export function corpusFolders(corpus: Corpus): string[] {
  return readdirSync(corpus.dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'licenses')
    .map((e) => e.name)
    .sort();
}

/** Corpus-relative paths of the files of one folder, sorted. */
export function corpusFiles(corpus: Corpus, folder: string): string[] {
  return readdirSync(join(corpus.dir, folder))
    .sort()
    .map((f) => `${folder}/${f}`);
}

/**
 * The texts of every file whose name matches `name` (e.g. /\.ya?ml$/) in every corpus present;
 * a text both corpora hold is given once.
 */
export function corpusTexts(name: RegExp): string[] {
  return textsUnder(CORPORA.map((c) => c.dir), name);
}

/** The texts of every file whose name matches `name` below the folders `dirs`, each text once. */
export function textsUnder(dirs: readonly string[], name: RegExp): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (name.test(entry.name)) out.add(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of dirs) walk(dir);
  return [...out];
}
