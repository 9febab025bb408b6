// State names: every reference names a state of its own scope, and names are unique per scope.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { FlowModel, FlowState, StateReference } from '../model/types';
import { closestName } from '../../text/closestName';
import { report, type CheckContext } from './context';

/** Diagnostic data of `unknown-state`: the closest existing name, for the "did you mean" fix. */
export interface UnknownStateData {
  readonly replacement: string;
  readonly title: string;
}

export function checkStateReferences(ctx: CheckContext, model: FlowModel, noun: 'state' | 'step'): void {
  for (const r of model.references) {
    if (r.scope.byName.has(r.name)) continue;
    reportUnknown(ctx, r, noun, closestName(r.name, r.scope.byName.keys()));
  }
  for (const scope of model.scopes) {
    for (const s of scope.states) {
      if (s.name === undefined || !s.nameNode) continue;
      const first = scope.byName.get(s.name);
      if (first && first !== s) reportDuplicate(ctx, s, first, noun);
      else if (s.name.trim() === '') reportEmptyName(ctx, s, noun);
    }
  }
}

/**
 * Reports a reference to a name its scope lacks; `suggestion` is the closest name as closestName
 * finds it over `byName`, undefined when none is close enough.
 */
export function reportUnknown(ctx: CheckContext, r: StateReference, noun: 'state' | 'step', suggestion: string | undefined): void {
  const where = r.scope.label;
  let message = `no ${noun} named \`${r.name}\` in ${where}`;
  if (suggestion !== undefined) message += `; did you mean \`${suggestion}\`?`;
  else if (r.scope.byName.size > 0) message += `; ${r.field} must name a ${noun} of the same scope`;
  else message += `; add a ${noun} with this name`;
  const data: UnknownStateData | undefined = suggestion !== undefined
    ? { replacement: suggestion, title: `Change to \`${suggestion}\`` } : undefined;
  report(ctx, r.node.range, DiagnosticSeverity.Error, DiagnosticCodes.unknownState, message, data);
}

/** `s` (with a name node) repeats the name of `first`, an earlier state of its scope. */
export function reportDuplicate(ctx: CheckContext, s: FlowState, first: FlowState, noun: 'state' | 'step'): void {
  const line = ctx.doc.positionAt(first.nameNode!.range.start).line + 1;
  report(ctx, s.nameNode!.range, DiagnosticSeverity.Error, DiagnosticCodes.duplicateState,
    `${noun} name \`${s.name}\` is already used on line ${line} in ${s.scope.label}; give each ${noun} of a scope its own name`);
}

export function reportEmptyName(ctx: CheckContext, s: FlowState, noun: 'state' | 'step'): void {
  report(ctx, s.nameNode!.range, DiagnosticSeverity.Error, DiagnosticCodes.invalidName,
    `a ${noun} name cannot be empty; name it after what it does`);
}
