// The two small expression languages of Flow JSON (research/whatsapp-gaps.md §4.3, §4.4):
// `If.condition` without backticks (no arithmetic, integers only, at least one dynamic operand)
// and nested expressions in backticks (6.0+: arithmetic, decimals, string concatenation).
// Offsets are relative to the expression text.

export type ExprType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';

export type Expr =
  | { kind: 'literal'; type: 'string' | 'number' | 'boolean'; text: string; start: number; end: number }
  | { kind: 'binding'; text: string; start: number; end: number }
  | { kind: 'unary'; op: '!' | '-' | '+'; arg: Expr; start: number; end: number }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; start: number; end: number }
  | { kind: 'concat'; parts: Expr[]; start: number; end: number };

export interface ExprError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

type Mode = 'condition' | 'nested';

interface Token {
  readonly kind: 'num' | 'str' | 'bool' | 'binding' | 'op' | 'lparen' | 'rparen' | 'word';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = ['&&', '||', '==', '!=', '>=', '<=', '>', '<', '!', '+', '-', '*', '/', '%'];

function tokenize(text: string, mode: Mode, errors: ExprError[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i);
      const end = close < 0 ? text.length : close + 1;
      out.push({ kind: 'binding', text: text.slice(i, end), start: i, end });
      if (close < 0) errors.push({ start: i, end, message: `Missing '}' to close the reference at column ${i + 1}.` });
      i = end;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) {
        errors.push({ start: i, end: text.length, message: `Missing closing quote for string at column ${i + 1}.` });
        out.push({ kind: 'str', text: text.slice(i), start: i, end: text.length });
        i = text.length;
      } else {
        out.push({ kind: 'str', text: text.slice(i, j + 1), start: i, end: j + 1 });
        i = j + 1;
      }
      continue;
    }
    if (/[0-9]/.test(ch)) {
      const m = (mode === 'nested' ? /^[0-9]+(\.[0-9]+)?/ : /^[0-9]+/).exec(text.slice(i)) as RegExpExecArray;
      const num = m[0];
      if (mode === 'condition' && num.length > 1 && num.startsWith('0')) {
        errors.push({ start: i, end: i + num.length, message: `Number cannot have leading zeroes at column ${i + 1}.` });
      }
      out.push({ kind: 'num', text: num, start: i, end: i + num.length });
      i += num.length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      const w = word[0];
      out.push({ kind: w === 'true' || w === 'false' ? 'bool' : 'word', text: w, start: i, end: i + w.length });
      i += w.length;
      continue;
    }
    errors.push({ start: i, end: i + 1, message: `Unexpected character '${ch}' at column ${i + 1}.` });
    i++;
  }
  return out;
}

const PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly mode: Mode,
    private readonly errors: ExprError[],
    private readonly length: number,
  ) {}

  parse(): Expr | undefined {
    if (this.tokens.length === 0) {
      this.errors.push({ start: 0, end: this.length, message: 'The expression is empty: write at least one operand such as ${form.field}.' });
      return undefined;
    }
    const first = this.binary(0);
    if (!first) return undefined;
    if (this.mode === 'nested') {
      // Juxtaposition concatenates strings: `'Hello ' ${data.name}`.
      const parts = [first];
      while (this.pos < this.tokens.length && this.peek()?.kind !== 'rparen') {
        const next = this.binary(0);
        if (!next) return undefined;
        parts.push(next);
      }
      this.trailing();
      return parts.length === 1 ? first : { kind: 'concat', parts, start: first.start, end: (parts.at(-1) as Expr).end };
    }
    this.trailing();
    return first;
  }

  private trailing(): void {
    const t = this.peek();
    if (!t) return;
    if (t.kind === 'rparen') this.errors.push({ start: t.start, end: t.end, message: `Missing opening parenthesis for the closing parenthesis at column ${t.start + 1}.` });
    else this.errors.push({ start: t.start, end: t.end, message: `Missing operator between the operands at column ${t.start + 1}.` });
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private binary(minPrec: number): Expr | undefined {
    let left = this.unary();
    if (!left) return undefined;
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'op') return left;
      const prec = PRECEDENCE[t.text];
      if (prec === undefined || prec < minPrec) return left;
      if (this.mode === 'condition' && ARITHMETIC.has(t.text)) {
        this.errors.push({ start: t.start, end: t.end, message: `Unexpected character '${t.text}' at column ${t.start + 1}: conditions without backticks have no arithmetic.` });
        return undefined;
      }
      this.pos++;
      if (!this.peek()) {
        this.errors.push({ start: t.start, end: t.end, message: `Missing operand after last operator '${t.text}'.` });
        return undefined;
      }
      const right = this.binary(prec + 1);
      if (!right) return undefined;
      left = { kind: 'binary', op: t.text, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr | undefined {
    const t = this.peek();
    if (!t) {
      this.errors.push({ start: this.length, end: this.length, message: 'Missing operand at the end of the expression.' });
      return undefined;
    }
    if (t.kind === 'op' && (t.text === '!' || (this.mode === 'nested' && (t.text === '-' || t.text === '+')))) {
      this.pos++;
      const arg = this.unary();
      return arg && { kind: 'unary', op: t.text as '!' | '-' | '+', arg, start: t.start, end: arg.end };
    }
    if (t.kind === 'op' && t.text === '-' && this.mode === 'condition') {
      const next = this.tokens[this.pos + 1];
      if (next?.kind === 'num' && next.start === t.end) {
        this.pos += 2;
        return { kind: 'literal', type: 'number', text: `-${next.text}`, start: t.start, end: next.end };
      }
      this.errors.push({ start: t.start, end: t.end, message: `A numerical value is expected to follow the negative sign at column ${t.start + 1}.` });
      return undefined;
    }
    this.pos++;
    switch (t.kind) {
      case 'num':
        return { kind: 'literal', type: 'number', text: t.text, start: t.start, end: t.end };
      case 'str':
        return { kind: 'literal', type: 'string', text: t.text, start: t.start, end: t.end };
      case 'bool':
        return { kind: 'literal', type: 'boolean', text: t.text, start: t.start, end: t.end };
      case 'binding':
        return { kind: 'binding', text: t.text, start: t.start, end: t.end };
      case 'lparen': {
        if (this.peek()?.kind === 'rparen') {
          this.errors.push({ start: t.start, end: (this.peek() as Token).end, message: `Found invalid empty parentheses at column ${t.start + 1}.` });
          return undefined;
        }
        const inner = this.binary(0);
        if (!inner) return undefined;
        if (this.peek()?.kind !== 'rparen') {
          this.errors.push({ start: t.start, end: t.end, message: 'Missing closing parenthesis.' });
          return undefined;
        }
        this.pos++;
        return { ...inner, start: t.start, end: (this.tokens[this.pos - 1] as Token).end };
      }
      case 'word':
        this.errors.push({
          start: t.start,
          end: t.end,
          message:
            t.text === 'null'
              ? "The keyword 'null' is reserved, please use another expression instead."
              : `'${t.text}' is not supported: use \${data.x} or \${form.x} references, numbers, 'strings', true or false.`,
        });
        return undefined;
      default:
        this.errors.push({ start: t.start, end: t.end, message: `Unexpected '${t.text}' at column ${t.start + 1}: an operand is expected.` });
        return undefined;
    }
  }
}

export function parseFlowExpression(text: string, mode: Mode): { ast?: Expr; errors: ExprError[] } {
  const errors: ExprError[] = [];
  if (mode === 'nested' && /\?/.test(text.replace(/'(?:[^'\\]|\\.)*'/g, ''))) {
    const at = text.indexOf('?');
    errors.push({ start: at, end: at + 1, message: "Ternary operators (condition ? a : b) are not supported: use an If component instead." });
    return { errors };
  }
  const tokens = tokenize(text, mode, errors);
  if (errors.length > 0) return { errors };
  const ast = new Parser(tokens, mode, errors, text.length).parse();
  return errors.length > 0 ? { errors } : { ...(ast ? { ast } : {}), errors };
}
