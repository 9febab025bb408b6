// Semantic checks of a legacy flow: `goto` targets, unique step names, `FnF.ALL` last,
// foreach fields, wait fields, conditions and mapping sources.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { Node, ObjectNode } from '../../parse/tree';
import type { AnalysedDocument, ValidationSettings } from '../../service/types';
import { report, type CheckContext } from '../checks/context';
import { checkExpression, type ExpressionPlace } from '../checks/expressionCheck';
import { checkCatchAllLast } from '../checks/retryCatch';
import { checkStateReferences } from '../checks/stateReferences';
import { asObject, asStringScalar } from '../tree';
import { lastProperty } from '../../parse/properties';
import { sourceOf } from '../../parse/pieceText';
import { legacyModel } from './model';

const place = (where: string, allowed: string[], condition = false): ExpressionPlace =>
  ({ allowed: new Set(allowed), where, condition, legacy: true });

/** Roots per place (research fnf.md §2.2.3 and fnf-gaps.md §7): `$` is the step input. */
const SOURCE = place('in a mapping `source`', ['', 'input', 'local', 'context']);
const CONDITION = place('in a `condition`', ['', 'input', 'local', 'context'], true);
const STEP_INPUT = place('here', ['', 'input', 'local', 'context']);
const COLLECTION = place('in `iterationMapping.collection`', ['', 'input', 'local', 'context']);
const ERROR_SOURCES = new Set(['$local.cause', '$local.error']);
const MAPPING_KEYS = ['inputMappings', 'outputMappings', 'errorMappings'];

export function legacySemanticDiagnostics(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[] {
  const root = asObject(doc.parsed.root);
  if (!root) return [];
  const ctx: CheckContext = { doc: doc.document, text: sourceOf(doc.parsed), settings, out: [] };
  const model = legacyModel(doc);
  checkStateReferences(ctx, model, 'step');
  checkMappings(ctx, root);
  for (const s of model.states) {
    const n = s.node;
    checkCatchAllLast(ctx, lastProperty(n, 'retry')?.value, 'retry', 'errors');
    checkCatchAllLast(ctx, lastProperty(n, 'catch')?.value, 'catch', 'errors');
    checkMappings(ctx, n);
    switch (s.type) {
      case 'choice':
        forEachObject(lastProperty(n, 'choices')?.value, (choice) => expression(ctx, lastProperty(choice, 'condition')?.value, CONDITION));
        break;
      case 'foreach': {
        const mapping = asObject(lastProperty(n, 'iterationMapping')?.value);
        expression(ctx, lastProperty(mapping, 'collection')?.value, COLLECTION);
        break;
      }
      case 'wait':
        for (const key of ['duration', 'timestamp']) {
          const v = asStringScalar(lastProperty(n, key)?.value);
          if (v && v.value.startsWith('$')) checkExpression(ctx, v, STEP_INPUT);
        }
        break;
      default:
        break;
    }
  }
  return ctx.out;
}

function expression(ctx: CheckContext, value: Node | undefined, where: ExpressionPlace): void {
  const s = asStringScalar(value);
  if (s && !s.tag) checkExpression(ctx, s, where);
}

function forEachObject(node: Node | undefined, visit: (o: ObjectNode) => void): void {
  if (node?.kind !== 'array') return;
  for (const item of node.items) if (item.kind === 'object') visit(item);
}

/** A `source` starting with `$` is a path into the input, local or context; anything else is a constant. */
function checkMappings(ctx: CheckContext, holder: ObjectNode): void {
  for (const key of MAPPING_KEYS) {
    forEachObject(lastProperty(holder, key)?.value, (mapping) => {
      const source = asStringScalar(lastProperty(mapping, 'source')?.value);
      if (!source || source.tag || !source.value.startsWith('$')) return;
      const parsed = checkExpression(ctx, source, SOURCE);
      if (key === 'errorMappings' && parsed.errors.length === 0 && !ERROR_SOURCES.has(source.value.trim())) {
        report(ctx, source.range, DiagnosticSeverity.Warning, DiagnosticCodes.invalidMappingSource,
          '`errorMappings` sources are `$local.error` or `$local.cause` (the error of this step); map other values in `outputMappings`');
      }
    });
  }
}
