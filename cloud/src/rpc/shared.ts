// What the Alibaba RPC caller and the Tencent TC3 caller share: options for the world they touch
// (HTTP, clock, randomness, buckets, log), and the loop that rate-limits, sends and retries.
import { CloudError, LocalErrorCodes } from '../errors';
import { createUndiciTransport, type HttpTransport } from '../http/transport';
import { systemClock, type Clock } from './clock';
import { defaultRetryPolicy, backoffDelayMs, type RetryPolicy } from './retry';
import { RateLimiter, type Quota } from './tokenBucket';
import { uuidV4 } from '../uuid';

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Request timeout for this call (e.g. longer for a long poll). */
  readonly timeoutMs?: number;
}

/** One line per request attempt and outcome; never parameters or credentials. */
export type CloudLog = (line: string) => void;

export interface CallerRuntimeOptions {
  readonly transport?: HttpTransport;
  readonly clock?: Clock;
  /** Shared across callers so every client in a process draws from the same buckets. */
  readonly rateLimiter?: RateLimiter;
  readonly retry?: Partial<RetryPolicy>;
  /** [0,1) source for jitter. */
  readonly random?: () => number;
  readonly nonce?: () => string;
  readonly log?: CloudLog;
  readonly userAgent?: string;
}

let processLimiter: RateLimiter | undefined;

/** The process-wide limiter used when none is injected, so a tail and a tree refresh share quotas. */
export function defaultRateLimiter(): RateLimiter {
  processLimiter ??= new RateLimiter(systemClock);
  return processLimiter;
}

export interface ResolvedRuntime {
  readonly transport: HttpTransport;
  readonly ownsTransport: boolean;
  readonly clock: Clock;
  readonly rateLimiter: RateLimiter;
  readonly retry: RetryPolicy;
  readonly random: () => number;
  readonly nonce: () => string;
  readonly log: CloudLog;
  readonly userAgent: string;
}

export function resolveRuntime(o: CallerRuntimeOptions): ResolvedRuntime {
  return {
    transport: o.transport ?? createUndiciTransport(),
    ownsTransport: o.transport === undefined,
    clock: o.clock ?? systemClock,
    rateLimiter: o.rateLimiter ?? (o.clock ? new RateLimiter(o.clock) : defaultRateLimiter()),
    retry: { ...defaultRetryPolicy, ...o.retry },
    random: o.random ?? Math.random,
    nonce: o.nonce ?? (() => uuidV4()),
    log: o.log ?? (() => undefined),
    userAgent: o.userAgent ?? 'flowdeck',
  };
}

/** `https://host` for a bare host; an explicit scheme (http for the emulator) is kept. */
export function normalizeEndpoint(endpoint: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CloudError({ status: 0, code: LocalErrorCodes.invalidInput, message: `'${endpoint}' is not a valid endpoint URL`, hint: 'Give an endpoint like https://cn-hangzhou.fnf.aliyuncs.com or http://127.0.0.1:8787.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CloudError({ status: 0, code: LocalErrorCodes.invalidInput, message: `endpoint '${endpoint}' must use http or https` });
  }
  return url;
}

/**
 * Takes a token, runs one attempt, and retries retryable CloudErrors with backoff. Each attempt is
 * re-signed by `attempt` (fresh timestamp and nonce: the service rejects a reused nonce).
 */
export async function callWithRetries<T>(
  rt: ResolvedRuntime,
  bucketKey: string,
  quota: Quota,
  label: string,
  options: CallOptions,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw new CloudError({ status: 0, code: LocalErrorCodes.aborted, message: 'the request was cancelled', action: label });
    await rt.rateLimiter.take(bucketKey, quota, options.signal);
    const started = rt.clock.now();
    try {
      const result = await attempt(n);
      rt.log(`${label} ok in ${rt.clock.now() - started} ms${n > 1 ? ` (attempt ${n})` : ''}`);
      return result;
    } catch (err) {
      const e = err instanceof CloudError ? err : new CloudError({ status: 0, code: LocalErrorCodes.badResponse, message: String(err), action: label, cause: err });
      if (!e.retryable || n >= rt.retry.maxAttempts) {
        rt.log(`${label} failed: ${e.code}${e.status ? ` [HTTP ${e.status}]` : ''}${e.requestId ? ` request id ${e.requestId}` : ''}`);
        throw e;
      }
      const delay = backoffDelayMs(n, rt.retry, rt.random, e);
      rt.log(`${label} ${e.code}${e.status ? ` [HTTP ${e.status}]` : ''}; retry ${n} of ${rt.retry.maxAttempts - 1} in ${delay} ms`);
      await rt.clock.sleep(delay, options.signal);
    }
  }
}

/** Parses a JSON body or throws `InvalidResponse` with a short excerpt (never the request). */
export function parseJsonBody(body: string, status: number, label: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const excerpt = body.length > 120 ? body.slice(0, 120) + '…' : body;
    throw new CloudError({ status, code: status >= 500 ? 'InternalServerError' : LocalErrorCodes.badResponse, message: `the endpoint returned non-JSON: ${JSON.stringify(excerpt)}`, action: label });
  }
}
