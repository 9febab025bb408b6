// GetExecutionHistory: events in EventId order, paged. The page token is the EventId of the last
// event returned (which is the next event's ScheduleEventId in a straight chain, as the service
// documents); no NextToken means every event so far has been returned.
import { rpcErrors } from '../transport/errors';
import type { FnfContext } from './context';
import { existingExecution } from './executions';
import { pageToken, type FnfParams, type FnfHandlers } from './params';

export function getExecutionHistory(ctx: FnfContext, p: FnfParams<'GetExecutionHistory'>): unknown {
  const entry = existingExecution(ctx, p);
  // The current reference: "[1,1000), default 60".
  const limit = p.Limit ?? 60;
  const token = pageToken(p.NextToken);
  let after = 0;
  if (token !== undefined) {
    if (!/^\d+$/.test(token)) throw rpcErrors.invalidArgument(`NextToken '${token}' was not issued by GetExecutionHistory; pass the NextToken of the previous page.`);
    after = Number(token);
  }
  const events = entry.events;
  // EventIds are 1, 2, 3...: binary search keeps deep pages cheap on long histories.
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid]?.EventId ?? 0) <= after) lo = mid + 1;
    else hi = mid;
  }
  const pageEvents = events.slice(lo, lo + limit);
  const last = pageEvents.at(-1);
  const more = lo + limit < events.length;
  return more && last ? { Events: pageEvents, NextToken: String(last.EventId) } : { Events: pageEvents };
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const historyHandlers = {
  GetExecutionHistory: getExecutionHistory,
} satisfies Partial<FnfHandlers>;
