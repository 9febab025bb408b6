// Every diagnostic code Flowdeck reports, in one table: tests, quick fixes and the CLI import it.
// A code never changes once published; add new ones, keep each message's advice in the check.

export const DiagnosticCodes = {
  // parsing and detection
  syntaxError: 'syntax-error',
  // schema (shape) problems
  missingProperty: 'missing-property',
  unknownProperty: 'unknown-property',
  wrongType: 'wrong-type',
  invalidValue: 'invalid-value',
  misspelledProperty: 'misspelled-property',
  // FDL semantics
  unknownState: 'unknown-state',
  duplicateState: 'duplicate-state',
  unreachableState: 'unreachable-state',
  missingTransition: 'missing-transition',
  nextWithEnd: 'next-with-end',
  nextNotAllowed: 'next-not-allowed',
  noTerminalState: 'no-terminal-state',
  catchAllNotLast: 'catch-all-not-last',
  tooManyBranches: 'too-many-branches',
  expressLimit: 'express-limit',
  invalidName: 'invalid-name',
  expressionSyntax: 'expression-syntax',
  conditionSyntax: 'condition-syntax',
  expressionScope: 'expression-scope',
  unknownFunction: 'unknown-function',
  functionArity: 'function-arity',
  expressionTooDeep: 'expression-too-deep',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes] | (string & {});
