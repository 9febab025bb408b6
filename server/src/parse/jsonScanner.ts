// A strict JSON reader that builds the positioned tree in one pass over the text. It reads only
// what RFC 8259 allows and gives up at the first thing it does not (a comment, a trailing comma,
// any syntax error); jsonc-parser (json.ts), which recovers from errors, then reads the text.
// On what it reads it builds exactly the tree json.ts builds from jsonc-parser's
// (test/unit/parse/jsonScanner.test.ts compares the two). It builds no plain value: the schema
// step makes one from the tree when it needs it (toJson.ts), and lets it go at once.
import { MAX_NESTING_DEPTH, type ArrayNode, type Node, type ObjectNode, type Property, type ScalarNode } from './tree';
import { Anchor, FIXED, PlainScalar, QuotedScalar, YamlArray, YamlObject, YamlProperty } from './yamlNodes';
import { collectRepeatedKeys } from './toJson';
import { takeFrom } from './childStack';
import { internKey, knownKeyAt, rememberedKeyAt, stringAt } from './sharedStrings';
import { charCodesOf, type CharCodes } from './charCodes';

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const BRACE_OPEN = 123;
const BRACE_CLOSE = 125;

/** Deeper nesting is left to the general path, which reports it (and keeps our recursion shallow). */
const MAX_DEPTH = MAX_NESTING_DEPTH;

/** Thrown to abandon the read; caught in `scanStrictJson`. */
const GIVE_UP = new Error('not strict JSON');

export interface StrictJson {
  readonly root: Node;
  /** Properties whose key already appeared in the same object. */
  readonly repeatedKeys: Property[];
}

/** The tree of `text`, or undefined when it is not strict JSON (or is empty). */
export function scanStrictJson(text: string): StrictJson | undefined {
  try {
    const reader = new Reader(text);
    const root = reader.value(reader.skipSpace(0), 0);
    if (reader.skipSpace(reader.position) !== text.length) return undefined;
    return { root, repeatedKeys: reader.repeatedKeys };
  } catch (err) {
    if (err === GIVE_UP || err instanceof RangeError) return undefined;
    throw err;
  }
}

/**
 * The comma-separated values of an array that fill exactly `from..to` of `text` (both at a value's
 * first and after its last character), as the whole-text read would have built them; undefined
 * when the span holds anything else. Used to re-read the edited items of an array in place.
 */
export function scanStrictJsonItems(text: string, from: number, to: number): Node[] | undefined {
  try {
    const reader = new Reader(text);
    const items: Node[] = [];
    let i = from;
    for (;;) {
      reader.anchor = new Anchor();
      items.push(reader.value(i, 2));
      i = reader.skipSpace(reader.position);
      if (reader.position === to) return items;
      if (i >= to || text.charCodeAt(i) !== COMMA) return undefined;
      i = reader.skipSpace(i + 1);
      if (i >= to) return undefined;
    }
  } catch (err) {
    if (err === GIVE_UP || err instanceof RangeError) return undefined;
    throw err;
  }
}

class Reader {
  /** Where the last value read ends. */
  position = 0;
  readonly repeatedKeys: Property[] = [];

  /** The anchor of the nodes being read: each item of a top-level list gets its own. */
  anchor: Anchor = FIXED;

  /** The children of the open containers (up to `top`), each moved into an array of exactly its size when it closes. */
  private readonly children: (Property | Node)[] = [];
  private top = 0;

  /** Whether the last string read held a backslash escape. */
  private escaped = false;

  /** The text's code units, which every loop reads (charCodes.ts); `src` gives the strings. */
  private readonly codes: CharCodes;

  constructor(private readonly src: string) {
    this.codes = charCodesOf(src);
  }

  skipSpace(at: number): number {
    const codes = this.codes;
    // A loop of character codes: between tokens there is a space or a line break and its
    // indentation, too short a run to pay for starting the engine's regular expression (the
    // loop read a 1,000-state flow 4-5% faster). It stops at the end of the text, as at any
    // character that is not whitespace.
    for (let c = codes[at]; ; c = codes[++at]) {
      if (c > SPACE) return at;
      if (c !== SPACE && c !== LINE_FEED && c !== CARRIAGE_RETURN && c !== TAB) return at;
    }
  }

  /** Reads the value starting at `at`; sets `position` to its end. */
  value(at: number, depth: number): Node {
    const c = this.codes[at];
    switch (c) {
      case BRACE_OPEN: return this.object(at, depth + 1);
      case BRACKET_OPEN: return this.array(at, depth + 1);
      case QUOTE: return this.string(at);
      case 116: return this.literal(at, 'true', true); // t
      case 102: return this.literal(at, 'false', false); // f
      case 110: return this.literal(at, 'null', null); // n
      default:
        if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number(at);
        throw GIVE_UP;
    }
  }

  private object(at: number, depth: number): ObjectNode {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const codes = this.codes;
    const node = new YamlObject(at, at, this.anchor);
    let i = this.skipSpace(at + 1);
    if (codes[i] !== BRACE_CLOSE) {
      const children = this.children;
      const from = this.top;
      for (;;) {
        if (codes[i] !== QUOTE) throw GIVE_UP;
        const keyStart = i;
        const key = this.key(i);
        const keyEnd = this.position;
        // The colon most often follows the key at once.
        i = codes[keyEnd] === COLON ? keyEnd : this.skipSpace(keyEnd);
        if (codes[i] !== COLON) throw GIVE_UP;
        const value = this.value(this.skipSpace(i + 1), depth);
        const prop = new YamlProperty(key, keyStart, keyEnd, value, node, this.anchor);
        value.parent = prop;
        children[this.top++] = prop;
        i = this.skipSpace(this.position);
        const c = codes[i];
        if (c === BRACE_CLOSE) break;
        if (c !== COMMA) throw GIVE_UP;
        i = this.skipSpace(i + 1);
      }
      const properties = takeFrom(children, from, this.top) as Property[];
      this.top = from;
      (node as { properties: Property[] }).properties = properties;
      if (properties.length > 1) collectRepeatedKeys(properties, this.repeatedKeys);
    }
    this.position = i + 1;
    node.endOffset = i + 1;
    return node;
  }

  private array(at: number, depth: number): ArrayNode {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const codes = this.codes;
    const node = new YamlArray(at, at, this.anchor);
    let i = this.skipSpace(at + 1);
    if (codes[i] !== BRACKET_CLOSE) {
      const children = this.children;
      const from = this.top;
      // The items of a list under the root (a flow's states) each move as one after an edit.
      const anchored = depth <= 2 && this.anchor === FIXED;
      for (;;) {
        if (anchored) this.anchor = new Anchor();
        const item = this.value(i, depth);
        item.parent = node;
        children[this.top++] = item;
        i = this.skipSpace(this.position);
        const c = codes[i];
        if (c === BRACKET_CLOSE) break;
        if (c !== COMMA) throw GIVE_UP;
        i = this.skipSpace(i + 1);
      }
      if (anchored) this.anchor = FIXED;
      (node as { items: Node[] }).items = takeFrom(children, from, this.top) as Node[];
      this.top = from;
    }
    this.position = i + 1;
    node.endOffset = i + 1;
    return node;
  }

  private string(at: number): ScalarNode {
    const src = this.src;
    const end = this.stringEnd(at) + 1;
    this.position = end;
    return new QuotedScalar(this.escaped ? decoded(src, at, end) : stringAt(src, this.codes, at + 1, end - 1), at, end, this.anchor);
  }

  /** The key whose opening quote is at `at`, shared (sharedStrings.ts); sets `position` after it. */
  private key(at: number): string {
    const src = this.src;
    const known = knownKeyAt(this.codes, at + 1, QUOTE);
    if (known !== undefined) {
      this.position = at + 2 + known.length;
      return known;
    }
    const end = this.stringEnd(at) + 1;
    this.position = end;
    return this.escaped ? internKey(decoded(src, at, end)) : rememberedKeyAt(src, this.codes, at + 1, end - 1);
  }

  /** Where the closing quote of the string whose opening quote is at `at` is; sets `escaped`. */
  private stringEnd(at: number): number {
    const codes = this.codes;
    let escaped = false;
    let i = at + 1;
    for (;;) {
      const c = codes[i];
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i += escapeLength(codes, i + 1) + 1;
        continue;
      }
      // Control characters must be escaped in JSON; the end of the text ends nothing.
      if (!(c >= SPACE)) throw GIVE_UP;
      i++;
    }
    this.escaped = escaped;
    return i;
  }

  private number(at: number): ScalarNode {
    const src = this.src;
    const codes = this.codes;
    let i = at;
    if (codes[i] === MINUS) i++;
    const intStart = i;
    if (codes[i] === ZERO) i++;
    else i = this.digits(i);
    const intEnd = i;
    if (codes[i] === DOT) i = this.digits(i + 1);
    const e = codes[i];
    if (e === 101 || e === 69) {
      // e, E
      i++;
      const sign = codes[i];
      if (sign === 43 || sign === MINUS) i++;
      i = this.digits(i);
    }
    this.position = i;
    return new PlainScalar(i === intEnd && i - intStart <= 9 ? smallInteger(codes, at, intStart, i) : Number(src.slice(at, i)), at, i, this.anchor);
  }

  /** One or more digits from `at`; returns where they end. */
  private digits(at: number): number {
    const codes = this.codes;
    let i = at;
    for (let c = codes[i]; c >= ZERO && c <= NINE; c = codes[i]) i++;
    if (i === at) throw GIVE_UP;
    return i;
  }

  private literal(at: number, word: string, value: boolean | null): ScalarNode {
    if (!this.src.startsWith(word, at)) throw GIVE_UP;
    const end = at + word.length;
    this.position = end;
    return new PlainScalar(value, at, end, this.anchor);
  }
}

/** An integer of at most nine digits, read without a slice (exact: it fits in 32 bits); `-0` stays -0. */
function smallInteger(codes: CharCodes, at: number, digitsStart: number, end: number): number {
  let n = 0;
  for (let i = digitsStart; i < end; i++) n = n * 10 + (codes[i] - ZERO);
  return digitsStart > at ? -n : n;
}

/** The string with escapes between the quotes at `from` and `to - 1`: the engine's own JSON parser is the definition of them. */
function decoded(src: string, from: number, to: number): string {
  return JSON.parse(src.slice(from, to)) as string;
}

/** How many characters the escape after a backslash takes, or gives up on an invalid one. */
function escapeLength(codes: CharCodes, at: number): number {
  switch (codes[at]) {
    case QUOTE: case BACKSLASH: case 47: /* / */ case 98: /* b */ case 102: /* f */ case 110: /* n */ case 114: /* r */ case 116: /* t */
      return 1;
    case 117: /* u */
      for (let i = at + 1; i <= at + 4; i++) {
        const c = codes[i];
        if (!((c >= ZERO && c <= NINE) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) throw GIVE_UP;
      }
      return 5;
    default:
      throw GIVE_UP;
  }
}
