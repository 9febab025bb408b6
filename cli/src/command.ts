// What every sub-command module exports, and the shared way to report a usage error (exit 2).
export interface CommandModule {
  /** Runs the command with its own arguments; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

export function usageError(message: string): number {
  process.stderr.write(`flowdeck: ${message}\n`);
  return 2;
}
