// Semantic checks of a current-spec flow, over the one positioned tree (linear in its size).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysedDocument, ValidationSettings } from '../../service/types';
import { flowModel } from '../model/build';
import { asObject } from '../tree';
import type { CheckContext } from './context';
import { checkExpressions } from './constructors';
import { checkFlowName, checkLimits } from './limits';
import { checkCatchAllLast } from './retryCatch';
import { checkStateReferences } from './stateReferences';
import { checkTransitions } from './transitions';
import { prop } from '../tree';

export function fdlSemanticDiagnostics(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[] {
  const root = asObject(doc.parsed.root);
  if (!root) return [];
  const ctx: CheckContext = { doc: doc.document, text: doc.parsed.text, settings, out: [] };
  const model = flowModel(doc);
  checkFlowName(ctx, root);
  checkStateReferences(ctx, model, 'state');
  checkTransitions(ctx, model);
  for (const s of model.states) {
    checkCatchAllLast(ctx, prop(s.node, 'Retry')?.value, 'Retry', 'Errors');
    checkCatchAllLast(ctx, prop(s.node, 'Catch')?.value, 'Catch', 'Errors');
  }
  checkLimits(ctx, model);
  checkExpressions(ctx, model);
  return ctx.out;
}
