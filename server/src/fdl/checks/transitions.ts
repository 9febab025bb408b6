// How each state leaves its scope: `Next` or `End`, never both, only where allowed; every state
// reachable from `StartAt`; every scope able to end.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { ObjectNode, OffsetRange, Property } from '../../parse/tree';
import type { FlowModel, FlowScope, FlowState } from '../model/types';
import { stateTypeOf } from '../stateTypes';
import { isTrue } from '../tree';
import { report, type CheckContext } from './context';

interface Transitions {
  readonly next: Property | undefined;
  readonly end: Property | undefined;
}

function transitionsOf(node: ObjectNode): Transitions {
  let next: Property | undefined;
  let end: Property | undefined;
  for (const p of node.properties) {
    if (p.key === 'Next') next = p;
    else if (p.key === 'End') end = p;
  }
  return { next, end };
}

/** Where a state-level problem is underlined: its name, else its `Type`, else its first key. */
export function stateAnchor(s: FlowState): OffsetRange {
  return s.nameNode?.range ?? s.typeNode?.range ?? s.node.properties[0]?.keyRange ?? s.node.range;
}

export function checkTransitions(ctx: CheckContext, model: FlowModel): void {
  checkReachability(ctx, model, checkStateTransitions(ctx, model.states));
}

/** Each state's own `Next`/`End`; returns the states that end their scope (or must not cascade). */
export function checkStateTransitions(ctx: CheckContext, states: readonly FlowState[]): Set<FlowState> {
  const terminal = new Set<FlowState>();
  for (const s of states) {
    const { next, end } = transitionsOf(s.node);
    const ends = isTrue(end?.value);
    const type = s.type;
    const transition = stateTypeOf(type)?.transition;
    if (transition === 'choice') {
      for (const p of [next, end]) {
        if (p) {
          report(ctx, p.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.nextNotAllowed,
            `a ${type} state has no \`${p.key}\`; use \`Branches[].Next\` and \`Default\``);
        }
      }
      continue;
    }
    if (transition === 'terminal') {
      terminal.add(s);
      // Real flows (and the vendor's own Fail example) write `End: true` on these; only `Next` is wrong.
      if (next) {
        report(ctx, next.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.nextNotAllowed,
          `a ${type} state ends its scope and cannot have \`Next\`; remove it${type === 'Fail' ? ', or use a Pass state to continue' : ''}`);
      }
      continue;
    }
    if (transition !== 'next') {
      terminal.add(s); // unknown types are the schema's to report; do not cascade
      continue;
    }
    if (next && ends) {
      report(ctx, next.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.nextWithEnd,
        '`Next` and `End: true` together: remove `Next` to end here, or remove `End` to continue');
    } else if (!next && !ends) {
      terminal.add(s);
      report(ctx, stateAnchor(s), DiagnosticSeverity.Error, DiagnosticCodes.missingTransition,
        `${s.name !== undefined ? `\`${s.name}\`` : 'this state'} has neither \`Next\` nor \`End: true\`: add \`Next: <state>\` to continue or \`End: true\` to end ${s.scope.kind === 'root' ? 'the flow' : 'this scope'}`);
    } else if (ends) {
      terminal.add(s);
    }
  }
  return terminal;
}

/** Every state reachable from `StartAt` and every scope able to end, for the model's scopes. */
export function checkReachability(ctx: CheckContext, model: FlowModel, terminal: Set<FlowState>): void {
  const edges = new Map<FlowState, FlowState[]>();
  for (const r of model.references) {
    if (!r.from) continue;
    const target = r.scope.byName.get(r.name);
    if (!target) {
      terminal.add(r.from); // already reported as unknown: do not also call the scope endless
      continue;
    }
    const list = edges.get(r.from);
    if (list) list.push(target);
    else edges.set(r.from, [target]);
  }
  for (const scope of model.scopes) checkScope(ctx, scope, edges, terminal);
}

function checkScope(ctx: CheckContext, scope: FlowScope, edges: Map<FlowState, FlowState[]>, terminal: Set<FlowState>): void {
  if (scope.states.length === 0) return;
  const start = scope.startAt ? scope.byName.get(scope.startAt.value) : undefined;
  const reached = new Set<FlowState>();
  if (start) {
    const stack = [start];
    reached.add(start);
    while (stack.length > 0) {
      const s = stack.pop()!;
      for (const t of edges.get(s) ?? []) {
        if (!reached.has(t)) {
          reached.add(t);
          stack.push(t);
        }
      }
    }
    for (const s of scope.states) {
      if (reached.has(s) || s.name === undefined || s.nameNode === undefined || scope.byName.get(s.name) !== s) continue;
      reportUnreachable(ctx, s);
    }
  }
  const candidates = start ? reached : new Set(scope.states);
  for (const s of candidates) if (terminal.has(s)) return;
  reportNeverEnds(ctx, scope);
}

/** `s` (named, the first of its name) cannot be reached from its scope's `StartAt`. */
export function reportUnreachable(ctx: CheckContext, s: FlowState): void {
  report(ctx, s.nameNode!.range, DiagnosticSeverity.Warning, DiagnosticCodes.unreachableState,
    `\`${s.name}\` is never reached from \`StartAt\` in ${s.scope.label}: point a \`Next\`, \`Default\` or \`Catch\` at it, or delete it`);
}

export function reportNeverEnds(ctx: CheckContext, scope: FlowScope): void {
  const anchor = scope.statesProperty?.keyRange ?? scope.node.range;
  report(ctx, anchor, DiagnosticSeverity.Error, DiagnosticCodes.noTerminalState,
    `${scope.label} never ends: no state reachable from \`StartAt\` has \`End: true\` or is a Succeed/Fail state; end one state with \`End: true\``);
}
