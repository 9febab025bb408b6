// Opt-in fault injection for testing clients: throttling (429), server errors (500) and delays,
// drawn from a seeded generator so a failing run can be replayed.

export interface FaultOptions {
  /** Share of requests (0..1) answered 429 `ResourceThrottled`. */
  throttleRate?: number;
  /** Share of requests (0..1) answered 500 `InternalServerError`. */
  errorRate?: number;
  /** Share of requests (0..1) delayed by `delayMs` before being handled. */
  delayRate?: number;
  /** How long a delayed request waits, in milliseconds. Default 1000. */
  delayMs?: number;
  /** Seed of the generator; the same seed gives the same sequence of faults. Default 1. */
  seed?: number;
}

export type FaultDecision = { kind: 'none' } | { kind: 'throttle' } | { kind: 'error' };

/** Draws, per request, whether to delay it and whether to fail it. */
export class FaultInjector {
  private state: number;
  readonly throttleRate: number;
  readonly errorRate: number;
  readonly delayRate: number;
  readonly delayMs: number;

  constructor(options: FaultOptions) {
    this.throttleRate = rate(options.throttleRate, 'throttleRate');
    this.errorRate = rate(options.errorRate, 'errorRate');
    this.delayRate = rate(options.delayRate, 'delayRate');
    this.delayMs = options.delayMs ?? 1000;
    if (!Number.isFinite(this.delayMs) || this.delayMs < 0) {
      throw new Error(`faults.delayMs must be a number of milliseconds >= 0, got ${options.delayMs}.`);
    }
    if (this.throttleRate + this.errorRate > 1) {
      throw new Error('faults.throttleRate + faults.errorRate must not exceed 1.');
    }
    this.state = (options.seed ?? 1) >>> 0;
  }

  /** Milliseconds to hold this request before handling it (0 for most). */
  nextDelay(): number {
    return this.delayRate > 0 && this.random() < this.delayRate ? this.delayMs : 0;
  }

  /** Whether this request is answered with an injected error instead of being handled. */
  nextFault(): FaultDecision {
    if (this.throttleRate === 0 && this.errorRate === 0) return { kind: 'none' };
    const r = this.random();
    if (r < this.throttleRate) return { kind: 'throttle' };
    if (r < this.throttleRate + this.errorRate) return { kind: 'error' };
    return { kind: 'none' };
  }

  /** mulberry32: tiny, fast and good enough to spread faults evenly. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

function rate(value: number | undefined, name: string): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`faults.${name} must be a number from 0 to 1, got ${value}.`);
  return v;
}

/**
 * Parses the CLI form `throttle=0.1,error=0.05,delay=0.2,delayMs=500,seed=7` (every key optional).
 */
export function parseFaultSpec(spec: string): FaultOptions {
  const out: FaultOptions = {};
  const keys: Record<string, keyof FaultOptions> = {
    throttle: 'throttleRate', throttleRate: 'throttleRate',
    error: 'errorRate', errorRate: 'errorRate',
    delay: 'delayRate', delayRate: 'delayRate',
    delayMs: 'delayMs', seed: 'seed',
  };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k, v] = part.split('=', 2);
    const key = k ? keys[k] : undefined;
    const n = Number(v);
    if (!key || v === undefined || v.trim() === '' || !Number.isFinite(n)) {
      throw new Error(`Bad fault setting '${part}'. Use key=number pairs separated by commas, keys: throttle, error, delay, delayMs, seed (e.g. throttle=0.1,error=0.05).`);
    }
    out[key] = n;
  }
  new FaultInjector(out); // validates ranges with the same messages
  return out;
}
