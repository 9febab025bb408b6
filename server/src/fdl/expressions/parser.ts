// Recursive-descent parser for FDL expressions and Choice conditions.
// Precedence, lowest first: `||`, `&&`, `==` `!=`, `<` `<=` `>` `>=` `in`, prefix `!` `-`,
// then postfix `.name`, `[index]`, `[*]`. The vendor documents the operators but not their
// precedence; this order is the usual one (and that of the Go engine the grammar matches).
import type {
  BinaryOperator, Expr, ExpressionParseOptions, ExpressionParseResult, ExpressionProblem, ObjectEntry, Span,
} from './ast';
import { tokenize, type Token } from './lexer';

class SyntaxFailure extends Error {
  constructor(readonly span: Span, message: string) {
    super(message);
  }
}

/** Deeper nesting than this is certainly a mistake, and it keeps the parser off the stack limit. */
const MAX_SYNTAX_DEPTH = 100;
/**
 * More tokens than this is not an expression anyone maintains. Operator chains (`a && b && ...`)
 * build a tree as deep as they are long, which every later walk recurses through: the limit keeps
 * those walks, in the checks and in the emulator's evaluator, far from the stack limit.
 */
export const MAX_EXPRESSION_TOKENS = 1000;

interface Mode {
  readonly legacy: boolean;
  readonly condition: boolean;
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly warnings: ExpressionProblem[] = [];

  constructor(private readonly tokens: Token[], private readonly mode: Mode) {}

  parseAll(): Expr {
    const first = this.peek();
    if (first.kind === 'eof') {
      throw new SyntaxFailure(first, this.mode.condition
        ? 'empty condition: write a comparison such as `$Input.status == "ready"`'
        : 'empty expression: write a value such as `$Input.name` or a function call such as `uuid()`');
    }
    const expr = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      const last = this.tokens[this.tokens.length - 1]!;
      throw new SyntaxFailure({ start: rest.start, end: last.start },
        `unexpected ${describe(rest)} after a complete expression; remove it or join the parts with an operator`);
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.value === value;
  }

  private expectPunct(value: string, advice: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.value === value) return this.next();
    throw new SyntaxFailure(t, `expected \`${value}\` but found ${describe(t)}; ${advice}`);
  }

  private enter(at: Token): void {
    if (++this.depth > MAX_SYNTAX_DEPTH) {
      throw new SyntaxFailure(at, `expression nested more than ${MAX_SYNTAX_DEPTH} levels; simplify it`);
    }
  }

  /** Binary operators by precedence level, lowest first (`in` is a word, the rest are operators). */
  private static readonly LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=', 'in']];

  private parseOr(): Expr {
    return this.parseLevel(0);
  }

  private parseLevel(level: number): Expr {
    if (level === Parser.LEVELS.length) return this.parseUnary();
    const operators = Parser.LEVELS[level]!;
    let left = this.parseLevel(level + 1);
    for (;;) {
      const t = this.peek();
      if ((t.kind !== 'operator' && t.kind !== 'identifier') || !operators.includes(t.value)) return left;
      this.next();
      const right = this.parseLevel(level + 1);
      left = {
        kind: 'binary', operator: t.value as BinaryOperator, operatorSpan: { start: t.start, end: t.end },
        left, right, start: left.start, end: right.end,
      };
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'operator' && (t.value === '!' || t.value === '-')) {
      this.next();
      this.enter(t);
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', operator: t.value, operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    for (;;) {
      if (this.isPunct('.')) {
        const dot = this.next();
        const name = this.peek();
        if (name.kind !== 'identifier' && name.kind !== 'number') {
          throw new SyntaxFailure(name.kind === 'eof' ? dot : name,
            `expected a field name after \`.\` but found ${describe(name)}; write e.g. \`$Input.field\``);
        }
        this.next();
        expr = {
          kind: 'member', object: expr, property: name.value,
          propertySpan: { start: name.start, end: name.end }, start: expr.start, end: name.end,
        };
      } else if (this.isPunct('[')) {
        const open = this.next();
        if (this.isPunct('*')) {
          const star = this.next();
          if (!this.mode.legacy) {
            const end = this.isPunct(']') ? this.peek().end : star.end;
            throw new SyntaxFailure({ start: open.start, end },
              '`[*]` is not supported by this spec; index one element such as `[0]`');
          }
          const close = this.expectPunct(']', 'close the wildcard as `[*]`');
          expr = { kind: 'wildcard', object: expr, start: expr.start, end: close.end };
          continue;
        }
        if (this.isPunct(']')) {
          throw new SyntaxFailure({ start: open.start, end: this.peek().end }, 'empty index `[]`: write a position such as `[0]`');
        }
        this.enter(open);
        const index = this.parseOr();
        this.depth--;
        const close = this.expectPunct(']', 'close the index with `]`');
        expr = { kind: 'index', object: expr, index, start: expr.start, end: close.end };
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'variable':
        this.next();
        return { kind: 'variable', name: t.value, start: t.start, end: t.end };
      case 'number':
        this.next();
        return { kind: 'number', value: t.number ?? Number(t.value), start: t.start, end: t.end };
      case 'string':
        if (t.problem) throw new SyntaxFailure(t, t.problem);
        this.next();
        if (this.mode.condition && t.quote === "'") {
          this.warnings.push({ start: t.start, end: t.end, message: 'single-quoted strings are not documented in a Condition; use "…" or `…`' });
        }
        return { kind: 'string', value: t.value, quote: t.quote ?? '"', start: t.start, end: t.end };
      case 'identifier':
        return this.parseIdentifier(t);
      case 'punct':
        if (t.value === '(') return this.parseGroup(t);
        if (t.value === '[') return this.parseArray(t);
        if (t.value === '{') return this.parseObject(t);
        break;
      case 'invalid':
        throw new SyntaxFailure(t, `unexpected character \`${t.value}\`${t.value === '/' ? '; comments are not allowed inside an expression' : ''}`);
      case 'eof': {
        const prev = this.tokens[this.pos - 1];
        const at = prev ?? t;
        throw new SyntaxFailure(at, `the expression ends too early after ${prev ? describe(prev) : 'its start'}; complete it`);
      }
      default:
        break;
    }
    throw new SyntaxFailure(t, `unexpected ${describe(t)}; expected a value such as \`$Input.name\`, a string, a number or a function call`);
  }

  private parseIdentifier(t: Token): Expr {
    this.next();
    if (t.value === 'true' || t.value === 'false') {
      return { kind: 'boolean', value: t.value === 'true', start: t.start, end: t.end };
    }
    if (t.value === 'null' || t.value === 'nil') return { kind: 'null', start: t.start, end: t.end };
    if (!this.isPunct('(')) {
      throw new SyntaxFailure(t, `\`${t.value}\` is neither a variable nor a function call: variables start with \`$\` (e.g. \`$Input.${t.value}\`), text needs quotes ("${t.value}"), functions need parentheses (${t.value}())`);
    }
    const paren = this.next();
    this.enter(t);
    const args = this.parseList(')', 'separate arguments with `,` and close the call with `)`', { start: t.start, end: paren.end }, `the call \`${t.value}(\``);
    this.depth--;
    const close = this.next();
    if (this.mode.condition) {
      this.warnings.push({ start: t.start, end: close.end, message: 'function calls inside a Condition are not documented; the service may reject them' });
    }
    return { kind: 'call', callee: t.value, calleeSpan: { start: t.start, end: t.end }, args, start: t.start, end: close.end };
  }

  /** Parses `a, b, c` up to (not consuming) the closing punctuation. */
  private parseList(close: string, advice: string, open: Span, what: string): Expr[] {
    const items: Expr[] = [];
    for (;;) {
      if (this.peek().kind === 'eof') throw new SyntaxFailure(open, `${what} is never closed; add \`${close}\``);
      if (this.isPunct(close)) return items;
      items.push(this.parseOr());
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      if (this.isPunct(close)) return items;
      const t = this.peek();
      if (t.kind === 'eof') throw new SyntaxFailure(open, `${what} is never closed; add \`${close}\``);
      throw new SyntaxFailure(t, `expected \`,\` or \`${close}\` but found ${describe(t)}; ${advice}`);
    }
  }

  private parseGroup(open: Token): Expr {
    this.next();
    this.enter(open);
    const expression = this.parseOr();
    this.depth--;
    const close = this.peek();
    if (close.kind !== 'punct' || close.value !== ')') {
      throw new SyntaxFailure({ start: open.start, end: open.end },
        `this \`(\` is never closed (found ${describe(close)}); add \`)\``);
    }
    this.next();
    return { kind: 'group', expression, start: open.start, end: close.end };
  }

  private parseArray(open: Token): Expr {
    this.next();
    this.enter(open);
    const elements = this.parseList(']', 'separate elements with `,` and close the array with `]`', open, 'this `[`');
    this.depth--;
    const close = this.next();
    return { kind: 'array', elements, start: open.start, end: close.end };
  }

  private parseObject(open: Token): Expr {
    this.next();
    this.enter(open);
    const entries: ObjectEntry[] = [];
    if (!this.isPunct('}')) {
      for (;;) {
        const key = this.peek();
        if (key.kind !== 'string' && key.kind !== 'identifier') {
          throw new SyntaxFailure(key, `expected an object key (a string such as "name") but found ${describe(key)}`);
        }
        if (key.problem) throw new SyntaxFailure(key, key.problem);
        this.next();
        this.expectPunct(':', 'write entries as "key": value');
        const value = this.parseOr();
        entries.push({ key: key.value, keySpan: { start: key.start, end: key.end }, value, start: key.start, end: value.end });
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        if (this.isPunct('}')) break;
        const t = this.peek();
        throw new SyntaxFailure(t, `expected \`,\` or \`}\` but found ${describe(t)}; separate entries with \`,\` and close the object with \`}\``);
      }
    }
    this.depth--;
    const close = this.next();
    return { kind: 'object', entries, start: open.start, end: close.end };
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof': return 'the end of the expression';
    case 'string': return `the string ${t.quote ?? '"'}${t.value}${t.quote ?? '"'}`;
    case 'variable': return `\`$${t.value}\``;
    default: return `\`${t.value}\``;
  }
}

export function parseWithMode(text: string, mode: Mode): ExpressionParseResult {
  const tokens = tokenize(text);
  // Counted before parsing: the last token is the end marker.
  if (tokens.length - 1 > MAX_EXPRESSION_TOKENS) {
    return {
      errors: [{
        start: 0, end: text.length, code: 'expression-too-large',
        message: `${mode.condition ? 'this Condition' : 'this expression'} has ${tokens.length - 1} tokens; at most ${MAX_EXPRESSION_TOKENS} are checked and run. Split it (e.g. compute parts in earlier states, or use several Choice branches)`,
      }],
      warnings: [],
    };
  }
  const parser = new Parser(tokens, mode);
  try {
    const ast = parser.parseAll();
    return { ast, errors: [], warnings: parser.warnings };
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      const start = Math.max(0, Math.min(e.span.start, text.length));
      const end = Math.max(start, Math.min(e.span.end, text.length));
      return { errors: [{ start, end, message: e.message }], warnings: parser.warnings };
    }
    throw e;
  }
}

export function modeFor(options: ExpressionParseOptions | undefined, condition: boolean): Mode {
  return { legacy: options?.legacy === true, condition };
}
