// Finds every expression of a current-spec flow and checks it in its place: `key.$` entries in
// constructors and `Parameters`, `Seconds.$`, `Timeout.$`, Map `ItemsPath`, Choice `Condition`.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { Node, ObjectNode } from '../../parse/tree';
import type { FlowModel } from '../model/types';
import { stateTypeOf } from '../stateTypes';
import { asStringScalar } from '../tree';
import { lastProperty } from '../../parse/properties';
import { report, type CheckContext, type ReplacementData } from './context';
import { checkExpression, type ExpressionPlace } from './expressionCheck';

const EXPRESSION_SUFFIX = '.$';
const BASE = ['Input', 'Context', 'Global'];

const place = (where: string, extra: string[] = [], condition = false): ExpressionPlace =>
  ({ allowed: new Set([...BASE, ...extra]), where, condition, legacy: false });

/** Where each variable may be read (research fnf-gaps.md §1.2). */
export const PLACES = {
  InputConstructor: place('in `InputConstructor`'),
  OutputConstructor: place('in `OutputConstructor`', ['Output']),
  GlobalConstructor: place('in `GlobalConstructor`', ['Output']),
  ItemConstructor: place('in `ItemConstructor`', ['Item']),
  Parameters: place('in `Parameters`'),
  CatchOutputConstructor: place('in a Catch rule\'s `OutputConstructor`', ['Output']),
  Condition: place('in a `Condition`', [], true),
  ItemsPath: place('in `ItemsPath`'),
  StateField: place('in this field'),
} as const satisfies Record<string, ExpressionPlace>;

type ConstructorKey = 'InputConstructor' | 'OutputConstructor' | 'GlobalConstructor' | 'ItemConstructor' | 'Parameters';

const VARIABLE_LIKE = /^\s*\$(Input|Output|Context|Item|Global)\b/;

export function checkExpressions(ctx: CheckContext, model: FlowModel): void {
  for (const s of model.states) {
    for (const p of s.node.properties) {
      switch (p.key) {
        case 'InputConstructor': case 'OutputConstructor': case 'GlobalConstructor': case 'ItemConstructor': case 'Parameters':
          visitConstructor(ctx, p.value, PLACES[p.key as ConstructorKey]);
          break;
        case 'Seconds.$': case 'Timeout.$':
          expressionValue(ctx, p.value, p.key, PLACES.StateField);
          break;
        case 'ItemsPath':
          expressionValue(ctx, p.value, p.key, PLACES.ItemsPath);
          break;
        case 'Catch':
          forEachObject(p.value, (rule) => visitConstructor(ctx, lastProperty(rule, 'OutputConstructor')?.value, PLACES.CatchOutputConstructor));
          break;
        case 'Branches':
          if (stateTypeOf(s.type)?.transition === 'choice') {
            forEachObject(p.value, (branch) => {
              const c = lastProperty(branch, 'Condition')?.value;
              if (c) expressionValue(ctx, c, 'Condition', PLACES.Condition);
            });
          }
          break;
        default:
          break;
      }
    }
  }
}

function forEachObject(node: Node | undefined, visit: (o: ObjectNode) => void): void {
  if (node?.kind !== 'array') return;
  for (const item of node.items) if (item.kind === 'object') visit(item);
}

function expressionValue(ctx: CheckContext, value: Node | undefined, key: string, where: ExpressionPlace): void {
  if (!value) return;
  const s = asStringScalar(value);
  if (s) {
    checkExpression(ctx, s, where);
    return;
  }
  if (value.kind === 'scalar' && value.value === null) return; // half-typed: `Seconds.$:`
  report(ctx, value.range, DiagnosticSeverity.Error, DiagnosticCodes.expressionSyntax,
    `\`${key}\` takes an expression written as a string, e.g. \`$Input.value\`${key.endsWith(EXPRESSION_SUFFIX) ? `; for a constant drop the \`.$\` suffix (\`${key.slice(0, -2)}\`)` : ''}`);
}

/** `key.$`, tested by character codes: this runs for every key of every constructor. */
function isExpressionKey(key: string): boolean {
  const n = key.length;
  return n >= 2 && key.charCodeAt(n - 1) === 36 /* $ */ && key.charCodeAt(n - 2) === 46 /* . */;
}

/** Walks a constructor (or `Parameters`) value: `.$` keys hold expressions at any depth. */
function visitConstructor(ctx: CheckContext, node: Node | undefined, where: ExpressionPlace): void {
  if (!node) return;
  if (node.kind === 'array') {
    for (const item of node.items) visitConstructor(ctx, item, where);
    return;
  }
  if (node.kind !== 'object') return;
  for (const p of node.properties) {
    if (isExpressionKey(p.key)) {
      expressionValue(ctx, p.value, p.key, where);
      continue;
    }
    const v = p.value;
    if (v?.kind === 'object' || v?.kind === 'array') {
      visitConstructor(ctx, v, where);
    } else if (v?.kind === 'scalar' && typeof v.value === 'string' && v.value.charCodeAt(0) === 36 /* $ */ && VARIABLE_LIKE.test(v.value)) {
      const data: ReplacementData = { replacement: `${p.key}${EXPRESSION_SUFFIX}`, title: `Rename the key to \`${p.key}${EXPRESSION_SUFFIX}\`` };
      report(ctx, p.keyRange, DiagnosticSeverity.Information, DiagnosticCodes.expressionWithoutSuffix,
        `\`${p.key}\` gets the text "${v.value}" as it is: a key must end in \`.$\` for its value to be evaluated; rename it \`${p.key}${EXPRESSION_SUFFIX}\``, data);
    }
  }
}
