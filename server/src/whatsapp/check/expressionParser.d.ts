export type ExprType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';
export type Expr = {
    kind: 'literal';
    type: 'string' | 'number' | 'boolean';
    text: string;
    start: number;
    end: number;
} | {
    kind: 'binding';
    text: string;
    start: number;
    end: number;
} | {
    kind: 'unary';
    op: '!' | '-' | '+';
    arg: Expr;
    start: number;
    end: number;
} | {
    kind: 'binary';
    op: string;
    left: Expr;
    right: Expr;
    start: number;
    end: number;
} | {
    kind: 'concat';
    parts: Expr[];
    start: number;
    end: number;
};
export interface ExprError {
    readonly start: number;
    readonly end: number;
    readonly message: string;
}
type Mode = 'condition' | 'nested';
export declare function parseFlowExpression(text: string, mode: Mode): {
    ast?: Expr;
    errors: ExprError[];
};
export {};
