// Prints an execution's events as they happen until it ends; Ctrl-C stops following (not the execution).
import type { FnfClient } from '../../../cloud/src/fnf';
import { CloudError } from '../../../cloud/src';
import { exitCodeFor, formatEnd, formatEvent } from './format';
import type { CliIo } from './io';

export async function follow(client: FnfClient, flow: string, execution: string, io: CliIo, pollIntervalMs?: number): Promise<number> {
  const ac = new AbortController();
  const onSignal = (): void => ac.abort();
  process.once('SIGINT', onSignal);
  try {
    for await (const item of client.tailExecution(flow, execution, { signal: ac.signal, ...(pollIntervalMs ? { pollIntervalMs } : {}) })) {
      if (item.type === 'event') io.out.write(formatEvent(item.event) + '\n');
      else {
        io.out.write(formatEnd(item.execution).join('\n') + '\n');
        return exitCodeFor(item.execution);
      }
    }
    return 1;
  } catch (err) {
    if (err instanceof CloudError && err.code === 'Aborted') {
      io.err.write(`flowdeck: stopped following; the execution keeps running. Resume with: flowdeck tail ${flow} ${execution}\n`);
      return 130;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
