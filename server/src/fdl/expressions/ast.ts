// The typed AST of FDL expressions (`key.$` values, `Seconds.$`, `Timeout.$`, `ItemsPath`) and of
// Choice `Condition`s. The language service checks it; the emulator evaluates it.
// Every node carries `start`/`end`: UTF-16 offsets relative to the expression string, end-exclusive.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A variable root. Current spec: `$Input`, `$Output`, `$Context`, `$Item`, `$Global` (name without `$`).
 * Legacy spec mapping sources: bare `$` (name `''`, the step input), `$input`, `$local`, `$context`.
 */
export interface VariableExpr extends Span {
  readonly kind: 'variable';
  readonly name: string;
}

/** `"text"`, `'text'` or `` `text` `` with escapes already decoded into `value`. */
export interface StringLiteral extends Span {
  readonly kind: 'string';
  readonly value: string;
  readonly quote: '"' | "'" | '`';
}

export interface NumberLiteral extends Span {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanLiteral extends Span {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullLiteral extends Span {
  readonly kind: 'null';
}

/** `[a, b, ...]` (used by built-in function arguments, e.g. `arrayContains(["Tom", 10], 10)`). */
export interface ArrayLiteral extends Span {
  readonly kind: 'array';
  readonly elements: Expr[];
}

export interface ObjectEntry extends Span {
  /** The decoded key (keys are string literals or bare identifiers). */
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Expr;
}

/** `{"name": "Tom", "age": 10}` (used by `jsonMerge`, `length`). */
export interface ObjectLiteral extends Span {
  readonly kind: 'object';
  readonly entries: ObjectEntry[];
}

/** `object.property`; `propertySpan` covers the name only. */
export interface MemberExpr extends Span {
  readonly kind: 'member';
  readonly object: Expr;
  readonly property: string;
  readonly propertySpan: Span;
}

/** `object[index]`: index is any expression (a number for arrays, a string for map keys). */
export interface IndexExpr extends Span {
  readonly kind: 'index';
  readonly object: Expr;
  readonly index: Expr;
}

/** `object[*]`: every element (legacy mapping sources such as `$local[*].name`). */
export interface WildcardExpr extends Span {
  readonly kind: 'wildcard';
  readonly object: Expr;
}

/** A built-in function call such as `format("hello {}", $Input.name)`. */
export interface CallExpr extends Span {
  readonly kind: 'call';
  readonly callee: string;
  readonly calleeSpan: Span;
  readonly args: Expr[];
}

export type UnaryOperator = '!' | '-';

export interface UnaryExpr extends Span {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expr;
}

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
/** `in`: an array contains a value, or an object contains a key. */
export type BinaryOperator = ComparisonOperator | 'in' | '&&' | '||';

export interface BinaryExpr extends Span {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly operatorSpan: Span;
  readonly left: Expr;
  readonly right: Expr;
}

/** `( expr )`: kept as a node so ranges of the parenthesised text stay exact. */
export interface GroupExpr extends Span {
  readonly kind: 'group';
  readonly expression: Expr;
}

export type Expr =
  | VariableExpr
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | ArrayLiteral
  | ObjectLiteral
  | MemberExpr
  | IndexExpr
  | WildcardExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | GroupExpr;

/** A problem found while parsing; offsets relative to the parsed string. */
export interface ExpressionProblem extends Span {
  readonly message: string;
  /** Set when the problem has a diagnostic code of its own (expression-too-large). */
  readonly code?: 'expression-too-large';
}

export interface ExpressionParseResult {
  /** Present whenever a tree could be built, even with errors (best effort). */
  readonly ast?: Expr;
  readonly errors: ExpressionProblem[];
  /** Constructs that parse but are not documented by the vendor (e.g. function calls in a Condition). */
  readonly warnings: ExpressionProblem[];
}

export interface ExpressionParseOptions {
  /**
   * Legacy spec (`type: flow`) mapping sources: roots `$`, `$input`, `$local`, `$context`, and `[*]`.
   * Default false: current spec roots `$Input`, `$Output`, `$Context`, `$Item`, `$Global`.
   */
  readonly legacy?: boolean;
}
