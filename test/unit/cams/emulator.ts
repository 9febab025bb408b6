// Starts an emulator (it serves CAMS and CynosDB among its built-in products) for client tests,
// on a free loopback port with its own data folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultOptions } from '../../../emulator/src/faults';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';

export interface TestEmulator extends RunningEmulator {
  readonly dataDir: string;
}

export async function startTestEmulator(options: { now?: () => number; faults?: FaultOptions } = {}): Promise<TestEmulator> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-wa-'));
  const emulator = await startEmulator({ dataDir, port: 0, onError: () => undefined, ...(options.now ? { now: options.now } : {}), ...(options.faults ? { faults: options.faults } : {}) });
  return {
    ...emulator,
    dataDir,
    close: async () => {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
