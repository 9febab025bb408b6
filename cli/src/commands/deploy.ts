// flowdeck deploy: not built yet.
import { usageError } from '../command';

export async function run(_args: string[]): Promise<number> {
  return usageError('deploy is not available yet');
}
