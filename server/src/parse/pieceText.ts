// A document's text after edits, kept as pieces of the texts it was made from: the text before
// the edits and each edit's inserted characters. Reading a few characters near an edit reads
// them from those pieces. The one-string alternative costs a copy of the whole text on its first
// read after every edit, in fresh memory: at 2.7 MiB, 7-12 ms per keystroke on a machine with slow
// page faults, several times the re-read and re-check of the edited state.
import type { ParsedText } from './tree';
import type { TextReader } from './textReader';

export type { TextReader } from './textReader';

/** More pieces than this and an edit copies the text into one string again (a keystroke's worth now and then). */
const MAX_PIECES = 512;

export class PieceText implements TextReader {
  private joined: string | undefined;

  private constructor(
    /** Flat strings the pieces are read from. */
    private readonly sources: readonly string[],
    /** Where each piece starts in its source. */
    private readonly froms: readonly number[],
    /** Where each piece starts in this text (ascending). */
    private readonly starts: readonly number[],
    readonly length: number,
  ) {}

  static of(text: string): PieceText {
    return text.length === 0 ? new PieceText([], [], [], 0) : new PieceText([text], [0], [0], text.length);
  }

  /** The text with `start..end` replaced by `inserted`; this one is unchanged. */
  replace(start: number, end: number, inserted: string): PieceText {
    const out = new PieceBuilder();
    this.copyInto(out, 0, start);
    out.add(inserted, 0, inserted.length);
    this.copyInto(out, end, this.length);
    const length = this.length - (end - start) + inserted.length;
    if (out.sources.length > MAX_PIECES) return PieceText.of(flat(out.sources.map((s, i) => s.slice(out.froms[i], out.froms[i]! + out.lengths[i]!)).join('')));
    return new PieceText(out.sources, out.froms, out.starts, length);
  }

  /** The whole text as one string (joined once; the first read of it copies it). */
  toString(): string {
    if (this.joined !== undefined) return this.joined;
    if (this.sources.length === 1 && this.froms[0] === 0 && this.sources[0]!.length === this.length) return (this.joined = this.sources[0]!);
    let text = '';
    for (let i = 0; i < this.sources.length; i++) text += this.sources[i]!.slice(this.froms[i], this.froms[i]! + this.pieceLength(i));
    return (this.joined = text);
  }

  charCodeAt(offset: number): number {
    if (!(offset >= 0 && offset < this.length)) return NaN;
    const i = this.pieceAt(offset);
    return this.sources[i]!.charCodeAt(this.froms[i]! + offset - this.starts[i]!);
  }

  slice(start: number, end: number = this.length): string {
    const from = clamp(start < 0 ? this.length + start : start, this.length);
    const to = clamp(end < 0 ? this.length + end : end, this.length);
    if (to <= from) return '';
    let i = this.pieceAt(from);
    let text = '';
    for (let at = from; at < to; i++) {
      const pieceEnd = this.starts[i]! + this.pieceLength(i);
      const upTo = Math.min(to, pieceEnd);
      const base = this.froms[i]! - this.starts[i]!;
      text += this.sources[i]!.slice(base + at, base + upTo);
      at = upTo;
    }
    return text;
  }

  indexOf(char: string, from = 0): number {
    oneCharacter(char);
    if (this.length === 0) return -1;
    let i = this.pieceAt(clamp(from, this.length - 1));
    for (let at = Math.max(0, from); at < this.length && i < this.sources.length; i++) {
      const base = this.froms[i]! - this.starts[i]!;
      const pieceEnd = this.starts[i]! + this.pieceLength(i);
      const found = this.sources[i]!.indexOf(char, base + at);
      if (found >= 0 && found < base + pieceEnd) return found - base;
      at = pieceEnd;
    }
    return -1;
  }

  lastIndexOf(char: string, from = this.length - 1): number {
    oneCharacter(char);
    if (this.length === 0) return -1;
    // As a string's: a negative start searches from the first character.
    let at = clamp(from, this.length - 1);
    for (let i = this.pieceAt(at); i >= 0; i--) {
      const base = this.froms[i]! - this.starts[i]!;
      const found = this.sources[i]!.lastIndexOf(char, base + at);
      if (found >= 0 && found >= this.froms[i]!) return found - base;
      at = this.starts[i]! - 1;
    }
    return -1;
  }

  startsWith(search: string, at = 0): boolean {
    const from = clamp(at, this.length);
    return this.slice(from, from + search.length) === search;
  }

  /** The pieces in this text (tests read how an edit was applied). */
  get pieceCount(): number {
    return this.sources.length;
  }

  private pieceLength(i: number): number {
    return (i + 1 < this.starts.length ? this.starts[i + 1]! : this.length) - this.starts[i]!;
  }

  /** The index of the piece holding `offset` (0 <= offset < length), by bisection. */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Adds the pieces covering `start..end` of this text to `out`. */
  private copyInto(out: PieceBuilder, start: number, end: number): void {
    if (end <= start) return;
    for (let i = this.pieceAt(start); i < this.sources.length && this.starts[i]! < end; i++) {
      const pieceStart = this.starts[i]!;
      const from = Math.max(start, pieceStart);
      const to = Math.min(end, pieceStart + this.pieceLength(i));
      out.add(this.sources[i]!, this.froms[i]! + from - pieceStart, to - from);
    }
  }
}

/** Collects pieces, merging one that continues the previous piece of the same source. */
class PieceBuilder {
  readonly sources: string[] = [];
  readonly froms: number[] = [];
  readonly starts: number[] = [];
  readonly lengths: number[] = [];
  private end = 0;

  add(source: string, from: number, length: number): void {
    if (length <= 0) return;
    const last = this.sources.length - 1;
    if (last >= 0 && this.sources[last] === source && this.froms[last]! + this.lengths[last]! === from) {
      this.lengths[last] = this.lengths[last]! + length;
    } else {
      this.sources.push(source);
      this.froms.push(from);
      this.starts.push(this.end);
      this.lengths.push(length);
    }
    this.end += length;
  }
}

const clamp = (offset: number, length: number): number => Math.max(0, Math.min(offset, length));

function oneCharacter(char: string): void {
  if (char.length !== 1) throw new Error(`PieceText searches for one character, not ${JSON.stringify(char)}`);
}

/** A string made one flat copy now (its first read), so later reads of it copy nothing. */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The parsed text to read a few characters of (its pieces when it has them). */
export function sourceOf(parsed: ParsedText): TextReader {
  return parsed.source ?? parsed.text;
}
