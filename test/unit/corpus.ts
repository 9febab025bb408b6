// Where the published flows used as test data live, and which of them SOURCES.md marks as known
// to be broken. The corpus sits beside the repository (`../shared/corpus`), as developers and CI
// check the project out; FLOWDECK_CORPUS points elsewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.FLOWDECK_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus'));

if (!existsSync(join(CORPUS_DIR, 'SOURCES.md'))) {
  throw new Error(`The flow corpus is not at ${CORPUS_DIR}: check out shared/ beside the repository or set FLOWDECK_CORPUS.`);
}

/** Corpus-relative paths (`fdl-legacy/x.yaml`) whose SOURCES.md notes say "known invalid". */
export function knownInvalid(): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join(CORPUS_DIR, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 5 && /known invalid/i.test(cells[4] ?? '')) out.add(cells[1]!);
  }
  return out;
}

/** The texts of every corpus file whose name matches `name` (e.g. /\.ya?ml$/), in every folder. */
export function corpusTexts(name: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (name.test(entry.name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(CORPUS_DIR);
  return out;
}
