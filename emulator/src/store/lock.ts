// One emulator per data folder: two processes appending to the same log would interleave
// records. The lock file says who holds it: `{"app":"flowdeck-emulator","pid","processStart",
// "host","startedAt"}`. Like a pid file checked the way systemd and PostgreSQL's postmaster.pid
// are, a lock counts only while the process it names still runs *and* is the process that wrote
// it (same start time, so a reused pid does not count), and is not a zombie. Anything else (a
// dead pid, a reused pid, a file that is not an emulator's lock) is stale and taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface DataDirLock {
  release(): Promise<void>;
}

const APP = 'flowdeck-emulator';

interface LockInfo {
  readonly app: string;
  readonly pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc/<pid>/stat field 22); null elsewhere. */
  readonly processStart: string | null;
  readonly host: string;
  readonly startedAt: string;
}

/** Field 22 of /proc/<pid>/stat and whether the process is a zombie; undefined without /proc. */
function procStat(pid: number): { start: string; zombie: boolean } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { start: fields[19] ?? '', zombie: fields[0] === 'Z' || fields[0] === 'X' };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why the lock still holds, or undefined when it is stale. */
function holder(info: LockInfo | undefined): string | undefined {
  if (!info || info.app !== APP || !Number.isInteger(info.pid) || info.pid <= 0) return undefined;
  if (info.host !== hostname()) return `an emulator on the machine ${info.host} (pid ${info.pid}, since ${info.startedAt})`;
  if (!isAlive(info.pid)) return undefined;
  const stat = procStat(info.pid);
  if (stat?.zombie) return undefined;
  if (stat && info.processStart !== null && stat.start !== info.processStart) return undefined; // the pid was reused
  return `another emulator (pid ${info.pid}, since ${info.startedAt})`;
}

function parse(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' ? (v as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireLock(path: string): Promise<DataDirLock> {
  const mine: LockInfo = {
    app: APP, pid: process.pid, processStart: procStat(process.pid)?.start ?? null, host: hostname(), startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(mine));
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
      const info = parse(await readFile(path, 'utf8').catch(() => ''));
      if (info?.app === APP && info.pid === process.pid && info.host === mine.host) {
        throw new Error(`This process already runs an emulator on the data folder of ${path}. Close it first, or pass a different data folder.`);
      }
      const who = holder(info);
      if (who) throw new Error(`The data folder of ${path} is in use by ${who}. Stop it, or pass a different data folder with --data-dir.`);
      await rm(path, { force: true }); // stale: take it over
    }
  }
  throw new Error(`Could not lock ${path}; remove the file if no emulator is running.`);
}
