// Starts an emulator that serves CAMS and CynosDB for client tests, on a free loopback port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { camsProduct } from '../../../emulator/src/api/cams';
import { cynosdbProduct } from '../../../emulator/src/api/cynosdb';
import type { FaultOptions } from '../../../emulator/src/faults';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';

export interface TestEmulator extends RunningEmulator {
  readonly dataDir: string;
}

export async function startTestEmulator(options: { now?: () => number; faults?: FaultOptions; dataDir?: string } = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'flowdeck-wa-')));
  const base = { dataDir, port: 0, onError: () => undefined, ...(options.now ? { now: options.now } : {}), ...(options.faults ? { faults: options.faults } : {}) };
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ ...base, products: [camsProduct, cynosdbProduct] });
  } catch (err) {
    // Once the emulator lists CAMS and CynosDB among its built-in products they must not be added twice.
    if (!(err instanceof Error && /Two products claim/.test(err.message))) throw err;
    emulator = await startEmulator(base);
  }
  return {
    ...emulator,
    dataDir,
    close: async () => {
      await emulator.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
