// flowdeck start: not built yet.
import { usageError } from '../command';

export async function run(_args: string[]): Promise<number> {
  return usageError('start is not available yet');
}
