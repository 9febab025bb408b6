// The log's record framing: `<JSON>\t<byte length>:<CRC-32 hex>\n`, made one record at a time
// (encodeRecord) or many into one reused buffer (RecordBuffer, as a rewrite does), and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { decodeRecord, encodeRecord, RecordBuffer } from '../../../emulator/src/store/recordFormat';

/** Records of every kind of text: ASCII, multi-byte UTF-8, astral characters, escapes, and long ones. */
function sampleRecords(count: number): object[] {
  const texts = ['plain', 'naïve café', '数据流', '😀 astral', 'quote " and \\ backslash', 'x'.repeat(5000), ''];
  return Array.from({ length: count }, (_, i) => ({ k: 'syncResult', n: i, text: texts[i % texts.length]!.repeat(1 + (i % 3)) }));
}

/** The framing written out independently of the encoder: the JSON's bytes, their length and CRC in hex. */
function expectedBytes(record: object): Buffer {
  const json = Buffer.from(JSON.stringify(record), 'utf8');
  return Buffer.concat([json, Buffer.from(`\t${json.length}:${crc32(json).toString(16).padStart(8, '0')}\n`, 'latin1')]);
}

test('encodeRecord frames the JSON with its byte length and CRC-32, and decodeRecord reads it back', () => {
  for (const record of sampleRecords(40)) {
    const bytes = encodeRecord(record);
    assert.deepEqual(bytes, expectedBytes(record));
    const decoded = decodeRecord(bytes.subarray(0, bytes.length - 1));
    assert.deepEqual(decoded, { ok: true, value: record });
  }
});

test('CRCs of every size are written as 8 lower-case hex digits, leading zeros kept', () => {
  // Small CRCs (leading zeros) and ones above 2^31 (not small integers) both occur among these.
  const crcs = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const record = { i };
    const suffix = encodeRecord(record).toString('latin1').split('\t')[1]!;
    const hex = /^\d+:([0-9a-f]{8})\n$/.exec(suffix)?.[1];
    assert.equal(hex, crc32(JSON.stringify(record)).toString(16).padStart(8, '0'));
    crcs.add(hex![0]!);
  }
  assert.ok(crcs.has('0') && crcs.has('f'), 'the sample holds CRCs below 2^28 and above 2^31');
});

test('a RecordBuffer holds exactly the records encodeRecord makes, growing past its first size and reused after clear', () => {
  const buffer = new RecordBuffer(16);
  const first = sampleRecords(30);
  for (const record of first) buffer.add(record);
  const expected = Buffer.concat(first.map(encodeRecord));
  assert.equal(buffer.size, expected.length);
  assert.deepEqual(buffer.bytes(), expected);

  buffer.clear();
  assert.equal(buffer.size, 0);
  const second = sampleRecords(7).reverse();
  for (const record of second) buffer.add(record);
  assert.deepEqual(buffer.bytes(), Buffer.concat(second.map(expectedBytes)));
});
