// Shared scaffolding of deploy/start/tail: parse flags (target flags included), resolve the
// target, announce it, run, and always release the connection pool.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CloudError, LocalErrorCodes } from '../../../cloud/src';
import { usageError } from '../command';
import { resolveTarget, TARGET_OPTIONS, type Target, type TargetFlags } from './target';
import type { CliIo } from './io';
import { maskAccessKeyIds } from './mask';

type Options = NonNullable<ParseArgsConfig['options']>;

// The commands do not start an emulator of their own: one that lived only as long as `deploy` or
// `start` would take its running executions down with it. They name the command that starts one.
const NO_EMULATOR_HINT =
  'No local emulator is answering there. Start one in another terminal with `flowdeck emulator` ' +
  '(in a clone of the repository: `node dist/cli.js emulator`), or set FLOWDECK_EMULATOR_ENDPOINT to where yours listens; ' +
  'to use Alibaba Cloud instead, configure credentials or pass --region.\n';

export async function runCloudCommand<O extends Options>(
  args: string[],
  help: string,
  options: O,
  io: CliIo,
  body: (values: Record<string, string | boolean | undefined>, positionals: string[], target: () => Promise<Target>) => Promise<number>,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, ...TARGET_OPTIONS, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    return usageError(`${err instanceof Error ? err.message : String(err)}\n\n${help}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help']) {
    io.out.write(help);
    return 0;
  }
  let resolved: Target | undefined;
  const target = async (): Promise<Target> => {
    resolved ??= await resolveTarget(values as TargetFlags, process.env, (line) => io.err.write(`  ${line}\n`));
    io.err.write(`target: ${resolved.description}\n`);
    return resolved;
  };
  try {
    return await body(values, parsed.positionals, target);
  } catch (err) {
    // The CLI masks the AccessKey ID it announces; a service message quoting it is masked too.
    io.err.write(`flowdeck: ${maskAccessKeyIds(err instanceof Error ? err.message : String(err), resolved?.accessKeyId)}\n`);
    if (resolved?.isLocal && err instanceof CloudError && err.code === LocalErrorCodes.network) io.err.write(NO_EMULATOR_HINT);
    return 1;
  } finally {
    await resolved?.client.close();
  }
}
