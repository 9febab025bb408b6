// Prints an execution's events as they happen until it ends; Ctrl-C stops following (not the execution).
import type { FnfClient } from '../../../cloud/src/fnf';
import { CloudError } from '../../../cloud/src';
import type { CliIo } from '../command/io';
import { EventPrinter } from '../execution/eventPrinter';

export async function follow(client: FnfClient, flow: string, execution: string, io: CliIo, pollIntervalMs?: number): Promise<number> {
  const ac = new AbortController();
  const removeInterrupt = io.onSignal(['SIGINT'], () => ac.abort());
  const printer = new EventPrinter(io.stdout);
  try {
    for await (const item of client.tailExecution(flow, execution, { signal: ac.signal, ...(pollIntervalMs ? { pollIntervalMs } : {}) })) {
      if (item.type === 'event') printer.event(item.event);
      else return printer.end(item.execution);
    }
    return 1;
  } catch (err) {
    if (err instanceof CloudError && err.code === 'Aborted') {
      io.stderr(`flowdeck: stopped following; the execution keeps running. Resume with: flowdeck tail ${flow} ${execution}\n`);
      return 130;
    }
    throw err;
  } finally {
    removeInterrupt();
  }
}
