// Reads a log back on open. The file is read in chunks as bytes (never as one string, so its size
// is bounded by the disk, not by the largest JavaScript string), and split into records. A tail
// of records that are cut short or fail their checksum is what a crash or a full disk leaves: it is
// cut off and reported, as Redis does with `aof-load-truncated`. A damaged record with whole records
// after it is not a torn tail but damage, and the log is left untouched with a sentence naming
// the byte to cut at (Redis's redis-check-aof makes the same split).
import type { FileHandle } from 'node:fs/promises';
import { decodeRecord } from './recordFormat';

const CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface DroppedTail {
  /** Where the whole records end: the file is cut back to this length. */
  readonly atByte: number;
  readonly bytes: number;
  /** Lines dropped (a last line without its newline counts as one). */
  readonly lines: number;
  readonly reason: string;
}

export interface ReadBack<T> {
  readonly records: T[];
  /** Bytes of whole records (and blank lines) from the start of the file. */
  readonly validBytes: number;
  readonly dropped: DroppedTail | undefined;
}

/** A log damaged before its tail: opening it would silently lose the records after the damage. */
export class DamagedLogError extends Error {
  constructor(path: string, line: number, atByte: number, reason: string, kept: number) {
    super(
      `${path}:${line}: the record at byte ${atByte} is damaged (${reason}) and whole records follow it, so this is not a crash's torn tail; ` +
        `the log was left unchanged. Move the file away to start empty, or cut it at byte ${atByte} (truncate -s ${atByte}) to keep the ${kept} record(s) before it.`,
    );
    this.name = 'DamagedLogError';
  }
}

export async function readLog<T>(handle: FileHandle, path: string): Promise<ReadBack<T>> {
  const records: T[] = [];
  let validBytes = 0;
  let offset = 0; // where `carry` starts in the file
  let line = 0;
  let firstBad: { line: number; atByte: number; reason: string; lines: number } | undefined;
  let carry: Buffer = Buffer.alloc(0);
  const buffer = Buffer.alloc(CHUNK_BYTES);

  const take = (bytes: Buffer, atByte: number, withNewline: boolean): void => {
    line++;
    const end = atByte + bytes.length + (withNewline ? 1 : 0);
    if (!withNewline) {
      // The newline is written with the record, so a last line without one is incomplete.
      if (firstBad) firstBad.lines++;
      else firstBad = { line, atByte, reason: 'the last line has no newline: a write was cut short', lines: 1 };
      return;
    }
    if (isBlank(bytes)) {
      if (!firstBad) validBytes = end;
      return;
    }
    const decoded = decodeRecord(bytes);
    if (!decoded.ok) {
      if (firstBad) firstBad.lines++;
      else firstBad = { line, atByte, reason: decoded.reason, lines: 1 };
      return;
    }
    if (firstBad) throw new DamagedLogError(path, firstBad.line, firstBad.atByte, firstBad.reason, records.length);
    records.push(decoded.value as T);
    validBytes = end;
  };

  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, offset + carry.length);
    if (bytesRead === 0) break;
    const data: Buffer = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : Buffer.from(buffer.subarray(0, bytesRead));
    let start = 0;
    for (let nl = data.indexOf(NEWLINE, start); nl >= 0; nl = data.indexOf(NEWLINE, start)) {
      take(data.subarray(start, nl), offset + start, true);
      start = nl + 1;
    }
    offset += start;
    carry = data.subarray(start);
  }
  if (carry.length > 0) take(carry, offset, false);
  const total = offset + carry.length;
  const dropped = firstBad && total > validBytes
    ? { atByte: validBytes, bytes: total - validBytes, lines: firstBad.lines, reason: firstBad.reason }
    : undefined;
  return { records, validBytes, dropped };
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** The sentence the emulator logs when it cut a torn tail off a log. */
export function describeDropped(path: string, d: DroppedTail): string {
  return `${path}: dropped a damaged tail of ${d.bytes} byte(s) in ${d.lines} line(s) at byte ${d.atByte} (${d.reason}); ` +
    'these were writes that never finished, so none of them had been acknowledged.';
}
