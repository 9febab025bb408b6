// Which files `flowdeck lint PATH...` checks: files as named, folders recursively (YAML and
// JSON files only, skipping dependency and hidden folders), and globs expanded here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globToRegExp, hasGlobMagic, staticPrefix } from './glob';

const FLOW_FILE_RE = /\.(?:ya?ml|json)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

export interface ExpandedPaths {
  /** Files to lint, as the user would recognise them (relative to cwd when below it), sorted, unique. */
  readonly files: string[];
  /** Arguments that named nothing: a missing path or a glob without matches. */
  readonly unmatched: string[];
}

export function expandPaths(args: readonly string[], cwd: string): ExpandedPaths {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const before = files.size;
    const posix = arg.split(sep).join('/');
    if (hasGlobMagic(posix) && !exists(resolve(cwd, arg))) {
      expandGlob(posix, cwd, files);
    } else {
      const abs = resolve(cwd, arg);
      const st = statOrUndefined(abs);
      if (st?.isDirectory()) walk(abs, (f) => FLOW_FILE_RE.test(f) && files.add(display(f, cwd)));
      else if (st?.isFile()) files.add(display(abs, cwd));
    }
    if (files.size === before && !namedExisting(arg, cwd)) unmatched.push(arg);
  }
  return { files: [...files].sort(), unmatched };
}

function expandGlob(pattern: string, cwd: string, out: Set<string>): void {
  const prefix = staticPrefix(pattern);
  const base = resolve(cwd, prefix === '' ? '.' : prefix);
  const absPattern = resolve(cwd, pattern).split(sep).join('/');
  const re = globToRegExp(absPattern);
  if (!statOrUndefined(base)?.isDirectory()) return;
  walk(base, (f) => {
    if (re.test(f.split(sep).join('/'))) out.add(display(f, cwd));
  });
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint there
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, visit);
    } else if (e.isFile()) {
      visit(p);
    }
  }
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : abs;
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function exists(p: string): boolean {
  return statOrUndefined(p) !== undefined;
}

/** A folder with no flow files is not an error (it exists); a missing path is. */
function namedExisting(arg: string, cwd: string): boolean {
  return statOrUndefined(resolve(cwd, arg))?.isDirectory() ?? false;
}
