// Retry schedule: exponential backoff with full jitter, honouring the service's retry-after.
import type { CloudError } from '../errors';

export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 20_000 };

/**
 * Delay before retry number `attempt` (1 = the first retry): a random point in
 * [cap/2, cap] where cap = min(max, base * 2^(attempt-1)), or the server's retry-after if longer.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number, err?: CloudError): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = cap / 2 + random() * (cap / 2);
  const serverSays = err?.retryAfterMs ?? 0;
  return Math.round(Math.max(jittered, Math.min(serverSays, policy.maxDelayMs * 3)));
}

/** `x-acs-retry-after` is in milliseconds in the SDK (OpenApiUtil.getThrottlingTimeLeft); accept seconds-style `retry-after` too. */
export function parseRetryAfter(headers: Readonly<Record<string, string>>): number | undefined {
  const acs = headers['x-acs-retry-after'];
  if (acs !== undefined && /^\d+(\.\d+)?$/.test(acs.trim())) return Number(acs);
  const std = headers['retry-after'];
  if (std !== undefined && /^\d+$/.test(std.trim())) return Number(std) * 1000;
  return undefined;
}
