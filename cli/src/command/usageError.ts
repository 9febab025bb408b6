// A mistake in how a command was called: reported with the command's usage, exit status 2.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE_EXIT_CODE = 2;
