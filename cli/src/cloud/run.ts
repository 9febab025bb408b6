// Shared scaffolding of deploy/start/tail: parse flags (target flags included), resolve the
// target, announce it, run, and always release the connection pool.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../command';
import { resolveTarget, TARGET_OPTIONS, type Target, type TargetFlags } from './target';
import type { CliIo } from './io';
import { maskAccessKeyIds } from './mask';

type Options = NonNullable<ParseArgsConfig['options']>;

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
    return 1;
  } finally {
    await resolved?.client.close();
  }
}
