// Lines to states and back, from the language service's navigation model of the flow file (the
// same tree the editor's outline reads). A state is known by its key: its name prefixed by the
// Parallel branch (`Fulfil/1/ChargePayment`) or Map processor (`PriceLines/*/PriceLine`) it sits
// in, which is also how a running state's scope frames spell it, so breakpoints match one state
// even when two branches use the same name.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { legacyModel, flowModel, type FlowModel, type FlowState, type AnalysedDocument } from '../../server/src';
import { isNumberedBranch, stepTypeOf } from '../../server/src/fdl';
import type { ScopeFrame } from '../../emulator/src/engine';

export interface StateLocation {
  readonly key: string;
  readonly name: string;
  readonly type: string | undefined;
  /** Zero-based line where the state's block starts (where its breakpoints are shown). */
  readonly firstLine: number;
  /** Zero-based, inclusive. */
  readonly lastLine: number;
  readonly startCharacter: number;
  readonly endCharacter: number;
  /** How many Parallel/Map (legacy parallel/foreach/choice) states enclose it. */
  readonly depth: number;
}

/** A running state's key: the same spelling as StateLocation.key. */
export function runtimeKey(stateName: string, scope: ScopeFrame): string {
  let key = stateName;
  for (let s: ScopeFrame | undefined = scope; s && s.kind !== 'execution'; s = s.parent) {
    key = `${s.stateName}/${s.kind === 'branch' ? String(s.index) : '*'}/${key}`;
  }
  return key;
}

function staticKey(state: FlowState, legacy: boolean): string {
  let key = state.name ?? '';
  for (let scope = state.scope; scope.owner; scope = scope.owner.scope) {
    const owner = scope.owner;
    if (legacy && stepTypeOf(owner.type)?.holds === 'choices') continue; // a choice's steps run in the choice's own scope
    const segment = isNumberedBranch(scope) ? String(owner.children.indexOf(scope)) : '*';
    key = `${owner.name ?? ''}/${segment}/${key}`;
  }
  return key;
}

function depthOf(state: FlowState): number {
  let depth = 0;
  for (let scope = state.scope; scope.owner; scope = scope.owner.scope) depth++;
  return depth;
}

export class StateMap {
  private readonly byKey = new Map<string, StateLocation>();
  private readonly byName = new Map<string, StateLocation[]>();

  private constructor(readonly states: readonly StateLocation[]) {
    for (const s of states) {
      if (!this.byKey.has(s.key)) this.byKey.set(s.key, s);
      const same = this.byName.get(s.name) ?? [];
      same.push(s);
      this.byName.set(s.name, same);
    }
  }

  static empty(): StateMap {
    return new StateMap([]);
  }

  static fromAnalysed(analysed: AnalysedDocument): StateMap {
    const legacy = analysed.dialect === 'fdl-legacy';
    const model: FlowModel | undefined =
      analysed.dialect === 'fdl' ? flowModel(analysed) : legacy ? legacyModel(analysed) : undefined;
    if (!model) return new StateMap([]);
    return new StateMap(
      model.states
        .filter((s) => s.name !== undefined && s.name !== '')
        .map((s) => location(analysed.document, s, staticKey(s, legacy), depthOf(s))),
    );
  }

  /** The innermost state whose block holds a (zero-based) line. */
  stateAtLine(line: number): StateLocation | undefined {
    let best: StateLocation | undefined;
    for (const s of this.states) {
      if (line < s.firstLine || line > s.lastLine) continue;
      if (!best || s.depth > best.depth || (s.depth === best.depth && s.lastLine - s.firstLine < best.lastLine - best.firstLine)) best = s;
    }
    return best;
  }

  /** Where a running state is written. */
  find(stateName: string, scope: ScopeFrame): StateLocation | undefined {
    const exact = this.byKey.get(runtimeKey(stateName, scope));
    if (exact) return exact;
    const same = this.byName.get(stateName);
    return same?.length === 1 ? same[0] : undefined;
  }

  get(key: string): StateLocation | undefined {
    return this.byKey.get(key);
  }
}

function location(doc: TextDocument, state: FlowState, key: string, depth: number): StateLocation {
  const start = doc.positionAt(state.node.range.start);
  const end = doc.positionAt(state.node.range.end);
  // A block ends before the line its last character closes when that character starts the line.
  const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return {
    key,
    name: state.name ?? '',
    type: state.type,
    firstLine: start.line,
    lastLine,
    startCharacter: start.character,
    endCharacter: end.character,
    depth,
  };
}
