// Splits an expression string into tokens with exact offsets. Never throws: an unexpected
// character becomes an `invalid` token that the parser reports with its span.

export type TokenKind =
  | 'variable' // `$Input`, `$` (legacy bare root); `value` is the name without `$`
  | 'identifier'
  | 'number'
  | 'string'
  | 'punct' // . [ ] ( ) { } , : *
  | 'operator' // == != < <= > >= && || ! -
  | 'invalid'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text for punctuation/operators/identifiers; decoded value for strings; name for variables. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** For strings: the opening quote. */
  readonly quote?: '"' | "'" | '`';
  /** For numbers. */
  readonly number?: number;
  /** Set when the token is malformed (e.g. an unterminated string), with advice. */
  readonly problem?: string;
}

const UNICODE_START = /[\p{L}_]/u;
const UNICODE_PART = /[\p{L}\p{N}_]/u;

// ASCII answers without a regular expression: this runs once per character of every expression.
function isIdentifierStart(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return UNICODE_START.test(c);
}

function isIdentifierPart(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  return UNICODE_PART.test(c);
}
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

const TWO_CHAR_OPERATORS = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR_OPERATORS = new Set(['<', '>', '!', '-']);
const PUNCTUATION = new Set(['.', '[', ']', '(', ')', '{', '}', ',', ':', '*']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', '/': '/', '"': '"', "'": "'", '`': '`' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '$') {
      i++;
      while (i < n && isIdentifierPart(text[i]!)) i++;
      tokens.push({ kind: 'variable', value: text.slice(start + 1, i), start, end: i });
      continue;
    }
    if (isIdentifierStart(c)) {
      i++;
      while (i < n && isIdentifierPart(text[i]!)) i++;
      tokens.push({ kind: 'identifier', value: text.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      while (i < n && isDigit(text[i]!)) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < n && isDigit(text[i]!)) i++;
      }
      if ((text[i] === 'e' || text[i] === 'E') && /[0-9+-]/.test(text[i + 1] ?? '')) {
        i += 2;
        while (i < n && isDigit(text[i]!)) i++;
      }
      const raw = text.slice(start, i);
      tokens.push({ kind: 'number', value: raw, number: Number(raw), start, end: i });
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      tokens.push(readString(text, start, c));
      i = tokens[tokens.length - 1]!.end;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPERATORS.has(two)) {
      tokens.push({ kind: 'operator', value: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPERATORS.has(c)) {
      tokens.push({ kind: 'operator', value: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      tokens.push({ kind: 'punct', value: c, start, end: i + 1 });
      i++;
      continue;
    }
    // Surrogate pairs stay together so the span covers the whole character.
    const width = (c.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
    tokens.push({ kind: 'invalid', value: text.slice(i, i + width), start, end: i + width });
    i += width;
  }
  tokens.push({ kind: 'eof', value: '', start: n, end: n });
  return tokens;
}

function readString(text: string, start: number, quote: '"' | "'" | '`'): Token {
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { kind: 'string', value, quote, start, end: i + 1 };
    // Backtick strings are raw, as in the condition grammar's `foobar` constants.
    if (c === '\\' && quote !== '`') {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (next !== undefined && next in ESCAPES) {
        value += ESCAPES[next];
        i += 2;
        continue;
      }
      return {
        kind: 'string', value, quote, start, end: Math.min(i + 2, text.length),
        problem: `unknown escape \`\\${next ?? ''}\` in a string; write \`\\\\\` for a backslash`,
      };
    }
    value += c;
    i++;
  }
  return {
    kind: 'string', value, quote, start, end: text.length,
    problem: `unterminated string: add the closing ${quote}`,
  };
}
