// Finding test files: a path that is a file is taken as it is; a folder is searched (not inside
// node_modules or dot-folders) for `*.flowtest.yaml` / `*.flowtest.yml` / `*.flowtest.json`.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TEST_FILE_RE = /\.flowtest\.(?:ya?ml|json)$/i;

export class MissingPathError extends Error {}

export function findTestFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new MissingPathError(`${p}: no such file or folder`);
    }
    if (isDir) walk(abs, found);
    else found.add(abs);
  }
  return [...found].sort();
}

function walk(dir: string, out: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (TEST_FILE_RE.test(entry.name)) out.add(path);
  }
}
