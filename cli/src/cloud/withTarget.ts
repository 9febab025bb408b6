// What deploy/start/tail share: the target options, the target resolved (and announced on stderr)
// when first asked for, errors with AccessKey IDs masked, and the connection pool always released.
import { CloudError, LocalErrorCodes } from '../../../cloud/src';
import type { CommandArgs, OptionSpecs } from '../command/define';
import type { CliIo } from '../command/io';
import { UsageError } from '../command/usageError';
import { resolveTarget, type TARGET_OPTIONS, type Target, type TargetFlags } from './target';
import { maskAccessKeyIds } from './mask';

// The commands do not start an emulator of their own: one that lived only as long as `deploy` or
// `start` would take its running executions down with it. They name the command that starts one.
const NO_EMULATOR_HINT =
  'No local emulator is answering there. Start one in another terminal with `flowdeck emulator` ' +
  '(in a clone of the repository: `node dist/cli.js emulator`), or set FLOWDECK_EMULATOR_ENDPOINT to where yours listens; ' +
  'to use Alibaba Cloud instead, configure credentials or pass --region.\n';

type Body<O extends OptionSpecs> = (args: CommandArgs<O>, io: CliIo, target: () => Promise<Target>) => Promise<number>;

/** A command's `run` that may talk to the target its options (TARGET_OPTIONS among them) choose. */
export function withTarget<O extends OptionSpecs & typeof TARGET_OPTIONS>(body: Body<O>): (args: CommandArgs<O>, io: CliIo) => Promise<number> {
  return async (args, io) => {
    let resolved: Target | undefined;
    const target = async (): Promise<Target> => {
      resolved ??= await resolveTarget(args.options as TargetFlags, io.env, (line) => io.stderr(`  ${line}\n`));
      io.stderr(`target: ${resolved.description}\n`);
      return resolved;
    };
    try {
      return await body(args, io, target);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      // The CLI masks the AccessKey ID it announces; a service message quoting it is masked too.
      io.stderr(`flowdeck: ${maskAccessKeyIds(err instanceof Error ? err.message : String(err), resolved?.accessKeyId)}\n`);
      if (resolved?.isLocal && err instanceof CloudError && err.code === LocalErrorCodes.network) io.stderr(NO_EMULATOR_HINT);
      return 1;
    } finally {
      await resolved?.client.close();
    }
  };
}
