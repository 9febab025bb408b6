// flowdeck tail FLOW EXECUTION: prints an execution's events until it ends.
import { defineCommand } from '../command/define';
import { UsageError } from '../command/usageError';
import { follow } from '../cloud/follow';
import { TARGET_NOTES, TARGET_OPTIONS } from '../cloud/target';
import { withTarget } from '../cloud/withTarget';

export default defineCommand({
  summary: "print an execution's events until it ends",
  operands: ['FLOW', 'EXECUTION'],
  description: [
    'Prints every event of the execution once, in order (time, type, step, detail), following it',
    'until it ends, then its status, output or error. Exit status 0 only if it succeeded.',
  ].join('\n'),
  options: {
    interval: { type: 'string', value: 'MS', help: 'time between polls while it runs (default 1000)' },
    ...TARGET_OPTIONS,
  },
  notes: TARGET_NOTES,
  run: withTarget(async ({ options, operands: [flow = '', execution = ''] }, io, target) => {
    const interval = options.interval === undefined ? undefined : Number(options.interval);
    if (interval !== undefined && !(Number.isInteger(interval) && interval >= 100 && interval <= 60_000)) {
      throw new UsageError('--interval must be a number of milliseconds from 100 to 60000');
    }
    const { client } = await target();
    return follow(client, flow, execution, io, interval);
  }),
});
