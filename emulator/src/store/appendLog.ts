// An append-only log of checksummed records (see recordFormat.ts). Every append is written and
// fsync'd before its promise resolves, so an acknowledged record survives a crash; appends that
// arrive while a write is in flight are grouped into the next write (one fsync for many records).
// On open, a torn tail (a crash or a full disk mid-write) is cut off and reported.
//
// When a write fails (disk full, I/O error) the file is cut back to its last whole record, so the
// next write cannot be glued to leftovers, and the batch's appends reject with
// StorageUnavailableError. Appends marked `untilWritten` (history events, the end of an execution)
// are kept instead and retried until storage is back, so the order of the log stays that of the
// run and nothing is skipped.
//
// An append may ask only to be written (`durability: 'written'`, an Express run's result): it
// resolves once the write has returned, so its bytes survive the emulator being killed, and its
// fsync follows within WRITTEN_SYNC_INTERVAL_MS, as PostgreSQL's `synchronous_commit = off`
// acknowledges before the WAL writer's next flush. Only a crash of the whole machine in that
// moment can lose it (a torn tail is then cut on open as usual). A batch holding any fully durable
// record waits for the fsync as a whole, so records still become visible in log order.
import { writeSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encodeRecord, RecordBuffer } from './recordFormat';
import { describeDropped, readLog } from './recovery';
import { StorageUnavailableError } from './storageError';

/** Where the writes go; tests inject one that fails (a full disk) or stops half way. */
export interface LogFile {
  write(data: Buffer, position: number): Promise<number>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
}

export interface AppendLogOptions {
  /** Skip fsync (tests of logic that do not care about durability may trade it for speed). */
  readonly noSync?: boolean;
  /** Told, in one sentence, about a torn tail cut off on open and about failed writes. */
  readonly warn?: (message: string) => void;
  /** Wraps the file's writes (fault injection in tests). */
  readonly wrapFile?: (file: LogFile) => LogFile;
  /** First wait before retrying `untilWritten` appends after a failed write; doubles up to 2 s. */
  readonly retryMs?: number;
  /** The most often records acknowledged once written are fsync'd (WRITTEN_SYNC_INTERVAL_MS; tests change it). */
  readonly writtenSyncIntervalMs?: number;
}

export interface AppendOptions {
  /** Retry a failed write until it succeeds (or the log closes) instead of rejecting. */
  readonly untilWritten?: boolean;
  /** Runs once the record is on disk, before the promise resolves (and before any later record's). */
  readonly onWritten?: () => void;
  /** 'written': resolve once written, without waiting for the fsync (see above). Default 'synced'. */
  readonly durability?: 'synced' | 'written';
}

interface Pending {
  readonly bytes: Buffer;
  readonly untilWritten: boolean;
  readonly writtenIsEnough: boolean;
  readonly onWritten: (() => void) | undefined;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

export class AppendLog<T = unknown> {
  private pending: Pending[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;
  private failing = false;
  private recordCount = 0;
  private paused = false;
  private wakeRetry: (() => void) | undefined;
  /** The fsync of records acknowledged once written (see syncSoon). */
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  /** When the last paced fsync started (Date.now()), and how to end the wait for the next one. */
  private lastSyncAt = 0;
  private wakeSync: (() => void) | undefined;

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private file: LogFile,
    private position: number,
    private readonly options: AppendLogOptions,
  ) {}

  /**
   * Opens (creating if needed) the log at `path` and returns it with every whole record
   * already in it, in write order.
   */
  static async open<T>(path: string, options: AppendLogOptions = {}): Promise<{ log: AppendLog<T>; records: T[] }> {
    await mkdir(dirname(path), { recursive: true });
    // Created with 'a', written with 'r+': positional writes on an O_APPEND file ignore the
    // position on Linux, which would glue the next record to a partial write's leftovers.
    await (await open(path, 'a')).close();
    const handle = await open(path, 'r+');
    try {
      // The file's directory entry must be durable too, or a crash right after creating it could
      // lose the whole file along with every acknowledged record in it.
      if (!options.noSync) await syncDirectory(dirname(path));
      const { records, validBytes, dropped } = await readLog<T>(handle, path);
      if (dropped) {
        await handle.truncate(validBytes);
        if (!options.noSync) await handle.datasync();
        (options.warn ?? defaultWarn)(describeDropped(path, dropped));
      }
      const file = fileOf(handle);
      const log = new AppendLog<T>(path, handle, options.wrapFile ? options.wrapFile(file) : file, validBytes, options);
      log.recordCount = records.length;
      return { log, records };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** Bytes of whole records in the file. */
  get size(): number {
    return this.position;
  }

  /** Appends one record; resolves once it is on disk. */
  append(record: T, options: AppendOptions = {}): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`The log ${this.path} is closed.`));
    const bytes = encodeRecord(record);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        bytes, untilWritten: options.untilWritten ?? false, writtenIsEnough: options.durability === 'written', onWritten: options.onWritten, resolve, reject,
      });
      // Start writing on the next turn, so records made in one burst (an execution's start, its
      // events and its end) share one write and one fsync.
      this.writing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  /**
   * Replaces the whole file with the records `snapshot` returns (the live state), atomically:
   * written to a temporary file, fsync'd, renamed over the log and the folder fsync'd, as Redis
   * rewrites its AOF. `snapshot` is called once every append so far is on disk (and its
   * `onWritten` has run) and none is waiting, so the snapshot holds each record exactly once;
   * appends made while the new file is written go after it. False when appends kept arriving and
   * no such moment came (try again later).
   */
  async rewrite(snapshot: () => readonly T[]): Promise<boolean> {
    if (this.closed) return false;
    this.paused = true;
    try {
      for (let attempt = 0; ; attempt++) {
        await this.writing;
        if (this.pending.length === 0) break;
        if (attempt >= 20 || this.failing || this.closed) return false;
        this.paused = false;
        this.writing ??= this.drain();
        await this.writing;
        this.paused = true;
      }
      // Nothing is pending and nothing can be appended before this returns (it is synchronous).
      const records = snapshot();
      await this.writeReplacement(records);
      this.recordCount = records.length;
      return true;
    } finally {
      this.paused = false;
      if (this.pending.length > 0) this.writing ??= this.drain();
    }
  }

  /** Records in the file (whole ones read on open, plus those appended or rewritten since). */
  get records(): number {
    return this.recordCount;
  }

  private async writeReplacement(records: readonly T[]): Promise<void> {
    const tmp = `${this.path}.rewrite`;
    const out = await open(tmp, 'w');
    let size = 0;
    try {
      const chunk = new RecordBuffer(); // grows to a chunk, then is reused
      const flush = async (): Promise<void> => {
        const data = chunk.bytes();
        for (let off = 0; off < data.length;) off += (await out.write(data, off, data.length - off, size + off)).bytesWritten;
        size += data.length;
        chunk.clear();
      };
      for (const r of records) {
        chunk.add(r);
        if (chunk.size >= REWRITE_CHUNK_BYTES) await flush();
      }
      await flush();
      if (!this.options.noSync) await out.sync();
    } catch (err) {
      await out.close();
      await rm(tmp, { force: true });
      throw new StorageUnavailableError(tmp, err);
    }
    await out.close();
    await rename(tmp, this.path);
    if (!this.options.noSync) await syncDirectory(dirname(this.path));
    this.wakeSync?.();
    await this.syncing; // an fsync of the old file may still be running on its handle
    await this.handle.close();
    this.handle = await open(this.path, 'r+');
    const file = fileOf(this.handle);
    this.file = this.options.wrapFile ? this.options.wrapFile(file) : file;
    this.position = size;
  }

  /** Waits for every append so far, then closes the file. Appends still retrying are given up. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeRetry?.();
    await this.writing;
    this.wakeSync?.();
    await this.syncing;
    await this.handle.close();
  }

  /**
   * fsyncs acknowledged-on-write records without holding up the next write: one fsync at a time
   * and at most one per WRITTEN_SYNC_INTERVAL_MS (appends written meanwhile share the next; closing
   * the log runs a waiting one at once). A failure cannot take acknowledged records back, only be
   * reported: a later fsync, or the next open's tail check, deals with those bytes.
   */
  private syncSoon(): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = (async () => {
      do {
        const due = this.untilSyncIsDue();
        if (due) await due; // (no await when due now: the fsync starts in this turn)
        // This fsync covers every record written so far; only those written during it need another.
        this.syncAgain = false;
        this.lastSyncAt = Date.now();
        await this.file.datasync().catch((err: unknown) => (this.options.warn ?? defaultWarn)(new StorageUnavailableError(this.path, err).message));
      } while (this.syncAgain);
      this.syncing = undefined;
    })();
  }

  /** Undefined when the next paced fsync is due now; otherwise resolves when it is (or on close). */
  private untilSyncIsDue(): Promise<void> | undefined {
    const wait = this.lastSyncAt + (this.options.writtenSyncIntervalMs ?? WRITTEN_SYNC_INTERVAL_MS) - Date.now();
    if (wait <= 0 || this.closed) return undefined;
    return new Promise<void>((resolve) => {
      // Unref'd: a waiting fsync never keeps a process alive (the bytes are written already).
      const timer = setTimeout(() => this.wakeSync?.(), wait).unref();
      this.wakeSync = () => {
        clearTimeout(timer);
        this.wakeSync = undefined;
        resolve();
      };
    });
  }

  private async drain(): Promise<void> {
    let retryMs = this.options.retryMs ?? 100;
    while (this.pending.length > 0 && !this.paused) {
      if (this.closed && this.failing) {
        for (const p of this.pending.splice(0)) p.reject(new Error(`The log ${this.path} closed before storage came back.`));
        break;
      }
      const batch = this.pending;
      this.pending = [];
      const data = batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((b) => b.bytes));
      try {
        let offset = 0;
        while (offset < data.length) offset += await this.file.write(data.subarray(offset), this.position + offset);
        // Acknowledged once written when every record of the batch asked for no more.
        const early = !this.options.noSync && batch.every((b) => b.writtenIsEnough);
        if (!this.options.noSync && !early) await this.file.datasync();
        this.position += data.length;
        this.recordCount += batch.length;
        for (const b of batch) b.onWritten?.();
        if (this.failing) (this.options.warn ?? defaultWarn)(`${this.path}: writes succeed again.`);
        this.failing = false;
        retryMs = this.options.retryMs ?? 100;
        for (const b of batch) b.resolve();
        if (early) this.syncSoon();
      } catch (err) {
        // Cut back to the last whole record; if even that fails, the next open drops the tail.
        await this.file.truncate(this.position).catch(() => undefined);
        if (!this.failing) (this.options.warn ?? defaultWarn)(new StorageUnavailableError(this.path, err).message);
        this.failing = true;
        const failure = new StorageUnavailableError(this.path, err);
        const kept = batch.filter((b) => b.untilWritten && !this.closed);
        for (const b of batch) if (!kept.includes(b)) b.reject(failure);
        if (kept.length > 0) {
          this.pending = [...kept, ...this.pending];
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, retryMs);
            this.wakeRetry = () => { clearTimeout(t); resolve(); };
          });
          this.wakeRetry = undefined;
          retryMs = Math.min(retryMs * 2, 2000);
        }
      }
    }
    this.writing = undefined;
  }
}

/**
 * The most often records acknowledged once written are fsync'd. PostgreSQL's WAL writer flushes
 * asynchronous commits every `wal_writer_delay` (200 ms by default); under a steady stream of
 * Express results one fsync then covers a tenth of a second of them instead of each burst.
 */
const WRITTEN_SYNC_INTERVAL_MS = 100;

/** A rewrite writes its records in chunks of about this size. */
const REWRITE_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes up to this size go straight from the event loop: a small write into the page cache costs
 * less than handing it to a libuv worker and back (as Redis writes its AOF from the main thread
 * and leaves the fsync to a background one). Larger ones (uploads) go to a worker.
 */
const INLINE_WRITE_BYTES = 64 * 1024;

function fileOf(handle: FileHandle): LogFile {
  return {
    write: async (data, position) =>
      data.length <= INLINE_WRITE_BYTES ? writeSync(handle.fd, data, 0, data.length, position) : (await handle.write(data, 0, data.length, position)).bytesWritten,
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
  };
}

function defaultWarn(message: string): void {
  process.stderr.write(`flowdeck emulator: ${message}\n`);
}

async function syncDirectory(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
