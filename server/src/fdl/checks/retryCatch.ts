// `FnF.ALL` matches every error, so a rule after it can never apply: it must be the last rule.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { Node } from '../../parse/tree';
import { lastProperty } from '../../parse/properties';
import { report, type CheckContext } from './context';

export const CATCH_ALL = 'FnF.ALL';

/** `rules` is a `Retry`/`Catch` (or legacy `retry`/`catch`) list; `errorsKey` names its error list. */
export function checkCatchAllLast(ctx: CheckContext, rules: Node | undefined, listName: string, errorsKey: string): void {
  if (rules?.kind !== 'array') return;
  const items = rules.items;
  // The last rule may catch everything; only the ones before it are checked.
  for (let i = 0; i < items.length - 1; i++) {
    const rule = items[i]!;
    if (rule.kind !== 'object') continue;
    const errors = lastProperty(rule, errorsKey)?.value;
    if (errors?.kind !== 'array') continue;
    for (const e of errors.items) {
      if (e.kind === 'scalar' && e.value === CATCH_ALL) {
        report(ctx, e.range, DiagnosticSeverity.Error, DiagnosticCodes.catchAllNotLast,
          `\`${CATCH_ALL}\` matches every error, so the ${listName} rules after this one never apply: move this rule to the end of \`${listName}\``);
      }
    }
  }
}
