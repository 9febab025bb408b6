// Bounded concurrency with fail-fast for Parallel/Map (and legacy parallel/foreach) children.
import { Canceller, type CancelSignal } from './cancel';
import { abortReason } from './clock';

/**
 * Runs `count` jobs with at most `concurrency` at a time. Resolves to their results in order, or
 * rejects with the first failure after aborting the rest and waiting for them to settle.
 */
export async function allOrFirstFailure<T>(
  signal: CancelSignal,
  count: number,
  concurrency: number,
  job: (index: number, signal: CancelSignal) => Promise<T>,
): Promise<T[]> {
  if (signal.aborted) throw abortReason(signal);
  const controller = new Canceller();
  const onParentAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', onParentAbort, { once: true });
  const results = new Array<T>(count);
  let next = 0;
  let firstFailure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < count && !controller.signal.aborted) {
      const i = next++;
      try {
        results[i] = await job(i, controller.signal);
      } catch (e) {
        if (!firstFailure) {
          firstFailure = { error: e };
          controller.abort(e);
        }
        return;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    signal.removeEventListener('abort', onParentAbort);
  }
  if (firstFailure) throw firstFailure.error;
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
  return results;
}
