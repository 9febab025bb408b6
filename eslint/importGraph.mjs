// @ts-check
// The import graph of the product folders, each specifier resolved to a file by TypeScript's own
// module resolution (the same answer `tsc -b` gets), so a rule about "which file imports which"
// looks at files, never at the text of a specifier.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** Resolution options shared by every product folder (tsconfig.base.json). */
const options = {
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  allowImportingTsExtensions: false,
};

const cache = ts.createModuleResolutionCache(process.cwd(), (f) => f, options);

/**
 * The repository-relative file a specifier in `fromFile` resolves to, or undefined for a package
 * (anything under node_modules), a built-in, or what does not resolve.
 * @param {string} root absolute repository root
 * @param {string} fromFile absolute path of the importing file
 * @param {string} specifier the text of the import
 * @returns {string | undefined} forward-slashed path relative to `root`
 */
export function resolveImport(root, fromFile, specifier) {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  const resolved = ts.resolveModuleName(specifier, fromFile, options, ts.sys, cache).resolvedModule;
  if (!resolved || resolved.isExternalLibraryImport) return undefined;
  return toRepoPath(root, resolved.resolvedFileName);
}

/**
 * @param {string} root
 * @param {string} file absolute
 */
export function toRepoPath(root, file) {
  return relative(root, file).split(sep).join('/');
}

/**
 * Every module a file names: static imports and re-exports (type-only ones included, since a
 * type import still ties the two modules together), dynamic `import()` and `require()`.
 * @param {string} text
 * @returns {string[]}
 */
export function importedSpecifiers(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * @param {string} dir absolute
 * @returns {string[]} absolute paths of the .ts files below `dir`, declaration files excluded
 */
function tsFilesUnder(dir) {
  /** @type {string[]} */
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...tsFilesUnder(p));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * The graph of the given top folders: repository path -> the repository paths it imports.
 * @param {string} root absolute repository root
 * @param {readonly string[]} folders top folder names
 * @returns {Map<string, string[]>}
 */
export function importGraph(root, folders) {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const folder of folders) {
    for (const file of tsFilesUnder(join(root, folder))) {
      const targets = new Set();
      for (const spec of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const target = resolveImport(root, file, spec);
        if (target && target.endsWith('.ts')) targets.add(target);
      }
      graph.set(toRepoPath(root, file), [...targets].sort());
    }
  }
  return graph;
}

/**
 * The cycles of a graph, one per strongly connected component of more than one file (or a file
 * importing itself), each listed from its smallest path (Tarjan's algorithm, iterative).
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
export function stronglyConnected(graph) {
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const components = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    /** @type {Array<[string, number]>} */
    const work = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      if (i === 0) {
        index.set(node, next);
        low.set(node, next);
        next++;
        stack.push(node);
        onStack.add(node);
      }
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1] = i + 1;
        const to = edges[i];
        if (!index.has(to)) work.push([to, 0]);
        else if (onStack.has(to))
          low.set(node, Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (index.get(to))));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(/** @type {number} */ (low.get(parent)), /** @type {number} */ (low.get(node))));
      }
      if (low.get(node) === index.get(node)) {
        /** @type {string[]} */
        const component = [];
        let member;
        do {
          member = /** @type {string} */ (stack.pop());
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || edges.includes(node)) components.push(component.sort());
      }
    }
  }
  return components;
}
