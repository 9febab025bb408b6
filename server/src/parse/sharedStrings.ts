// Keys and short values repeat across a document and across its versions (`Type`, `Next`,
// `Task`, `$Input.id`...). One shared instance each saves the tree an allocation per occurrence,
// which is what the garbage collector copies while a large document is read. Keys are also
// internalised by the engine, so every later `key === 'Next'` is a pointer comparison and the
// plain value's property stores skip the engine's own key lookup. A small direct-mapped table
// finds a string by comparing the source's code units (charCodes.ts) in place (two slots per
// hash, so two frequent strings that hash alike do not evict each other): one seen before costs
// no slice.

import type { CharCodes } from './charCodes';

const KEY_SLOTS = 1024;
const keySlots: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/** The shared, internalised key written at `start..end` of `source` (whose code units `codes` holds). */
export function keyAt(source: string, codes: CharCodes, start: number, end: number): string {
  return end === start ? '' : shared(keySlots, source, codes, start, end, hashOf(codes, start, end), true);
}

/**
 * The shared key at `start..end` of `source`, as keyAt, also remembered for knownKeyAt. Only for
 * keys that hold none of the characters a later lookup ends a key with (a JSON key read without
 * escapes holds no quote).
 */
export function rememberedKeyAt(source: string, codes: CharCodes, start: number, end: number): string {
  const key = keyAt(source, codes, start, end);
  if (key.length >= 2) {
    const bucket = prefixBucket(key.charCodeAt(0), key.charCodeAt(1));
    for (let i = bucket + PREFIX_WAYS - 1; i > bucket; i--) byPrefix[i] = byPrefix[i - 1];
    byPrefix[bucket] = key;
  }
  return key;
}

// Remembered keys by their first two characters, four to a bucket, the latest first. A key that
// was read before is then found by comparing its characters once where the text holds it: no
// scan for its end, no hash (the parse of a 1,000-state JSON flow took 4-7% less time).
const PREFIX_WAYS = 4;
const PREFIX_BUCKETS = 256;
const byPrefix: (string | undefined)[] = new Array<string | undefined>(PREFIX_BUCKETS * PREFIX_WAYS).fill(undefined);

function prefixBucket(first: number, second: number): number {
  return (((first * 31) ^ second) & (PREFIX_BUCKETS - 1)) * PREFIX_WAYS;
}

/** A remembered key that the text of `codes` holds at `start` followed by the character `terminator`, if any. */
export function knownKeyAt(codes: CharCodes, start: number, terminator: number): string | undefined {
  const bucket = prefixBucket(codes[start], codes[start + 1]);
  for (let i = bucket; i < bucket + PREFIX_WAYS; i++) {
    const key = byPrefix[i];
    if (key === undefined) return undefined;
    if (codes[start + key.length] === terminator && sameAt(key, codes, start)) return key;
  }
  return undefined;
}

/** The engine's internalised copy of a key (a computed property name is stored in its string table). */
export function internKey(key: string): string {
  return Object.keys({ [key]: 0 })[0] ?? key;
}

const VALUE_SLOTS = 4096;
const valueSlots: (string | undefined)[] = new Array<string | undefined>(VALUE_SLOTS).fill(undefined);
/**
 * Longer slices are views into the source (no characters copied) and are rarely repeated; a
 * shorter one is a copy, so sharing it saves one. The table must not hold a view: it would keep
 * an old document's whole text alive.
 */
const SHORT_VALUE = 12;

/** The string written at `start..end` of `source` (no escapes in it), shared when short. */
export function stringAt(source: string, codes: CharCodes, start: number, end: number): string {
  const length = end - start;
  if (length > SHORT_VALUE || length === 0) return source.slice(start, end);
  return shared(valueSlots, source, codes, start, end, hashOf(codes, start, end), false);
}

/**
 * The string at `start..end` of `source` from `slots` (two per hash), else a slice of it
 * (internalised when `intern`), kept in the pair's second slot while that is free, else its first.
 */
function shared(slots: (string | undefined)[], source: string, codes: CharCodes, start: number, end: number, hash: number, intern: boolean): string {
  const length = end - start;
  const slot = (hash ^ (hash >>> 15)) & (slots.length - 2);
  const first = slots[slot];
  if (first !== undefined && first.length === length && sameAt(first, codes, start)) return first;
  const second = slots[slot + 1];
  if (second !== undefined && second.length === length && sameAt(second, codes, start)) return second;
  const made = intern ? internKey(source.slice(start, end)) : source.slice(start, end);
  slots[first === undefined || second !== undefined ? slot : slot + 1] = made;
  return made;
}

/** FNV-1a of every character of a span: frequent keys must not share a slot. */
function hashOf(codes: CharCodes, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i], FNV_PRIME);
  return h;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Whether the text holds `s` at `start`. */
function sameAt(s: string, codes: CharCodes, start: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== codes[start + i]) return false;
  return true;
}
