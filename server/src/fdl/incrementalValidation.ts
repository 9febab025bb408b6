// Validation of a current-spec flow split at its top-level states, so that after an edit only the
// states whose nodes are new are checked again (parse/incremental.ts keeps every other node).
// Each top-level state's own diagnostics (its schema errors, repeated keys, advisories, and the
// semantic checks confined to it and its nested scopes) are kept with the node; the top-level
// checks (names, references, reachability of the top scope, the root's own fields) run on every
// call from the assembled model, which is linear in the number of states but cheap per state.
// A version parsed whole is validated whole by validateFdl (one pass is faster), and the split
// starts at its first edit; except for a long list, which is split from its first validation:
// there the split costs about what one pass does, and the first keystroke must not pay for it.
// The result equals validateFdl's (test/unit/service/incremental.test.ts checks random
// edit sequences against it); the caller sorts both the same way.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ErrorObject } from 'ajv';
import type { JsonValue, Node, ObjectNode, ParsedText, Property } from '../parse/tree';
import { editOrigin } from '../parse/incremental';
import { sourceOf } from '../parse/pieceText';
import type { AnalysedDocument, ValidationSettings } from '../service/types';
import { toJsonValue, setJsonProperty } from '../parse/toJson';
import { errorDiagnostics } from '../schema/diagnostics';
import { subschemaValidator, validatorFor } from '../schema/compile';
import { duplicateKeyProblems } from '../schema/duplicateKeys';
import { fdlCurrentSchema } from '../schema/fdl/current';
import { DiagnosticCodes } from '../diagnostics/codes';
import { currentOptions, problemDiagnostic, topStateAdvisories } from './schema';
import { flowModel, topStateModel } from './model/build';
import type { FlowModel, FlowScope, FlowState } from './model/types';
import type { CheckContext } from './checks/context';
import { checkRuleOrder } from './checks';
import { checkExpressions } from './checks/constructors';
import { checkFlowName, checkLimits } from './checks/limits';
import { checkStateReferences } from './checks/stateReferences';
import { checkReachability, checkStateTransitions } from './checks/transitions';
import { checkTopScope } from './checks/topScope';
import { startOf } from '../parse/yamlNodes';
import { mergeDiagnostics } from './validate';
import { AttachedCache } from '../cache/attachedCache';

type Mode = 'Standard' | 'Express';

/** What one top-level state contributes, with where it stood when it was computed. */
interface StateResult {
  readonly mode: Mode;
  index: number;
  /** A message names the state by its index (`States[3]`): recompute when it moves in the list. */
  readonly indexSensitive: boolean;
  /** A message names a line number: recompute when the state moves to another line. */
  readonly lineSensitive: boolean;
  line: number;
  readonly character: number;
  readonly schema: Diagnostic[];
  readonly semantic: Diagnostic[];
  /** Whether the state ends the top scope by itself (Succeed, Fail, `End: true`...). */
  readonly terminal: boolean;
}

const results = new AttachedCache<Node, StateResult>('state result');

/** From this many top-level states, a version parsed whole is validated split (see the header). */
export const SPLIT_FROM_STATES = 2000;

/** The root's `States` property when it is the only one and holds a list; else undefined. */
function statesList(root: ObjectNode): Property | undefined {
  let found: Property | undefined;
  for (const p of root.properties) {
    if (p.key !== 'States') continue;
    if (found) return undefined;
    found = p;
  }
  return found?.value?.kind === 'array' ? found : undefined;
}

/**
 * The diagnostics of a current-spec flow, reusing what the previous versions computed for
 * unchanged top-level states; undefined when the document is not split this way (no single
 * `States` list), and the caller validates it whole.
 */
export function validateFdlIncrementally(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[] | undefined {
  const root = doc.parsed.root;
  if (root?.kind !== 'object' || doc.dialect !== 'fdl') return undefined;
  const holder = statesList(root);
  if (!holder) return undefined;
  const list = holder.value as { items: Node[] };
  if (!editOrigin(doc.parsed) && !versions.has(doc.parsed) && list.items.length < SPLIT_FROM_STATES) return undefined;
  const mode: Mode = settings.executionMode === 'Express' ? 'Express' : 'Standard';
  const model = flowModel(doc);
  const rootScope = model.scopes[0]!;
  const ctx: CheckContext = { doc: doc.document, text: sourceOf(doc.parsed), settings, out: [] };

  const schema = rootSchemaDiagnostics(doc, root, holder);
  // Whether each top-level state ends the top scope by itself, in the order of the scope's states.
  const ends = new Uint8Array(rootScope.states.length);
  let k = 0;
  const items = list.items;
  const results = resultsOfVersion(doc, root, items, mode, settings);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    let r = results[i]!;
    if (r.mode !== mode || r.schema.length > 0 || r.semantic.length > 0) {
      // Its diagnostics may have moved with it, or name its index: checked where it now stands.
      r = stateResult(doc, root, item, i, mode, settings);
      results[i] = r;
    }
    for (const d of r.schema) schema.push(d);
    for (const d of r.semantic) ctx.out.push(d);
    if (item.kind === 'object') ends[k++] = r.terminal ? 1 : 0;
  }
  checkFlowName(ctx, root);
  checkTopScope(ctx, model, ends);
  return mergeDiagnostics(schema, ctx.out);
}

/** Each version's results, one per item of its list; an edited version takes over its predecessor's. */
const versions = new AttachedCache<ParsedText, StateResult[]>('state results');

function resultsOfVersion(doc: AnalysedDocument, root: ObjectNode, items: readonly Node[], mode: Mode, settings: ValidationSettings): StateResult[] {
  const known = versions.get(doc.parsed);
  if (known) return known;
  const origin = editOrigin(doc.parsed);
  const previous = origin ? versions.get(origin.previous) : undefined;
  let results: StateResult[];
  if (origin && previous && previous.length + origin.splice.added.length - origin.splice.removed.length === items.length) {
    const { from, added, removed } = origin.splice;
    versions.delete(origin.previous);
    results = previous;
    results.splice(from, removed.length, ...added.map((item, j) => stateResult(doc, root, item, from + j, mode, settings)));
  } else {
    results = items.map((item, i) => stateResult(doc, root, item, i, mode, settings));
  }
  versions.set(doc.parsed, results);
  return results;
}

/** Schema errors of the root's own fields (the list's items are each state's own), and its repeated keys. */
function rootSchemaDiagnostics(doc: AnalysedDocument, root: ObjectNode, holder: Property): Diagnostic[] {
  const value: { [key: string]: JsonValue } = {};
  for (const p of root.properties) setJsonProperty(value, p.key, p === holder ? [] : (p.value === undefined ? null : (toJsonValue(p.value) ?? null)));
  const validate = validatorFor(fdlCurrentSchema);
  const out = validate(value) ? [] : errorDiagnostics(root, fdlCurrentSchema, validate.errors ?? [], doc.document, currentOptions);
  // The list's items are each state's own; `States` itself is not repeated (see statesList).
  const others: ObjectNode = { kind: 'object', properties: root.properties.filter((p) => p !== holder), range: root.range, parent: undefined };
  for (const p of duplicateKeyProblems(others)) out.push(problemDiagnostic(doc.document, p));
  return out;
}

/** The cached result of one top-level state when still valid where it now stands, else a new one. */
function stateResult(
  doc: AnalysedDocument, root: ObjectNode, item: Node, index: number, mode: Mode, settings: ValidationSettings,
): StateResult {
  const cached = results.get(item);
  // A state without diagnostics of its own has nothing that depends on where it now stands.
  if (cached && cached.mode === mode && cached.schema.length === 0 && cached.semantic.length === 0) return cached;
  const at = doc.document.positionAt(startOf(item));
  if (cached && cached.mode === mode && (!cached.indexSensitive || cached.index === index)) {
    if (cached.line === at.line && cached.character === at.character) {
      cached.index = index;
      return cached;
    }
    if (cached.character === at.character && !cached.lineSensitive) {
      const moved = moveLines(cached, index, at.line);
      results.set(item, moved);
      return moved;
    }
  }
  const fresh = computeStateResult(doc, root, item, index, mode, settings, at.line, at.character);
  results.set(item, fresh);
  return fresh;
}

function moveLines(r: StateResult, index: number, line: number): StateResult {
  const by = line - r.line;
  const move = (d: Diagnostic): Diagnostic => ({
    ...d,
    range: { start: { line: d.range.start.line + by, character: d.range.start.character }, end: { line: d.range.end.line + by, character: d.range.end.character } },
  });
  return { ...r, index, line, schema: r.schema.map(move), semantic: r.semantic.map(move) };
}

let stateValidator: ReturnType<typeof subschemaValidator> | undefined;

function computeStateResult(
  doc: AnalysedDocument, root: ObjectNode, item: Node, index: number, mode: Mode, settings: ValidationSettings, line: number, character: number,
): StateResult {
  stateValidator ??= subschemaValidator(fdlCurrentSchema, '/definitions/State');
  const prefix = `/States/${index}`;
  let indexSensitive = false;
  let schema: Diagnostic[] = [];
  if (!stateValidator(toJsonValue(item) ?? null)) {
    const errors: ErrorObject[] = (stateValidator.errors ?? []).map((e) => {
      if (e.instancePath === '') indexSensitive = true;
      return { ...e, instancePath: prefix + e.instancePath };
    });
    schema = errorDiagnostics(root, fdlCurrentSchema, errors, doc.document, currentOptions);
  }
  for (const p of duplicateKeyProblems(item)) schema.push(problemDiagnostic(doc.document, p));
  if (item.kind !== 'object') {
    return { mode, index, indexSensitive, lineSensitive: false, line, character, schema, semantic: [], terminal: false };
  }
  for (const p of topStateAdvisories(item)) schema.push(problemDiagnostic(doc.document, p));

  const part = topStateModel(item);
  const ctx: CheckContext = { doc: doc.document, text: sourceOf(doc.parsed), settings, out: [] };
  const hasScopes = part.scopes.length > 0;
  const nested: FlowModel = {
    scopes: part.scopes as FlowScope[], states: part.states as FlowState[],
    references: hasScopes ? part.references.filter((r) => r.scope.kind !== 'root') : [],
  };
  // Without nested scopes there are no nested names, references or reachability to check.
  if (hasScopes) checkStateReferences(ctx, nested, 'state');
  const lineSensitive = ctx.out.some((d) => d.code === DiagnosticCodes.duplicateState);
  const terminal = checkStateTransitions(ctx, part.states);
  if (hasScopes) checkReachability(ctx, nested, terminal);
  checkRuleOrder(ctx, part.states);
  checkLimits(ctx, nested);
  checkExpressions(ctx, nested);
  return { mode, index, indexSensitive, lineSensitive, line, character, schema, semantic: ctx.out, terminal: terminal.has(part.state) };
}
