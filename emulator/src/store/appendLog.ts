// An append-only JSON-lines file. Every append is written and fsync'd before its promise
// resolves, so an acknowledged record survives a crash; appends that arrive while a write is in
// flight are grouped into the next write (one fsync for many records). On open, a torn last line
// (a crash mid-write) is cut off and the file continues after the last whole record.
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AppendLogOptions {
  /** Skip fsync (tests of logic that do not care about durability may trade it for speed). */
  readonly noSync?: boolean;
}

export class AppendLog<T = unknown> {
  private pending: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private position: number,
    private readonly noSync: boolean,
  ) {}

  /**
   * Opens (creating if needed) the log at `path` and returns it with every whole record
   * already in it, in write order.
   */
  static async open<T>(path: string, options: AppendLogOptions = {}): Promise<{ log: AppendLog<T>; records: T[] }> {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a+');
    try {
      // The file's directory entry must be durable too, or a crash right after creating it could
      // lose the whole file along with every acknowledged record in it.
      if (!options.noSync) await syncDirectory(dirname(path));
      const text = (await handle.readFile()).toString('utf8');
      const { records, validBytes } = parseLines<T>(text, path);
      const totalBytes = Buffer.byteLength(text, 'utf8');
      if (validBytes < totalBytes) await handle.truncate(validBytes);
      return { log: new AppendLog<T>(path, handle, validBytes, options.noSync ?? false), records };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** Appends one record; resolves once it is on disk. */
  append(record: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`The log ${this.path} is closed.`));
    const line = JSON.stringify(record) + '\n';
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      // Start writing on the next turn, so records made in one burst (an execution's start, its
      // events and its end) share one write and one fsync.
      this.writing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  /** Waits for every append so far, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing;
    await this.handle.close();
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        const data = Buffer.from(batch.map((b) => b.line).join(''), 'utf8');
        // Positional writes: the file was opened for appending, so this always lands at the end.
        let offset = 0;
        while (offset < data.length) {
          const { bytesWritten } = await this.handle.write(data, offset, data.length - offset, this.position + offset);
          offset += bytesWritten;
        }
        this.position += data.length;
        if (!this.noSync) await this.handle.datasync();
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.writing = undefined;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/** Splits the file into records; a last line without its newline, or not valid JSON, is torn. */
function parseLines<T>(text: string, path: string): { records: T[]; validBytes: number } {
  const records: T[] = [];
  let start = 0;
  let validBytes = 0;
  let lineNo = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    lineNo++;
    if (nl < 0) break; // torn: the newline is written with the record, so no newline = incomplete
    const line = text.slice(start, nl);
    const next = nl + 1;
    if (line.trim() !== '') {
      try {
        records.push(JSON.parse(line) as T);
      } catch {
        // A bad line that is not the last one means the file was edited or damaged, not torn.
        if (text.slice(next).trim() !== '') {
          throw new Error(`${path}:${lineNo}: the record is not valid JSON. Repair or remove the line, or start with an empty data folder.`);
        }
        break;
      }
    }
    validBytes += Buffer.byteLength(text.slice(start, next), 'utf8');
    start = next;
  }
  return { records, validBytes };
}
