// Types of importGraph.mjs, for the TypeScript tests that read the graph.
export function resolveImport(root: string, fromFile: string, specifier: string): string | undefined;
export function toRepoPath(root: string, file: string): string;
export function importedSpecifiers(text: string): string[];
export function importGraph(root: string, folders: readonly string[]): Map<string, string[]>;
export function stronglyConnected(graph: Map<string, string[]>): string[][];
