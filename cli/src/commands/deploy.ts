// flowdeck deploy FILE: checks the flow with the language service, then creates or updates it.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
// `require`, not `import`: one js-yaml in the bundle, its CommonJS build, as server/src/parse/yaml.ts explains.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate, see above
import jsYaml = require('js-yaml');
import { lintFiles } from '../lint/lintFiles';
import { toTextLines } from '../lint/report';
import { defineCommand } from '../command/define';
import { TARGET_NOTES, TARGET_OPTIONS } from '../cloud/target';
import { withTarget } from '../cloud/withTarget';
import { findDeploySettings, flowNameOfFile } from '../../../cloud/src/fnf';

export default defineCommand({
  summary: 'create or update a flow',
  operands: ['FILE'],
  description: [
    'Creates the flow, or updates it when a flow with that name exists (DescribeFlow, then',
    'UpdateFlow or CreateFlow). The file is checked first; errors stop the deploy.',
    "The file's entry in the nearest .flowdeck/flows.json above it (which the editor's Deploy Flow",
    'writes) gives its flow name, mode, role and description; options given here win.',
  ].join('\n'),
  options: {
    name: { type: 'string', value: 'NAME', help: "flow name (default: the saved one, else the definition's Name/name, else the file name)" },
    mode: { type: 'string', choices: ['Standard', 'Express'], help: 'execution mode for a new flow (default: the saved one, else Standard; it cannot change on update)' },
    'role-arn': { type: 'string', value: 'ARN', help: 'RAM role the flow runs as' },
    description: { type: 'string', value: 'TEXT', help: 'flow description' },
    force: { type: 'boolean', help: 'deploy even if the file has errors' },
    ...TARGET_OPTIONS,
  },
  notes: TARGET_NOTES,
  run: withTarget(async ({ options, operands: [file = ''] }, io, target) => {
    const path = resolve(io.cwd, file);
    const text = await readFile(path, 'utf8').catch((err: Error) => {
      throw new Error(`cannot read ${file}: ${err.message}`);
    });
    const [result] = lintFiles([file], { cwd: io.cwd });
    const errors = result?.diagnostics.filter((d) => d.severity === 1) ?? [];
    if (errors.length > 0) {
      io.stderr(toTextLines(result ? [result] : []).join('\n') + '\n');
      if (!options.force) {
        io.stderr(`flowdeck: ${file} has ${errors.length} error(s); fix them or pass --force to deploy anyway\n`);
        return 1;
      }
    }
    const saved = findDeploySettings(path);
    if (saved) io.stderr(`settings: ${relative(io.cwd, saved.path)} (flow ${saved.settings.name}, ${saved.settings.executionMode})\n`);
    const name = options.name ?? saved?.settings.name ?? flowNameOfFile(definitionValue(text), file);
    const mode = options.mode ?? saved?.settings.executionMode;
    const roleArn = options['role-arn'] ?? saved?.settings.roleArn;
    const description = options.description ?? saved?.settings.description;
    const t = await target();
    const res = await t.client.deployFlow({
      Name: name,
      Definition: text,
      ...(mode ? { ExecutionMode: mode } : {}),
      ...(roleArn ? { RoleArn: roleArn } : {}),
      ...(description ? { Description: description } : {}),
    });
    io.stdout(`${res.action} flow ${name} (${res.flow.ExecutionMode ?? 'Standard'}) request id ${res.flow.RequestId}\n`);
    if (res.executionModeUnchanged) io.stderr(`warning: ${res.executionModeUnchanged.message}\n`);
    return 0;
  }),
});

/** The definition's plain value, to read the name it declares; undefined when it cannot be read. */
function definitionValue(text: string): unknown {
  try {
    return jsYaml.load(text);
  } catch {
    return undefined;
  }
}
