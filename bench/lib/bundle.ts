// Benchmarks measure the code as it ships: bundled by esbuild with the same options as
// esbuild.mjs, not as tsx transpiles it on the fly (tsx keeps function names, which adds a call
// per closure creation and skews hot paths).
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function loadBundled<T>(entry: string, name: string): T {
  return createRequire(import.meta.filename)(bundle(entry, name)) as T;
}

/**
 * Runs `entry`, bundled, in a Node process of its own (as a language server has one: this
 * process's other measures and their garbage stay out of it); returns the last line it printed, as JSON.
 */
export function runBundled<T>(entry: string, name: string, args: readonly string[], nodeArgs: readonly string[] = [], external: readonly string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeArgs, bundle(entry, name, external), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/**
 * Bundles `entry` (a path from the repository root) into out/bench/<name>.cjs; returns that file.
 * Packages in `external` stay out of it, required from node_modules when it runs.
 */
export function bundle(entry: string, name: string, external: readonly string[] = []): string {
  const root = join(import.meta.dirname, '..', '..');
  const outfile = join(root, 'out', 'bench', `${name}.cjs`);
  buildSync({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    // as esbuild.mjs: proxy-agent is an optional lazy require of ali-oss's HTTP client
    external: ['vscode', 'proxy-agent', ...external],
    logLevel: 'warning',
  });
  return outfile;
}
