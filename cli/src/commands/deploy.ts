// flowdeck deploy FILE: checks the flow with the language service, then creates or updates it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { load } from 'js-yaml';
import { usageError } from '../command';
import { lintFiles } from '../lint/lintFiles';
import { toTextLines } from '../lint/report';
import { runCloudCommand } from '../cloud/run';
import { TARGET_HELP } from '../cloud/target';
import { processIo, type CliIo } from '../cloud/io';
import type { ExecutionMode } from '../../../cloud/src/fnf';

const HELP = `usage: flowdeck deploy FILE [options]

Creates the flow, or updates it when a flow with that name exists (DescribeFlow, then
UpdateFlow or CreateFlow). The file is checked first; errors stop the deploy.

  --name NAME              flow name (default: the definition's Name/name, else the file name)
  --mode Standard|Express  execution mode for a new flow (it cannot change on update)
  --role-arn ARN           RAM role the flow runs as
  --description TEXT       flow description
  --force                  deploy even if the file has errors

${TARGET_HELP}`;

export function run(args: string[], io: CliIo = processIo): Promise<number> {
  return runCloudCommand(args, HELP,
    { name: { type: 'string' }, mode: { type: 'string' }, 'role-arn': { type: 'string' }, description: { type: 'string' }, force: { type: 'boolean' } },
    io,
    async (v, positionals, target) => {
      if (positionals.length !== 1) return usageError(`deploy takes one FILE\n\n${HELP}`);
      const file = positionals[0] as string;
      const mode = v['mode'] as string | undefined;
      if (mode !== undefined && mode !== 'Standard' && mode !== 'Express') return usageError(`--mode must be Standard or Express, got '${mode}'`);
      const text = await readFile(file, 'utf8').catch((err: Error) => {
        throw new Error(`cannot read ${file}: ${err.message}`);
      });
      const [result] = lintFiles([file], { cwd: process.cwd() });
      const errors = result?.diagnostics.filter((d) => d.severity === 1) ?? [];
      if (errors.length > 0) {
        io.err.write(toTextLines(result ? [result] : []).join('\n') + '\n');
        if (!v['force']) {
          io.err.write(`flowdeck: ${file} has ${errors.length} error(s); fix them or pass --force to deploy anyway\n`);
          return 1;
        }
      }
      const name = (v['name'] as string | undefined) ?? nameFromDefinition(text) ?? basename(file).replace(/(\.flow)?\.(ya?ml|json)$/i, '');
      const t = await target();
      const res = await t.client.deployFlow({
        Name: name,
        Definition: text,
        ...(mode ? { ExecutionMode: mode as ExecutionMode } : {}),
        ...(v['role-arn'] ? { RoleArn: v['role-arn'] as string } : {}),
        ...(v['description'] ? { Description: v['description'] as string } : {}),
      });
      io.out.write(`${res.action} flow ${name} (${res.flow.ExecutionMode ?? 'Standard'}) request id ${res.flow.RequestId}\n`);
      if (res.executionModeUnchanged) io.err.write(`warning: ${res.executionModeUnchanged.message}\n`);
      return 0;
    },
  );
}

/** The flow's own name: `Name` (current spec) or `name` (legacy), when it is a valid name. */
function nameFromDefinition(text: string): string | undefined {
  try {
    const doc = load(text) as Record<string, unknown> | null;
    const name = doc && typeof doc === 'object' ? (doc['Name'] ?? doc['name']) : undefined;
    return typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}
