// flowdeck lint: not built yet.
import { usageError } from '../command';

export async function run(_args: string[]): Promise<number> {
  return usageError('lint is not available yet');
}
