// flowdeck emulator: not built yet.
import { usageError } from '../command';

export async function run(_args: string[]): Promise<number> {
  return usageError('emulator is not available yet');
}
