// One emulator per data folder: two processes appending to the same log would interleave
// records. The lock file holds the owner's pid; a lock left by a process that no longer runs
// (killed, crashed) is taken over.
import { open, readFile, rm } from 'node:fs/promises';

export interface DataDirLock {
  release(): Promise<void>;
}

export async function acquireLock(path: string): Promise<DataDirLock> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(`Another emulator (pid ${owner}) is using the data folder of ${path}. Stop it, or pass a different data folder.`);
      }
      if (owner === process.pid) {
        throw new Error(`This process already runs an emulator on the data folder of ${path}. Close it first, or pass a different data folder.`);
      }
      await rm(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${path}; remove the file if no emulator is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
