// Runs `flowdeck ARGS...` through the real command table in this process, in a given folder and
// environment, with what it prints captured.
import { runCli } from '../../../cli/src/cli';
import { processIo, type CliIo } from '../../../cli/src/command/io';

export interface FlowdeckResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function flowdeck(argv: readonly string[], where: { cwd: string; env?: CliIo['env'] }): Promise<FlowdeckResult> {
  let out = '';
  let err = '';
  const io: CliIo = {
    ...processIo(),
    cwd: where.cwd,
    env: where.env ?? process.env,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
