// One log record on disk: `<JSON>\t<byte length>:<CRC-32 hex>\n`. As in LevelDB's log format and
// SQLite's WAL frames, each record carries its own length and checksum, so a reader can tell a
// whole record from one a crash or a full disk cut short, and from bytes damaged later. JSON never
// contains a raw tab or newline, so the framing cannot collide with the payload. Lines without
// the suffix are read as plain JSON (logs written before the checksum existed).
import { crc32 } from 'node:zlib';

const TAB = 0x09;

export function encodeRecord(record: unknown): Buffer {
  const text = JSON.stringify(record);
  const out = Buffer.allocUnsafe(encodedSize(text));
  writeRecord(text, out, 0);
  return out;
}

/**
 * Many records encoded one after another into one buffer, reused once its bytes are written: a
 * log's rewrite encodes every live record at once, and a buffer of its own for each (then copied
 * into one) cost more than their JSON.
 */
export class RecordBuffer {
  private buffer: Buffer;
  private used = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Bytes encoded since the last clear. */
  get size(): number {
    return this.used;
  }

  add(record: unknown): void {
    const text = JSON.stringify(record);
    const size = encodedSize(text);
    if (this.used + size > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.used + size));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += writeRecord(text, this.buffer, this.used);
  }

  /** The records encoded so far; valid until the next add after a clear. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
  }
}

/** Bytes of a record whose JSON is `text`: the JSON, `\t`, its length, `:`, 8 hex digits and `\n`. */
function encodedSize(text: string): number {
  const length = Buffer.byteLength(text, 'utf8');
  return length + String(length).length + 11;
}

/** Writes the record whose JSON is `text` at `offset` of `out` (room for encodedSize(text)); returns its size. */
function writeRecord(text: string, out: Buffer, offset: number): number {
  const length = out.write(text, offset, 'utf8');
  const crc = crc32(out.subarray(offset, offset + length));
  return length + out.write(`\t${length}:${hex32(crc)}\n`, offset + length, 'latin1');
}

/** 8 lower-case hex digits: a CRC above 2^31 is no small integer, and its toString(16) took 0.6 µs. */
function hex32(n: number): string {
  return HEX_BYTE[n >>> 24]! + HEX_BYTE[(n >>> 16) & 0xff]! + HEX_BYTE[(n >>> 8) & 0xff]! + HEX_BYTE[n & 0xff]!;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export type DecodedLine = { readonly ok: true; readonly value: object } | { readonly ok: false; readonly reason: string };

/** Decodes one line (without its newline). */
export function decodeRecord(line: Buffer): DecodedLine {
  const tab = line.lastIndexOf(TAB);
  let json = line;
  if (tab >= 0) {
    const m = /^(\d+):([0-9a-f]{8})$/.exec(line.subarray(tab + 1).toString('latin1'));
    if (!m) return { ok: false, reason: 'its checksum suffix is malformed' };
    json = line.subarray(0, tab);
    if (Number(m[1]) !== json.length) return { ok: false, reason: `it holds ${json.length} bytes where ${m[1]} were written` };
    if (crc32(json) !== parseInt(m[2] as string, 16)) return { ok: false, reason: 'its checksum does not match' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json.toString('utf8'));
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'it is not a JSON object' };
  return { ok: true, value };
}
