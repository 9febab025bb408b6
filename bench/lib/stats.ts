// Timing helpers for the benchmarks: warm up, repeat, report the median and percentiles.
import { performance } from 'node:perf_hooks';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns each run's milliseconds. */
export function timeSync(fn: (i: number) => unknown, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export interface Samples {
  /** Wall-clock milliseconds per run. */
  readonly wall: number[];
  /** CPU milliseconds (user + system, all threads of the process) per run: steadier on a busy machine. */
  readonly cpu: number[];
}

/** Like timeSync for several functions, run in turn each round; one sample set per function. */
export function interleaved(fns: readonly ((i: number) => unknown)[], runs: number, warmup: number): Samples[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn(-1 - i);
  const out = fns.map((): Samples => ({ wall: [], cpu: [] }));
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn(i);
      const t1 = performance.now();
      const c = process.cpuUsage(c0);
      out[k]!.wall.push(t1 - t0);
      out[k]!.cpu.push((c.user + c.system) / 1000);
    });
  }
  return out;
}

export const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');
