// A scanner for the YAML that flows are written in: block mappings and sequences, one-line plain
// and quoted scalars, one-line flow collections, comments and a leading `---`. It feeds the
// tree builder directly, with no event array in between, which makes it several times faster
// than the general parser. Anything else (anchors, tags, block scalars, multi-line scalars,
// complex keys, several documents, tabs, and every syntax error) makes it give up, and the
// general parser reads the text instead: a text is either read exactly as js-yaml reads it or
// not at all (test/unit/parse/yamlScanner.test.ts compares the two on thousands of texts).
import { MAX_NESTING_DEPTH } from './tree';
import type { DocumentEvent, MappingEvent, ScalarEvent, SequenceEvent } from 'js-yaml';
import type { TreeBuilder } from './yamlTreeBuilder';
import { END_OF_TEXT, type CharCodes } from './charCodes';

const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34; // "
const HASH = 35; // #
const APOSTROPHE = 39; // '
const BANG = 33; // !
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const QUESTION = 63;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const BRACE_OPEN = 123;
const BRACE_CLOSE = 125;

// js-yaml's numbering (EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE), as literals: the type checker
// then holds them to js-yaml's declarations.
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;
const BLOCK = 1;
const FLOW = 2;

/** YAML's limit on an implicit key's length. */
const MAX_KEY_LENGTH = 1024;
/** Deeper nesting than this is left to the general parser, which reports it (and keeps our recursion shallow). */
const MAX_DEPTH = MAX_NESTING_DEPTH;

/**
 * Tabs, a lone carriage return, and the characters YAML forbids (js-yaml's own list): any of
 * them sends the text to the general parser, which places the error or reads the tab right.
 * The first pattern is a plain character class, quick to rule out on most texts; only a text
 * with a carriage return or a surrogate (CRLF lines, emoji) needs the exact second one.
 */
// eslint-disable-next-line no-control-regex -- these control characters are what it looks for
const MAYBE_UNUSUAL = /[\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const UNUSUAL = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** Thrown to abandon the scan; caught in `scanEverydayYaml`. */
const GIVE_UP = new Error('not everyday YAML');

export interface ScanOutcome {
  readonly readAll: boolean;
  /**
   * Otherwise, where the line it stopped on starts (the builder is then half-filled and must
   * be dropped). On a text with a syntax error that line is where the error begins, which the
   * general parser may only notice lines later (an unclosed quote runs on).
   */
  readonly stoppedAt: number;
  /** Where a quote opens that is not closed on its line, when that is what stopped it. */
  readonly openQuoteAt?: number;
}

const READ_ALL: ScanOutcome = { readAll: true, stoppedAt: -1 };

/** Reads `text` into `builder`, or stops as soon as the text is not everyday YAML. */
export function scanEverydayYaml(text: string, builder: TreeBuilder): ScanOutcome {
  if (MAYBE_UNUSUAL.test(text)) {
    const unusual = UNUSUAL.exec(text);
    if (unusual) return { readAll: false, stoppedAt: text.lastIndexOf('\n', unusual.index - 1) + 1 };
  }
  const scanner = new Scanner(text, builder);
  try {
    scanner.document();
    return READ_ALL;
  } catch (err) {
    if (err !== GIVE_UP && !(err instanceof RangeError)) throw err;
    const stopped = { readAll: false, stoppedAt: scanner.lineStart };
    return scanner.openQuoteAt === undefined ? stopped : { ...stopped, openQuoteAt: scanner.openQuoteAt };
  }
}

class Scanner {
  private readonly length: number;
  /** Where the line being read starts, so a position's column is `position - lineStart`. */
  lineStart = 0;
  /** Set when a quote is not closed on its line. */
  openQuoteAt: number | undefined;
  /** The column of the content line `nextContentLine` found. */
  private column = 0;
  private depth = 0;
  // One object per event kind, refilled for each event: the builder keeps none of them.
  private readonly scalarEvent: ScalarEvent = { type: SCALAR, valueStart: -1, valueEnd: -1, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: PLAIN, chomping: 1, indent: -1, fast: true };
  private readonly mappingEvent: MappingEvent = { type: MAPPING, start: 0, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: BLOCK };
  private readonly sequenceEvent: SequenceEvent = { type: SEQUENCE, start: 0, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: BLOCK };

  /** The text's code units, which the loops read (charCodes.ts): the builder's own. */
  private readonly codes: CharCodes;

  constructor(
    private readonly src: string,
    private readonly builder: TreeBuilder,
  ) {
    this.length = src.length;
    this.codes = builder.sourceCodes();
  }

  document(): void {
    let at = this.nextContentLine(0, true);
    const documentEvent: DocumentEvent = { type: DOCUMENT, explicitStart: false, explicitEnd: false, directives: [] };
    if (at >= 0 && this.column === 0 && this.isDocumentMarker(at, DASH)) {
      documentEvent.explicitStart = true;
      at = this.nextContentLine(this.afterLine(this.lineRest(at + 3)), false);
    }
    // Empty documents and root scalars are rare: the general parser has them.
    if (at < 0) throw GIVE_UP;
    this.builder.event(documentEvent);
    if (this.blockNode(at, this.column) >= 0) throw GIVE_UP; // something after the root, further left
    this.builder.pop();
  }

  // ---- block structure -------------------------------------------------------------------

  /** A mapping or sequence starting at `at` (column `column`); returns the next content line or -1. */
  private blockNode(at: number, column: number): number {
    if (this.isEntryDash(at)) return this.sequence(at, column);
    const colon = this.keyColon(at);
    if (colon < 0) throw GIVE_UP; // a scalar on its own line (multi-line or a root scalar)
    return this.mapping(at, column, colon);
  }

  /** A block mapping whose first key starts at `at` and has its colon at `colon`. */
  private mapping(at: number, column: number, colon: number): number {
    this.open(this.mappingEvent, at, BLOCK);
    let next: number;
    for (let keyColon = colon; ; keyColon = this.keyColon(at)) {
      const afterColon = this.key(at, keyColon) + 1;
      const valueAt = this.skipSpaces(afterColon);
      const c = this.codes[valueAt];
      if (this.isLineEnd(c) || c === HASH) {
        next = this.nextContentLine(this.afterLine(valueAt), false);
        if (next >= 0 && this.column > column) next = this.blockNode(next, this.column);
        else if (next >= 0 && this.column === column && this.isEntryDash(next)) next = this.sequence(next, column);
        else this.emptyValue();
      } else {
        next = this.inlineValue(valueAt);
      }
      if (next < 0 || this.column < column) break;
      if (this.column > column || this.isEntryDash(next)) throw GIVE_UP;
      at = next;
    }
    this.close();
    return next;
  }

  private sequence(at: number, column: number): number {
    this.open(this.sequenceEvent, at, BLOCK);
    let next: number;
    for (;;) {
      const itemAt = this.skipSpaces(at + 1);
      const c = this.codes[itemAt];
      if (this.isLineEnd(c) || c === HASH) {
        next = this.nextContentLine(this.afterLine(itemAt), false);
        if (next >= 0 && this.column > column) next = this.blockNode(next, this.column);
        else this.emptyValue(); // `-` alone: a null item (as while a new state is being typed)
      } else if (this.isEntryDash(itemAt)) {
        next = this.sequence(itemAt, itemAt - this.lineStart);
      } else {
        const colon = this.keyColon(itemAt);
        next = colon >= 0 ? this.mapping(itemAt, itemAt - this.lineStart, colon) : this.inlineValue(itemAt);
      }
      // A line at this column that is not an item ends a sequence written level with its key.
      if (next < 0 || this.column < column || (this.column === column && !this.isEntryDash(next))) break;
      if (this.column > column) throw GIVE_UP;
      at = next;
    }
    this.close();
    return next;
  }

  private open(ev: MappingEvent | SequenceEvent, at: number, style: typeof BLOCK | typeof FLOW): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    ev.start = at;
    ev.style = style;
    this.builder.collection(ev);
  }

  private close(): void {
    this.builder.pop();
    this.depth--;
  }

  /** A scalar or flow collection that must end on its line; returns the next content line. */
  private inlineValue(at: number): number {
    if (this.codes[at] === BANG) at = this.tag(at);
    const c = this.codes[at];
    let end: number;
    if (c === QUOTE || c === APOSTROPHE) end = this.quoted(at);
    else if (c === BRACKET_OPEN || c === BRACE_OPEN) end = this.flowCollection(at);
    else end = this.plainValue(at);
    return this.nextContentLine(this.afterLine(this.lineRest(end)), false);
  }

  /**
   * A tag (`!Ref`, `!!str`) before a one-line scalar: recorded on the scalar event, which the
   * next scalar emitted carries. Returns where the scalar starts.
   */
  private tag(at: number): number {
    const codes = this.codes;
    let i = codes[at + 1] === BANG ? at + 2 : at + 1;
    const nameStart = i;
    while (isTagChar(codes[i])) i++;
    if (i === nameStart || codes[i] !== SPACE) throw GIVE_UP;
    const valueAt = this.skipSpaces(i);
    const c = codes[valueAt];
    // Tagged collections, empty tagged values and a second property are left alone.
    if (this.isLineEnd(c) || c === HASH || c === BANG || c === BRACKET_OPEN || c === BRACE_OPEN || c === 38 /* & */ || c === 42 /* * */) throw GIVE_UP;
    this.scalarEvent.tagStart = at;
    this.scalarEvent.tagEnd = i;
    return valueAt;
  }

  /** Hands the scalar event to the builder; a tag applies to this one scalar only. */
  private emitScalar(): void {
    const ev = this.scalarEvent;
    this.builder.scalar(ev);
    ev.tagStart = -1;
    ev.tagEnd = -1;
  }

  private emptyValue(): void {
    const ev = this.scalarEvent;
    ev.valueStart = -1;
    ev.valueEnd = -1;
    ev.style = PLAIN;
    ev.fast = false;
    this.emitScalar();
  }

  // ---- keys ------------------------------------------------------------------------------

  /** Where the colon of a `key:` starting at `at` is, or -1 when the line holds no key there. */
  private keyColon(at: number): number {
    const c = this.codes[at];
    if (c === QUOTE || c === APOSTROPHE) {
      const close = this.quotedEnd(at, false);
      if (close < 0) return -1;
      const colon = this.skipSpaces(close + 1);
      return this.codes[colon] === COLON && this.isSeparator(this.codes[colon + 1]) ? colon : -1;
    }
    if (!this.canStartPlain(at)) return -1;
    const codes = this.codes;
    for (let i = at + 1; ; i++) {
      const ch = codes[i];
      if (ch === COLON) {
        if (this.isSeparator(codes[i + 1])) return i;
      } else if (this.isLineEnd(ch) || (ch === HASH && codes[i - 1] === SPACE)) {
        return -1;
      }
    }
  }

  /** Emits the key starting at `at` whose colon `keyColon` found at `colon`; returns `colon`. */
  private key(at: number, colon: number): number {
    if (colon < 0) throw GIVE_UP;
    const c = this.codes[at];
    if (c === QUOTE || c === APOSTROPHE) {
      this.quoted(at);
    } else {
      let end = colon;
      while (this.codes[end - 1] === SPACE) end--;
      this.plainScalar(at, end);
    }
    if (colon - at > MAX_KEY_LENGTH) throw GIVE_UP;
    return colon;
  }

  // ---- scalars -----------------------------------------------------------------------------

  /** A plain scalar in block context, up to a comment or the line's end; returns its end. */
  private plainValue(at: number): number {
    if (!this.canStartPlain(at)) throw GIVE_UP;
    const codes = this.codes;
    let end = at + 1;
    for (let i = at + 1; ; i++) {
      const ch = codes[i];
      if (this.isLineEnd(ch)) break;
      if (ch === SPACE) continue;
      if (ch === HASH && codes[i - 1] === SPACE) break;
      // `a: b: c` is an error; the general parser reports it.
      if (ch === COLON && this.isSeparator(codes[i + 1])) throw GIVE_UP;
      end = i + 1;
    }
    this.plainScalar(at, end);
    return end;
  }

  private plainScalar(start: number, end: number): void {
    const ev = this.scalarEvent;
    ev.valueStart = start;
    ev.valueEnd = end;
    ev.style = PLAIN;
    ev.fast = true;
    this.emitScalar();
  }

  /** Emits the quoted scalar at `at`; returns the position after its closing quote. */
  private quoted(at: number): number {
    const close = this.quotedEnd(at, true);
    if (close < 0) {
      this.openQuoteAt = at;
      throw GIVE_UP;
    }
    return close + 1;
  }

  /**
   * The closing quote of the one-line quoted scalar at `at`, or -1. With `emit`, also checks
   * the escapes and emits the scalar.
   */
  private quotedEnd(at: number, emit: boolean): number {
    const codes = this.codes;
    const quote = codes[at];
    let fast = true;
    let i = at + 1;
    for (;;) {
      const ch = codes[i];
      if (this.isLineEnd(ch)) return -1;
      if (ch === quote) {
        if (quote === APOSTROPHE && codes[i + 1] === APOSTROPHE) {
          fast = false;
          i += 2;
          continue;
        }
        break;
      }
      if (ch === BACKSLASH && quote === QUOTE) {
        fast = false;
        const skip = escapeLength(this.src, i + 1);
        if (skip < 0) {
          if (emit) throw GIVE_UP;
          return -1;
        }
        i += 1 + skip;
        continue;
      }
      i++;
    }
    if (emit) {
      const ev = this.scalarEvent;
      ev.valueStart = at + 1;
      ev.valueEnd = i;
      ev.style = quote === QUOTE ? DOUBLE_QUOTED : SINGLE_QUOTED;
      ev.fast = fast;
      this.emitScalar();
    }
    return i;
  }

  // ---- flow collections (one line) ---------------------------------------------------------

  /** `[...]` or `{...}` closed on the same line; returns the position after the bracket. */
  private flowCollection(at: number): number {
    const isMap = this.codes[at] === BRACE_OPEN;
    const close = isMap ? BRACE_CLOSE : BRACKET_CLOSE;
    this.open(isMap ? this.mappingEvent : this.sequenceEvent, at, FLOW);
    let i = this.skipSpaces(at + 1);
    if (this.codes[i] !== close) {
      for (;;) {
        if (isMap) {
          i = this.flowScalarOrCollection(i, true);
          i = this.skipSpaces(i);
          // `{a: b}`, and after a quoted key also `{"a":b}`; anything else is left alone.
          if (this.codes[i] !== COLON) throw GIVE_UP;
          const afterColon = this.codes[i + 1];
          if (afterColon !== SPACE && !isQuote(this.codes[this.skipSpacesBack(i) - 1])) throw GIVE_UP;
          i = this.skipSpaces(i + 1);
        }
        i = this.skipSpaces(this.flowScalarOrCollection(i, false));
        const ch = this.codes[i];
        if (ch === close) break;
        if (ch !== COMMA) throw GIVE_UP;
        i = this.skipSpaces(i + 1);
        if (this.codes[i] === close) throw GIVE_UP; // a trailing comma
      }
    }
    this.close();
    return i + 1;
  }

  private flowScalarOrCollection(at: number, isKey: boolean): number {
    const c = this.codes[at];
    if (c === QUOTE || c === APOSTROPHE) return this.quoted(at);
    if (c === BRACKET_OPEN || c === BRACE_OPEN) {
      if (isKey) throw GIVE_UP;
      return this.flowCollection(at);
    }
    if (!this.canStartPlain(at) || c === COMMA || c === BRACKET_CLOSE || c === BRACE_CLOSE) throw GIVE_UP;
    const codes = this.codes;
    let end = at + 1;
    for (let i = at + 1; ; i++) {
      const ch = codes[i];
      if (ch === COMMA || ch === BRACKET_CLOSE || ch === BRACE_CLOSE || ch === BRACKET_OPEN || ch === BRACE_OPEN) break;
      if (ch === COLON) {
        if (isKey && codes[i + 1] === SPACE) break;
        throw GIVE_UP;
      }
      if (this.isLineEnd(ch) || (ch === HASH && codes[i - 1] === SPACE)) throw GIVE_UP;
      if (ch !== SPACE) end = i + 1;
    }
    if (codes[end] === BRACKET_OPEN || codes[end] === BRACE_OPEN) throw GIVE_UP;
    this.plainScalar(at, end);
    return end;
  }

  // ---- lines -------------------------------------------------------------------------------

  /**
   * The first character of the next line, from the line starting at `from`, that is neither
   * blank nor only a comment; -1 at the end. Sets `lineStart` and `column`.
   */
  private nextContentLine(from: number, first: boolean): number {
    const codes = this.codes;
    let i = from;
    while (i < this.length) {
      const lineStart = i;
      while (codes[i] === SPACE) i++;
      const c = codes[i];
      if (c === LF) {
        i++;
        continue;
      }
      if (c === CR) {
        i += 2; // always followed by LF (see UNUSUAL)
        continue;
      }
      if (c === HASH) {
        i = this.afterLine(i);
        continue;
      }
      if (i >= this.length) return -1;
      this.lineStart = lineStart;
      this.column = i - lineStart;
      // `---` and `...` start or end a document: only a leading `---` is read here.
      if (this.column === 0 && !first && (this.isDocumentMarker(i, DASH) || this.isDocumentMarker(i, DOT))) throw GIVE_UP;
      return i;
    }
    return -1;
  }

  /** After a value: only spaces and a comment may follow on its line. Returns where the line's end is. */
  private lineRest(at: number): number {
    const i = this.skipSpaces(at);
    const c = this.codes[i];
    if (this.isLineEnd(c)) return i;
    if (c === HASH && i > at) return i;
    throw GIVE_UP;
  }

  /** The start of the line after the one holding `at`. */
  private afterLine(at: number): number {
    const nl = this.src.indexOf('\n', at);
    return nl < 0 ? this.length : nl + 1;
  }

  private skipSpaces(at: number): number {
    while (this.codes[at] === SPACE) at++;
    return at;
  }

  private skipSpacesBack(at: number): number {
    while (this.codes[at - 1] === SPACE) at--;
    return at;
  }

  /** A line break, or the end of the text (UNUSUAL keeps that control character out of the text). */
  private isLineEnd(c: number): boolean {
    return c === LF || c === CR || c === END_OF_TEXT;
  }

  /** What may follow `:` for it to end a key (and `-` for it to start an item). */
  private isSeparator(c: number): boolean {
    return c === SPACE || this.isLineEnd(c);
  }

  private isEntryDash(at: number): boolean {
    return this.codes[at] === DASH && this.isSeparator(this.codes[at + 1]);
  }

  private isDocumentMarker(at: number, c: number): boolean {
    const codes = this.codes;
    return codes[at] === c && codes[at + 1] === c && codes[at + 2] === c && this.isSeparator(codes[at + 3]);
  }

  /**
   * Whether a plain scalar may start here. Indicator characters start something else (or an
   * error); `-`, `?` and `:` start a plain scalar only when a non-space follows.
   */
  private canStartPlain(at: number): boolean {
    const c = this.codes[at];
    switch (c) {
      case DASH:
      case QUESTION:
      case COLON: {
        const n = this.codes[at + 1];
        return !this.isSeparator(n) && n !== COMMA && n !== BRACKET_CLOSE && n !== BRACE_CLOSE && n !== BRACKET_OPEN && n !== BRACE_OPEN;
      }
      case COMMA: case BRACKET_OPEN: case BRACKET_CLOSE: case BRACE_OPEN: case BRACE_CLOSE:
      case HASH: case 38: /* & */ case 42: /* * */ case 33: /* ! */ case 124: /* | */ case 62: /* > */
      case QUOTE: case APOSTROPHE: case 37: /* % */ case 64: /* @ */ case 96: /* ` */
        return false;
      default:
        return !this.isLineEnd(c) && c !== SPACE;
    }
  }
}

/** The characters of a tag's name that the scanner accepts (a subset of YAML's). */
function isTagChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === DASH || c === 95; /* _ */
}

function isQuote(c: number): boolean {
  return c === QUOTE || c === APOSTROPHE;
}

/** How many characters the escape after a backslash takes (YAML 1.2's list), or -1 for an invalid one. */
function escapeLength(src: string, at: number): number {
  switch (src[at]) {
    case '0': case 'a': case 'b': case 't': case 'n': case 'v': case 'f': case 'r': case 'e':
    case ' ': case '"': case '/': case '\\': case 'N': case '_': case 'L': case 'P':
      return 1;
    case 'x':
      return hexDigits(src, at + 1, 2) ? 3 : -1;
    case 'u':
      return hexDigits(src, at + 1, 4) ? 5 : -1;
    case 'U':
      return hexDigits(src, at + 1, 8) ? 9 : -1;
    default:
      return -1;
  }
}

function hexDigits(src: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) {
    const c = src.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
