// Shaping a flow from its graph, as text edits on the document: add a state after another (wired
// into its Next), delete a state (what pointed at it becomes a diagnostic, nothing is rewritten
// silently), rename it (the rename refactoring), point an edge at another state. Comments and
// formatting outside the edited lines stay as they are. Pure: the caller applies the edit.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { GraphEditAction, GraphEditResult } from '../lsp/protocol';
import type { ObjectNode, OffsetRange } from '../parse/tree';
import type { AnalysedDocument } from '../service/types';
import type { FlowModel, FlowState } from '../fdl/model/types';
import { rename } from '../fdl/features/navigation';
import { STATE_TYPE_NAMES, STATE_TYPES } from '../fdl/stateTypes';
import { STEP_TYPE_NAMES, STEP_TYPES, type LegacyStepType } from '../fdl/legacy/stepTypes';
import { valueTextStart } from '../fdl/tree';
import { lastProperty } from '../parse/properties';
import type { FlowGraphParts } from './fromFlowModel';
import { blockItemColumns, jsonAt, lineBounds, yamlLines, yamlScalar, type Plain } from './textShape';
import { rangeOf } from '../parse/positions';

/** What differs between the current and the legacy spec for shaping. */
export interface ShapeDialect {
  readonly nameKey: string;
  readonly typeKey: string;
  /** `Next` in the current spec; the legacy spec continues with the next step implicitly. */
  readonly nextKey: string | undefined;
  readonly endKey: string;
  /** The state types offered, in order, with the fields a new one starts with. */
  readonly bodies: Readonly<Record<string, (name: string, next: string | undefined) => { [key: string]: Plain }>>;
  /** Types that never continue (no Next/End written). */
  readonly terminal: ReadonlySet<string>;
}

export const CURRENT_SHAPE: ShapeDialect = {
  nameKey: 'Name',
  typeKey: 'Type',
  nextKey: 'Next',
  endKey: 'End',
  bodies: Object.fromEntries(STATE_TYPE_NAMES.map((t) => [t, STATE_TYPES[t].newState])),
  terminal: new Set(STATE_TYPE_NAMES.filter((t) => STATE_TYPES[t].transition !== 'next')),
};

/** The order the graph offers legacy step types in (choice is not offered: its targets are its own steps). */
const LEGACY_GRAPH_ORDER: readonly LegacyStepType[] = ['pass', 'task', 'wait', 'parallel', 'foreach', 'succeed', 'fail'];

export const LEGACY_SHAPE: ShapeDialect = {
  nameKey: 'name',
  typeKey: 'type',
  nextKey: undefined,
  endKey: 'end',
  bodies: Object.fromEntries(LEGACY_GRAPH_ORDER.flatMap((t) => {
    const body = STEP_TYPES[t].newStep;
    return body ? [[t, body]] : [];
  })),
  terminal: new Set(STEP_TYPE_NAMES.filter((t) => STEP_TYPES[t].continues !== 'sequence')),
};

export function stateTypes(dialect: ShapeDialect): string[] {
  return Object.keys(dialect.bodies);
}

export function shapeFlow(doc: AnalysedDocument, model: FlowModel, parts: FlowGraphParts, dialect: ShapeDialect, version: number, action: GraphEditAction): GraphEditResult {
  if (version !== doc.document.version) return { error: 'The flow changed meanwhile: try again on the updated graph.' };
  const byId = new Map<string, FlowState>();
  for (const [state, id] of parts.ids) byId.set(id, state);
  const edits = (list: TextEdit[], extra: Partial<GraphEditResult> = {}): GraphEditResult =>
    ({ edit: { changes: { [doc.document.uri]: list } }, ...extra });
  switch (action.kind) {
    case 'addAfter': {
      const state = byId.get(action.id);
      if (!state) return { error: `No state ${action.id} in the flow.` };
      const body = dialect.bodies[action.type];
      if (!body) return { error: `${action.type} is not a state type here; use one of ${stateTypes(dialect).join(', ')}.` };
      return addAfter(doc, model, state, dialect, action.type, body, edits);
    }
    case 'delete': {
      const state = byId.get(action.id);
      if (!state) return { error: `No state ${action.id} in the flow.` };
      const range = deletionRange(doc, state);
      if (!range) return { error: 'This state is not written as a list item Flowdeck can remove; edit the text instead.' };
      return edits([{ range: rangeOf(doc.document, range), newText: '' }]);
    }
    case 'rename': {
      const state = byId.get(action.id);
      if (!state?.nameNode) return { error: 'This state has no name to change.' };
      const start = valueTextStart(doc.parsed.text, state.nameNode) ?? state.nameNode.range.start;
      const edit: WorkspaceEdit | null = rename(doc, model, doc.document.positionAt(start), action.newName);
      return edit ? { edit } : { error: `Cannot rename ${state.name ?? ''} to ${action.newName}.` };
    }
    case 'reconnect': {
      const ref = parts.edgeRefs[action.edge];
      if (!ref) return { error: 'This edge is implied by the order of the steps; move the steps in the text instead.' };
      const target = byId.get(action.to);
      if (!target?.name) return { error: 'Edges can only point at a named state.' };
      if (target.scope !== ref.scope) return { error: `${target.name} is not in the same list of states as ${ref.from?.name ?? 'this state'}; a ${ref.field} can only point at a state beside it.` };
      const newText = doc.parsed.format === 'json' || ref.node.quoted ? JSON.stringify(target.name) : yamlScalar(target.name);
      return edits([{ range: rangeOf(doc.document, ref.node.range), newText }]);
    }
  }
}


function uniqueName(model: FlowModel, type: string): string {
  const taken = new Set(model.states.map((s) => s.name));
  const base = `New${type.charAt(0).toUpperCase()}${type.slice(1)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

function addAfter(
  doc: AnalysedDocument, model: FlowModel, state: FlowState, dialect: ShapeDialect, type: string,
  body: (name: string, next: string | undefined) => { [key: string]: Plain },
  edits: (list: TextEdit[], extra?: Partial<GraphEditResult>) => GraphEditResult,
): GraphEditResult {
  const text = doc.parsed.text;
  const name = uniqueName(model, type);
  const node = state.node;
  const nextProp = dialect.nextKey ? lastProperty(node, dialect.nextKey) : undefined;
  const endProp = lastProperty(node, dialect.endKey);
  const oldNext = nextProp?.value?.kind === 'scalar' && typeof nextProp.value.value === 'string' ? nextProp.value.value : undefined;
  const ends = endProp?.value?.kind === 'scalar' && endProp.value.value === true;
  // the new state takes over where the old one went; the old one now goes to the new one
  const rewire = dialect.nextKey !== undefined && !dialect.terminal.has(state.type ?? '') && (oldNext !== undefined || ends);
  const value: { [key: string]: Plain } = { [dialect.typeKey]: type, [dialect.nameKey]: name, ...body(name, oldNext) };
  if (!dialect.terminal.has(type)) {
    if (dialect.nextKey && oldNext !== undefined && rewire) value[dialect.nextKey] = oldNext;
    else if (dialect.nextKey) value[dialect.endKey] = true;
  }
  const list: TextEdit[] = [];
  const json = doc.parsed.format === 'json';
  if (json) {
    const column = node.range.start - lineBounds(text, node.range.start).start;
    list.push({ range: rangeOf(doc.document, { start: node.range.end, end: node.range.end }), newText: `,\n${' '.repeat(column)}${jsonAt(value, column)}` });
  } else {
    const cols = blockItemColumns(text, node.range.start);
    if (!cols) return { error: 'This state is not written as a block list item (`- Type: ...`); add the state in the text instead.' };
    const lines = yamlLines(value);
    const itemText = lines.map((l, i) => (i === 0 ? `${' '.repeat(cols.dash)}-${' '.repeat(cols.key - cols.dash - 1)}${l}` : `${' '.repeat(cols.key)}${l}`)).join('\n');
    const at = lineBounds(text, lastContentOffset(node)).end;
    list.push({ range: rangeOf(doc.document, { start: at, end: at }), newText: `\n${itemText}` });
  }
  if (rewire && dialect.nextKey) {
    if (oldNext !== undefined && nextProp?.value) {
      const v = nextProp.value;
      const newText = json || (v.kind === 'scalar' && v.quoted) ? JSON.stringify(name) : yamlScalar(name);
      list.push({ range: rangeOf(doc.document, v.range), newText });
    } else if (endProp) {
      const newText = json ? `"${dialect.nextKey}": ${JSON.stringify(name)}` : `${dialect.nextKey}: ${yamlScalar(name)}`;
      const keyStart = json ? text.lastIndexOf('"', endProp.keyRange.start) : endProp.keyRange.start;
      list.push({ range: rangeOf(doc.document, { start: Math.min(keyStart, endProp.keyRange.start), end: endProp.range.end }), newText });
    }
  }
  return edits(list, { name });
}

/** The last character of a state (its range may stop before a trailing comment on that line). */
function lastContentOffset(node: ObjectNode): number {
  return Math.max(node.range.start, node.range.end - 1);
}

/** The text a state's removal takes out: its whole lines in YAML, the item and one comma in JSON. */
function deletionRange(doc: AnalysedDocument, state: FlowState): OffsetRange | undefined {
  const text = doc.parsed.text;
  const node = state.node;
  const list = node.parent?.kind === 'array' ? node.parent : undefined;
  if (!list) return undefined;
  const i = list.items.indexOf(node);
  if (doc.parsed.format === 'json') {
    const next = list.items[i + 1];
    const prev = list.items[i - 1];
    if (next) return { start: node.range.start, end: next.range.start };
    if (prev) return { start: prev.range.end, end: node.range.end };
    return node.range;
  }
  if (!blockItemColumns(text, node.range.start)) return undefined;
  const start = lineBounds(text, node.range.start).start;
  const end = lineBounds(text, lastContentOffset(node)).end;
  return { start, end: Math.min(text.length, end + 1) };
}
