// flowdeck start FLOW: starts an execution (StartSyncExecution for Express flows) and optionally tails it.
import { randomBytes } from 'node:crypto';
import { defineCommand } from '../command/define';
import { follow } from '../cloud/follow';
import { TARGET_NOTES, TARGET_OPTIONS } from '../cloud/target';
import { withTarget } from '../cloud/withTarget';
import { EventPrinter } from '../execution/eventPrinter';
import { INPUT_OPTION, readInput } from '../input';

export default defineCommand({
  summary: 'start an execution of a deployed flow',
  operands: ['FLOW'],
  description: [
    'Starts an execution of a deployed flow. Standard flows start asynchronously (add --tail to',
    'follow the events); Express flows run synchronously and print their result.',
  ].join('\n'),
  options: {
    input: INPUT_OPTION,
    name: { type: 'string', value: 'NAME', help: 'execution name (default flowdeck-<time>-<random>)' },
    qualifier: {
      type: 'string',
      value: 'QUALIFIER',
      help: 'a published version ("1", "2", ...) or an alias of the flow to run\n(default: its latest definition)',
    },
    tail: { type: 'boolean', help: 'print the events until the execution ends (exit 0 only if it succeeded)' },
    ...TARGET_OPTIONS,
  },
  notes: TARGET_NOTES,
  run: withTarget(async ({ options, operands: [flowName = ''] }, io, target) => {
    const input = readInput(options.input, io.cwd);
    const executionName = options.name ?? generatedName();
    const qualifier = options.qualifier;
    const request = { FlowName: flowName, ExecutionName: executionName, Input: input, ...(qualifier ? { Qualifier: qualifier } : {}) };
    const { client } = await target();
    const flow = await client.describeFlow(flowName);
    if (flow.ExecutionMode === 'Express') {
      const res = await client.startSyncExecution(request);
      io.stdout(`execution ${res.Name}\n`);
      return new EventPrinter(io.stdout).end(res);
    }
    const res = await client.startExecution(request);
    io.stdout(`started execution ${res.Name} of flow ${flowName} (${res.Status})\n`);
    if (!options.tail) return 0;
    return follow(client, flowName, res.Name, io);
  }),
});

/** Unique per run, valid under the execution name rules. */
function generatedName(): string {
  const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return `flowdeck-${stamp}-${randomBytes(3).toString('hex')}`;
}
