// flowdeck start FLOW: starts an execution (StartSyncExecution for Express flows) and optionally tails it.
import { randomBytes } from 'node:crypto';
import { usageError } from '../command';
import { runCloudCommand } from '../cloud/run';
import { TARGET_HELP } from '../cloud/target';
import { processIo, type CliIo } from '../cloud/io';
import { readInput } from '../cloud/input';
import { follow } from '../cloud/follow';
import { exitCodeFor, formatEnd } from '../cloud/format';

const HELP = `usage: flowdeck start FLOW [options]

Starts an execution of a deployed flow. Standard flows start asynchronously (add --tail to
follow the events); Express flows run synchronously and print their result.

  --input JSON|@FILE       execution input, a JSON object (default {})
  --name NAME              execution name (default flowdeck-<time>-<random>)
  --qualifier QUALIFIER    a published version ("1", "2", ...) or an alias of the flow to run
                           (default: its latest definition)
  --tail                   print the events until the execution ends (exit 0 only if it succeeded)

${TARGET_HELP}`;

export function run(args: string[], io: CliIo = processIo): Promise<number> {
  return runCloudCommand(args, HELP, { input: { type: 'string' }, name: { type: 'string' }, qualifier: { type: 'string' }, tail: { type: 'boolean' } }, io, async (v, positionals, target) => {
    if (positionals.length !== 1) return usageError(`start takes one FLOW name\n\n${HELP}`);
    const flowName = positionals[0] as string;
    const input = await readInput(v['input'] as string | undefined);
    const executionName = (v['name'] as string | undefined) ?? generatedName();
    const qualifier = v['qualifier'] as string | undefined;
    const request = { FlowName: flowName, ExecutionName: executionName, Input: input, ...(qualifier ? { Qualifier: qualifier } : {}) };
    const { client } = await target();
    const flow = await client.describeFlow(flowName);
    if (flow.ExecutionMode === 'Express') {
      const res = await client.startSyncExecution(request);
      io.out.write(`execution ${res.Name}\n` + formatEnd(res).join('\n') + '\n');
      return exitCodeFor(res);
    }
    const res = await client.startExecution(request);
    io.out.write(`started execution ${res.Name} of flow ${flowName} (${res.Status})\n`);
    if (!v['tail']) return 0;
    return follow(client, flowName, res.Name, io);
  });
}

/** Unique per run, valid under the execution name rules. */
function generatedName(): string {
  const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return `flowdeck-${stamp}-${randomBytes(3).toString('hex')}`;
}
