import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  functionNestingDepth, parseCondition, parseExpression, type Expr,
} from '../../../server/src/fdl/expressions';

/** A compact rendering of the AST that shows structure and spans. */
function show(e: Expr | undefined): string {
  if (!e) return '<none>';
  switch (e.kind) {
    case 'variable': return `$${e.name}`;
    case 'string': return JSON.stringify(e.value);
    case 'number': case 'boolean': return String(e.value);
    case 'null': return 'null';
    case 'array': return `[${e.elements.map(show).join(', ')}]`;
    case 'object': return `{${e.entries.map((x) => `${x.key}: ${show(x.value)}`).join(', ')}}`;
    case 'member': return `${show(e.object)}.${e.property}`;
    case 'index': return `${show(e.object)}[${show(e.index)}]`;
    case 'wildcard': return `${show(e.object)}[*]`;
    case 'call': return `${e.callee}(${e.args.map(show).join(', ')})`;
    case 'unary': return `(${e.operator}${show(e.operand)})`;
    case 'binary': return `(${show(e.left)} ${e.operator} ${show(e.right)})`;
    case 'group': return `(${show(e.expression)})`;
  }
}

describe('parseExpression', () => {
  test('paths with members and indexes keep exact spans', () => {
    const r = parseExpression('$Output.output.choices[0].message.content');
    assert.deepEqual(r.errors, []);
    assert.equal(show(r.ast), '$Output.output.choices[0].message.content');
    assert.deepEqual([r.ast!.start, r.ast!.end], [0, 41]);
    const member = r.ast!;
    assert.equal(member.kind, 'member');
    if (member.kind === 'member') assert.deepEqual(member.propertySpan, { start: 34, end: 41 });
  });

  test('function calls nest and take literals of every kind', () => {
    const r = parseExpression('format("hello {}", jsonMerge({"a": 1}, {b: [true, null, \'x\']}), uuid())');
    assert.deepEqual(r.errors, []);
    assert.equal(show(r.ast), 'format("hello {}", jsonMerge({a: 1}, {b: [true, null, "x"]}), uuid())');
    assert.equal(functionNestingDepth(r.ast!), 2);
    const call = r.ast!;
    assert.ok(call.kind === 'call');
    assert.deepEqual(call.calleeSpan, { start: 0, end: 6 });
  });

  test('string escapes are decoded', () => {
    const r = parseExpression('"a\\"b\\n\\u0041"');
    assert.equal(r.ast?.kind === 'string' ? r.ast.value : undefined, 'a"b\nA');
  });

  test('a missing closing parenthesis points at the call', () => {
    const r = parseExpression('format("x", $Input.a');
    assert.equal(r.ast, undefined);
    assert.equal(r.errors.length, 1);
    assert.deepEqual([r.errors[0]!.start, r.errors[0]!.end], [0, 7]);
    assert.match(r.errors[0]!.message, /the call `format\(` is never closed; add `\)`/);
  });

  test('an unterminated string is underlined from its quote to the end', () => {
    const r = parseExpression('format("abc');
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[7, 11]]);
    assert.match(r.errors[0]!.message, /unterminated string: add the closing "/);
  });

  test('a bare word is explained', () => {
    const r = parseExpression('$Input.a == ready');
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[12, 17]]);
    assert.match(r.errors[0]!.message, /neither a variable nor a function call/);
  });

  test('trailing text after a complete expression is one error spanning it', () => {
    const r = parseExpression('$Input.a $Input.b');
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[9, 17]]);
  });

  test('a missing comma between arguments points at the second argument', () => {
    const r = parseExpression('format("x" $Input.a)');
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[11, 17]]);
    assert.match(r.errors[0]!.message, /expected `,` or `\)`/);
  });

  test('empty text asks for a value', () => {
    assert.match(parseExpression('   ').errors[0]!.message, /empty expression/);
  });

  test('[*] is legacy only', () => {
    assert.deepEqual(parseExpression('$Input.items[*]').errors.map((e) => [e.start, e.end]), [[12, 15]]);
    const legacy = parseExpression('$local[*].name', { legacy: true });
    assert.deepEqual(legacy.errors, []);
    assert.equal(show(legacy.ast), '$local[*].name');
  });

  test('legacy bare root `$` and JSONPath `$.key`', () => {
    assert.equal(show(parseExpression('$', { legacy: true }).ast), '$');
    assert.equal(show(parseExpression('$.status', { legacy: true }).ast), '$.status');
  });

  test('deep nesting reports instead of overflowing the stack', () => {
    const deep = `${'f('.repeat(200)}1${')'.repeat(200)}`;
    const r = parseExpression(deep);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /nested more than/);
    // Longer still, the text is refused by its size before it is parsed at all.
    const huge = parseExpression(`${'f('.repeat(5000)}1${')'.repeat(5000)}`);
    assert.equal(huge.errors[0]?.code, 'expression-too-large');
  });
});

describe('parseCondition', () => {
  test('precedence: || below && below equality below relational below unary', () => {
    const r = parseCondition('!$Input.a || $Input.b > 1 && $Input.c == "x"');
    assert.deepEqual(r.errors, []);
    assert.equal(show(r.ast), '((!$Input.a) || (($Input.b > 1) && ($Input.c == "x")))');
  });

  test('in, parentheses, negative numbers and backtick strings', () => {
    const r = parseCondition('("a" in $Input.tags) && -$Input.n < -1.5 || $Input.s != `raw\\n`');
    assert.deepEqual(r.errors, []);
    assert.equal(show(r.ast), '(((("a" in $Input.tags)) && ((-$Input.n) < (-1.5))) || ($Input.s != "raw\\\\n"))');
  });

  test('a trailing // comment is a syntax error at the slash', () => {
    const text = '$Input.status == "true"  // note';
    const r = parseCondition(text);
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[25, 32]]);
  });

  test('function calls and single quotes parse but warn', () => {
    const r = parseCondition("length($Input.a) > 0 && $Input.b == 'x'");
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.warnings.map((w) => [w.start, w.end]), [[0, 16], [36, 39]]);
  });

  test('an unclosed parenthesis underlines it', () => {
    const r = parseCondition('($Input.a == 1');
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[0, 1]]);
    assert.match(r.errors[0]!.message, /never closed/);
  });

  test('a dangling operator says the expression ends too early', () => {
    const r = parseCondition('$Input.a ==');
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[9, 11]]);
  });
});
