// Every step type of the legacy spec (`type: flow`), one entry each: how it goes on, the lists of
// steps it holds, its outline icon and the body a step added from the graph gets. The outline,
// the graph and the debugger read this table; the legacy schema and the engine are keyed by its
// LegacyStepType union.
//
// Adding a step type touches 5 files, each missing one a type error: its entry here, its
// definition in schema/fdl/legacy.ts (a `Record<LegacyStepType, JsonSchema>`), and in
// emulator/src/engine/legacy its compiled form (model.ts), its compiler (compile.ts, a
// `Record<LegacyStepType, ...>`) and its run (interpreter.ts); a sixth, graph/shape.ts, when the
// graph offers it (the order it offers types in). Before this table: 6 for a leaf step
// (schema/fdl/legacy.ts, features/symbols.ts, graph/shape.ts and the engine's three), 9 for one
// that holds numbered branches like parallel (also graph/fromFlowModel.ts, debug's stateMap.ts
// and controller.ts), 10 when it also ends its list (legacy/graph.ts).
import { SymbolKind } from 'vscode-languageserver-types';
import type { Plain } from '../../graph/textShape';

export interface StepTypeDescriptor {
  /**
   * How it goes on: `sequence` (to the next step of its list, unless `end: true`), `choice` (its
   * choices' and default's `steps` and `goto`, else the next step), `terminal` (it ends its list).
   */
  readonly continues: 'sequence' | 'choice' | 'terminal';
  /** The lists of steps it holds: numbered branches, its own `steps`, or a choice's (run in the choice's own scope). */
  readonly holds: 'branches' | 'steps' | 'choices' | 'none';
  /** Whether it runs its steps as branches or iterations of their own (threads in the debugger). */
  readonly concurrent: boolean;
  readonly symbolKind: SymbolKind;
  /** The fields a step of this type starts with when it is added from the graph (none: not offered there). */
  readonly newStep?: (name: string) => { [key: string]: Plain };
}

const STEP_TYPE_TABLE = {
  pass: { continues: 'sequence', holds: 'none', concurrent: false, symbolKind: SymbolKind.Variable, newStep: () => ({}) },
  task: {
    continues: 'sequence', holds: 'none', concurrent: false, symbolKind: SymbolKind.Function,
    newStep: () => ({ resourceArn: 'acs:fc:{region}:{accountID}:services/<service>/functions/<function>' }),
  },
  choice: { continues: 'choice', holds: 'choices', concurrent: false, symbolKind: SymbolKind.Enum },
  parallel: {
    continues: 'sequence', holds: 'branches', concurrent: true, symbolKind: SymbolKind.Array,
    newStep: (name: string) => ({ branches: [{ steps: [{ type: 'pass', name: `${name}Branch` }] }] }),
  },
  foreach: {
    continues: 'sequence', holds: 'steps', concurrent: true, symbolKind: SymbolKind.Array,
    newStep: (name: string) => ({ iterationMapping: { collection: '$.items', item: 'item' }, steps: [{ type: 'pass', name: `${name}Item` }] }),
  },
  wait: { continues: 'sequence', holds: 'none', concurrent: false, symbolKind: SymbolKind.Event, newStep: () => ({ duration: 10 }) },
  succeed: { continues: 'terminal', holds: 'none', concurrent: false, symbolKind: SymbolKind.Constant, newStep: () => ({}) },
  fail: { continues: 'terminal', holds: 'none', concurrent: false, symbolKind: SymbolKind.Constant, newStep: () => ({ error: 'MyError', cause: 'what went wrong' }) },
} satisfies Record<string, StepTypeDescriptor>;

/** A legacy step type, e.g. `task`. */
export type LegacyStepType = keyof typeof STEP_TYPE_TABLE;

export const STEP_TYPES: Readonly<Record<LegacyStepType, StepTypeDescriptor>> = STEP_TYPE_TABLE;

/** The step types, in the table's order. */
export const STEP_TYPE_NAMES = Object.keys(STEP_TYPES) as readonly LegacyStepType[];

/** The descriptor of a step type as written; undefined for a missing or unknown type. */
export function stepTypeOf(type: string | undefined): StepTypeDescriptor | undefined {
  return type !== undefined && Object.hasOwn(STEP_TYPES, type) ? STEP_TYPES[type as LegacyStepType] : undefined;
}
