// Follows an execution's history: pages GetExecutionHistory by NextToken (Limit up to 999),
// re-reads the last page after each wait so events appended to it are picked up, skips anything
// at or below the last delivered EventId (a page boundary is a ScheduleEventId, not an EventId,
// so pages may overlap), and waits between polls in DescribeExecution's long poll, which returns
// early when the execution ends. Stops after the terminal event.
import type { Clock } from '../rpc/clock';
import type { CallOptions } from '../rpc/shared';
import { isTerminalEvent, isTerminalStatus } from './facts';
import type { DescribeExecutionRequest, Execution, GetExecutionHistoryRequest, HistoryEvent, Page, TailCursor, TailItem, TailOptions, WithRequestId } from './types';
import { checkRange } from './validate';

/** What a tail needs of a client (FnfClient is one): history pages, the execution's long poll, a clock. */
export interface ExecutionReader {
  readonly clock: Clock;
  getExecutionHistoryPage(req: GetExecutionHistoryRequest, opts?: CallOptions): Promise<Page<HistoryEvent>>;
  describeExecution(req: DescribeExecutionRequest, opts?: CallOptions): Promise<Execution & WithRequestId>;
}

const DEFAULT_POLL_MS = 1000;
const DEFAULT_PAGE_LIMIT = 999;

export async function* tailExecution(client: ExecutionReader, flowName: string, executionName: string, options: TailOptions = {}): AsyncGenerator<TailItem, void, undefined> {
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const limit = options.pageLimit ?? DEFAULT_PAGE_LIMIT;
  checkRange('pageLimit', limit, 1, 999, 'GetExecutionHistory');
  const signal = options.signal;
  const call = signal ? { signal } : {};
  let token = options.cursor?.nextToken;
  let lastEventId = options.cursor?.lastEventId ?? 0;
  let executionEnded: Execution | undefined;
  const cursor = (): TailCursor => ({ ...(token ? { nextToken: token } : {}), lastEventId });

  for (;;) {
    // Drain every page available now.
    let sawTerminalEvent = false;
    for (;;) {
      const page = await client.getExecutionHistoryPage({ FlowName: flowName, ExecutionName: executionName, Limit: limit, ...(token ? { NextToken: token } : {}) }, call);
      const fresh = [...page.items].filter((e) => e.EventId > lastEventId).sort((a, b) => a.EventId - b.EventId);
      for (const event of fresh) {
        lastEventId = event.EventId;
        // The cursor handed out with an event resumes *after* it: same page token, higher EventId.
        yield { type: 'event', event, cursor: cursor() };
        if (isTerminal(event)) sawTerminalEvent = true;
      }
      // A token that does not move would loop forever: treat it as the end of what exists now.
      if (sawTerminalEvent || !page.NextToken || page.NextToken === token) break;
      token = page.NextToken;
    }
    const waitSeconds = Math.min(60, Math.floor(pollMs / 1000));
    if (sawTerminalEvent || executionEnded) {
      const execution = executionEnded ?? (await finalState(client, flowName, executionName, Math.max(1, waitSeconds), call));
      yield { type: 'end', execution: stripRequestId(execution), cursor: cursor() };
      return;
    }
    // Wait for more: the long poll returns at once when the execution has ended.
    if (waitSeconds === 0) await client.clock.sleep(pollMs, signal);
    const exec = await client.describeExecution({ FlowName: flowName, ExecutionName: executionName, WaitTimeSeconds: waitSeconds }, call);
    if (isTerminalStatus(exec.Status)) executionEnded = exec; // one more drain, then stop
  }
}

/**
 * The execution's final record. The terminal event can be visible before the execution's status
 * says so, so a non-terminal answer is followed by long polls, which return as soon as it ends.
 */
async function finalState(client: ExecutionReader, flowName: string, executionName: string, waitSeconds: number, call: { signal?: AbortSignal }): Promise<Execution> {
  let exec = await client.describeExecution({ FlowName: flowName, ExecutionName: executionName }, call);
  for (let i = 0; i < 5 && !isTerminalStatus(exec.Status); i++) {
    exec = await client.describeExecution({ FlowName: flowName, ExecutionName: executionName, WaitTimeSeconds: waitSeconds }, call);
  }
  return exec;
}

function isTerminal(e: HistoryEvent): boolean {
  return isTerminalEvent(e.Type);
}

function stripRequestId(e: Execution & { RequestId?: string }): Execution {
  const copy: Execution & { RequestId?: string } = { ...e };
  delete copy.RequestId;
  return copy;
}
