// Every diagnostic code Flowdeck reports, in one table: tests, quick fixes and the CLI import it.
// A code never changes once published; add new ones, keep each message's advice in the check.

export const DiagnosticCodes = {
  // parsing and detection
  syntaxError: 'syntax-error',
  /** The document nests deeper than the parsers and checks follow (MAX_NESTING_DEPTH). */
  nestingTooDeep: 'nesting-too-deep',
  /** A check could not finish (an internal failure): reported so that nothing passes unchecked. */
  validationIncomplete: 'validation-incomplete',
  // schema (shape) problems
  missingProperty: 'missing-property',
  unknownProperty: 'unknown-property',
  wrongType: 'wrong-type',
  invalidValue: 'invalid-value',
  misspelledProperty: 'misspelled-property',
  duplicateKey: 'duplicate-key',
  specAdvice: 'spec-advice',
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
  /** An expression or Condition with more tokens than MAX_EXPRESSION_TOKENS. */
  expressionTooLarge: 'expression-too-large',
  unknownVariable: 'unknown-variable',
  undocumentedExpression: 'undocumented-expression',
  expressionWithoutSuffix: 'expression-without-suffix',
  valueOutOfRange: 'value-out-of-range',
  invalidMappingSource: 'invalid-mapping-source',
  // WhatsApp Flow JSON
  waNeedsNewerVersion: 'wa-needs-newer-version',
  waRemovedInVersion: 'wa-removed-in-version',
  waUnsupportedVersion: 'wa-unsupported-version',
  waFrozenVersion: 'wa-frozen-version',
  waTooLong: 'wa-too-long',
  waItemCount: 'wa-item-count',
  waOutOfRange: 'wa-out-of-range',
  waBlankString: 'wa-blank-string',
  waInvalidScreenId: 'wa-invalid-screen-id',
  waDuplicateScreenId: 'wa-duplicate-screen-id',
  waReservedScreenId: 'wa-reserved-screen-id',
  waUnknownScreen: 'wa-unknown-screen',
  waSameScreenNavigation: 'wa-same-screen-navigation',
  waMissingTerminalScreen: 'wa-missing-terminal-screen',
  waTerminalFooter: 'wa-terminal-footer',
  waTerminalNavigates: 'wa-terminal-navigates',
  waComponentCount: 'wa-component-count',
  waComponentPlacement: 'wa-component-placement',
  waDuplicateName: 'wa-duplicate-name',
  waInvalidAction: 'wa-invalid-action',
  waRoutingModel: 'wa-routing-model',
  waDataModel: 'wa-data-model',
  waUndeclaredData: 'wa-undeclared-data',
  waUnknownFormField: 'wa-unknown-form-field',
  waInvalidBinding: 'wa-invalid-binding',
  waIfSwitch: 'wa-if-switch',
  waPayload: 'wa-payload',
  // flow test files
  duplicateCaseName: 'duplicate-case-name',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes] | (string & {});
