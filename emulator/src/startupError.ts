// Start-up failures as one sentence that names the folder and the fix, instead of a raw
// EACCES/EEXIST/EISDIR with a stack.
import { join } from 'node:path';

export class EmulatorStartupError extends Error {
  constructor(message: string, override readonly cause: unknown) {
    super(message);
    this.name = 'EmulatorStartupError';
  }
}

export function explainStartupError(err: unknown, dataDir: string): unknown {
  if (err instanceof EmulatorStartupError) return err;
  const e = err as NodeJS.ErrnoException;
  const path = typeof e?.path === 'string' ? e.path : dataDir;
  const explain = (message: string): EmulatorStartupError => new EmulatorStartupError(message, err);
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return explain(`The emulator cannot write its data folder ${dataDir} (${e.code} on ${path}): pass a folder you can write with --data-dir, or make this one writable.`);
    case 'EEXIST':
    case 'ENOTDIR':
      return explain(`The data folder ${dataDir} (or a folder above it) is a file, not a folder: pass another folder with --data-dir, or move the file ${path} away.`);
    case 'EISDIR':
    case 'ERR_FS_EISDIR':
      return explain(`${path} in the data folder ${dataDir} is a folder where the emulator keeps a file: move it away, or pass another folder with --data-dir.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return explain(`The disk holding the data folder ${dataDir} is full: free some space, or pass a folder on another disk with --data-dir.`);
    case 'EMFILE':
    case 'ENFILE':
      return explain(`The emulator could not open files in ${dataDir}: too many files are open. Close some programs or raise the limit (ulimit -n), then start again.`);
    default:
      return err;
  }
}

/** The lock file's path (named in messages). */
export const lockPath = (dataDir: string): string => join(dataDir, 'emulator.lock');
