// V8 settings for Flowdeck's own processes (the language server, the `flowdeck` command and the
// emulator it runs, and the benchmarks that measure them as they run): set before their bundle is
// compiled, as a code cache is only taken under the flags it was made with.
import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring. Once V8 saw objects of an allocation site survive a
 * young-generation collection, it allocated that site's objects straight into the old generation,
 * where only a full collection frees them, and a dead old object then kept the young ones it
 * points to alive through every young collection. Both of Flowdeck's workloads make objects that
 * live a little while and die together:
 * - a validation's tree and model, until the next version replaces them: at 1,000 states, each
 *   young collection copied and promoted 6-13 MB and took 20-35 ms, and a whole validation cost
 *   about twice its own work (median 7.9 ms against 4.9 ms for a JSON flow, side by side);
 * - an execution's values and events: the interpreter ran a 100-state chain at 340,000-410,000
 *   transitions a second for seconds on end, against 940,000-1,020,000 with pretenuring off.
 * Plain allocation keeps that garbage young, where it is freed for nothing.
 */
export function keepShortLivedObjectsYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
