// flowdeck tail: not built yet.
import { usageError } from '../command';

export async function run(_args: string[]): Promise<number> {
  return usageError('tail is not available yet');
}
