// One log record on disk: `<JSON>\t<byte length>:<CRC-32 hex>\n`. As in LevelDB's log format and
// SQLite's WAL frames, each record carries its own length and checksum, so a reader can tell a
// whole record from one a crash or a full disk cut short, and from bytes damaged later. JSON never
// contains a raw tab or newline, so the framing cannot collide with the payload. Lines without
// the suffix are read as plain JSON (logs written before the checksum existed).
import { crc32 } from 'node:zlib';

const TAB = 0x09;

export function encodeRecord(record: unknown): Buffer {
  const text = JSON.stringify(record);
  const length = Buffer.byteLength(text, 'utf8');
  const lengthText = String(length);
  // One buffer for the JSON and its suffix (`\t` + length + `:` + 8 hex digits + `\n`), written in place.
  const out = Buffer.allocUnsafe(length + lengthText.length + 11);
  out.write(text, 0, 'utf8');
  const crc = crc32(out.subarray(0, length));
  out.write(`\t${lengthText}:${crc.toString(16).padStart(8, '0')}\n`, length, 'latin1');
  return out;
}

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
