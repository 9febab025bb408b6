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
import type { Node } from '../../parse/tree';
import { sourceOf } from '../../parse/pieceText';
import type { FlowState } from '../model/types';

export function fdlSemanticDiagnostics(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[] {
  const root = asObject(doc.parsed.root);
  if (!root) return [];
  const ctx: CheckContext = { doc: doc.document, text: sourceOf(doc.parsed), settings, out: [] };
  const model = flowModel(doc);
  checkFlowName(ctx, root);
  checkStateReferences(ctx, model, 'state');
  checkTransitions(ctx, model);
  checkRuleOrder(ctx, model.states);
  checkLimits(ctx, model);
  checkExpressions(ctx, model);
  return ctx.out;
}

/** `FnF.ALL` last in every state's `Retry` and `Catch`. */
export function checkRuleOrder(ctx: CheckContext, states: readonly FlowState[]): void {
  for (const s of states) {
    // One scan of the keys for both lists (the last of a repeated key wins, as in the plain value).
    let retry: Node | undefined;
    let catchRules: Node | undefined;
    for (const p of s.node.properties) {
      if (p.key === 'Retry') retry = p.value;
      else if (p.key === 'Catch') catchRules = p.value;
    }
    if (retry) checkCatchAllLast(ctx, retry, 'Retry', 'Errors');
    if (catchRules) checkCatchAllLast(ctx, catchRules, 'Catch', 'Errors');
  }
}
