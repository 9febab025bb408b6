// flowdeck run: not built yet.
import { usageError } from '../command';

export async function run(_args: string[]): Promise<number> {
  return usageError('run is not available yet');
}
