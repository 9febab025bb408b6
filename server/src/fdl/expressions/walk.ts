// Generic traversal of the expression AST.
import type { Expr } from './ast';

/** Calls `visit` for every node, parents before children. */
export function walkExpression(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'array': for (const e of expr.elements) walkExpression(e, visit); break;
    case 'object': for (const e of expr.entries) walkExpression(e.value, visit); break;
    case 'member': case 'wildcard': walkExpression(expr.object, visit); break;
    case 'index': walkExpression(expr.object, visit); walkExpression(expr.index, visit); break;
    case 'call': for (const a of expr.args) walkExpression(a, visit); break;
    case 'unary': walkExpression(expr.operand, visit); break;
    case 'binary': walkExpression(expr.left, visit); walkExpression(expr.right, visit); break;
    case 'group': walkExpression(expr.expression, visit); break;
    default: break;
  }
}

/** How deeply function calls nest (`f(g(x))` is 2); the service allows at most 10. */
export function functionNestingDepth(expr: Expr): number {
  let own = 0;
  let inner = 0;
  const deeper = (e: Expr): void => { inner = Math.max(inner, functionNestingDepth(e)); };
  switch (expr.kind) {
    case 'call': own = 1; expr.args.forEach(deeper); break;
    case 'array': expr.elements.forEach(deeper); break;
    case 'object': for (const e of expr.entries) deeper(e.value); break;
    case 'member': case 'wildcard': deeper(expr.object); break;
    case 'index': deeper(expr.object); deeper(expr.index); break;
    case 'unary': deeper(expr.operand); break;
    case 'binary': deeper(expr.left); deeper(expr.right); break;
    case 'group': deeper(expr.expression); break;
    default: break;
  }
  return own + inner;
}
