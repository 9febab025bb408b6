// V8 settings for a process that keeps document trees: the language server, and the benchmarks
// that measure it as it runs.
import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring. Each validation builds a tree and a model that live
 * until the next version replaces them. Once V8 saw them survive, it allocated their nodes
 * straight into the old generation, and a dead version's old nodes then kept its young ones alive
 * through every young-generation collection: at 1,000 states, each collection copied and promoted
 * 6-13 MB and took 20-35 ms, and a whole validation cost about twice its own work (median 7.9 ms
 * against 4.9 ms for a JSON flow, measured side by side). Plain allocation keeps a version's
 * garbage young, where it is freed for nothing.
 */
export function tuneHeapForDocumentTrees(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
