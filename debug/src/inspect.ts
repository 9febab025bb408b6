// What a stopped execution shows: each thread's stack (execution -> Parallel/Map scopes -> state),
// the variables of a frame ($Input, $Output of the previous state, $Context, the last task's raw
// result, the Map item), editing $Input before the state runs, and evaluating FDL expressions.
// Lines here are zero-based; the session converts them for the client.
import type { JsonValue, ScopeFrame, StateVisit, Variables } from '../../emulator/src/engine';
import type { DebugThread, RunController } from './controller';
import { evaluateText, type Dialect } from './expressions';
import type { StateLocation, StateMap } from './stateMap';

export interface FrameInfo {
  readonly id: number;
  readonly name: string;
  /** Zero-based lines and characters; undefined location when the state is not in the file. */
  readonly location: Pick<StateLocation, 'firstLine' | 'lastLine' | 'startCharacter' | 'endCharacter'> | undefined;
}

export interface VariableInfo {
  readonly name: string;
  readonly value: string;
  readonly type: string;
  readonly variablesReference: number;
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  readonly evaluateName?: string;
}

type Path = readonly (string | number)[];

type VarNode =
  | { readonly kind: 'state'; readonly thread: DebugThread; readonly visit: StateVisit; readonly editable: boolean }
  | { readonly kind: 'execution' }
  | { readonly kind: 'value'; readonly value: JsonValue; readonly evaluateName?: string; readonly input?: { thread: DebugThread; path: Path } };

/** Frame ids: thread id x FRAMES_PER_THREAD + level (0 = the current state). */
const FRAMES_PER_THREAD = 10000;
const PREVIEW_CHARS = 160;

function preview(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

function typeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A copy of `root` with the value at `path` replaced. */
function replaceAt(root: JsonValue, path: Path, value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root];
    copy[head] = replaceAt(root[head] ?? null, rest, value);
    return copy;
  }
  if (root !== null && typeof root === 'object' && !Array.isArray(root) && typeof head === 'string') {
    return { ...root, [head]: replaceAt(root[head] ?? null, rest, value) };
  }
  return root;
}

export class Inspector {
  private nodes = new Map<number, VarNode>();
  private nextRef = 1;

  constructor(
    private readonly controller: RunController,
    private readonly map: StateMap,
    private readonly dialect: Dialect,
    private readonly flowName: string,
    private readonly executionInput: JsonValue,
  ) {}

  /** Variable references live until the execution moves on. */
  reset(): void {
    this.nodes.clear();
    this.nextRef = 1;
  }

  stackTrace(threadId: number): FrameInfo[] {
    const thread = this.controller.thread(threadId);
    if (!thread) return [];
    const frames: FrameInfo[] = [];
    const base = threadId * FRAMES_PER_THREAD;
    if (thread.visit) {
      const v = thread.visit;
      const status = thread.phase === 'after' && thread.exception ? ` (failed: ${thread.exception.error})` : '';
      frames.push({ id: base, name: `${v.stateName} (${v.stateType})${status}`, location: this.map.find(v.stateName, v.scope) });
    }
    let level = 1;
    for (let s: ScopeFrame | undefined = thread.scope; s && s.kind !== 'execution'; s = s.parent) {
      const scopeName = s.kind === 'branch' ? `Branch ${s.index}` : `Iteration ${s.index}`;
      frames.push({
        id: base + level++,
        name: `${s.stateName} › ${scopeName}`,
        location: s.parent ? this.map.find(s.stateName, s.parent) : undefined,
      });
    }
    frames.push({
      id: base + level,
      name: `Execution ${this.flowName}`,
      location: { firstLine: 0, lastLine: 0, startCharacter: 0, endCharacter: 0 },
    });
    return frames;
  }

  /** The thread and the state a frame shows (undefined for the execution frame). */
  private frame(frameId: number): { thread: DebugThread; visit: StateVisit | undefined; level: number } | undefined {
    const thread = this.controller.thread(Math.floor(frameId / FRAMES_PER_THREAD));
    if (!thread) return undefined;
    const level = frameId % FRAMES_PER_THREAD;
    if (level === 0) return { thread, visit: thread.visit, level };
    let s: ScopeFrame | undefined = thread.scope;
    for (let i = 1; i < level && s; i++) s = s.parent;
    if (!s || s.kind === 'execution' || !s.parent) return { thread, visit: undefined, level };
    // The container state's visit is the current one of the thread that runs its scope.
    const outer = this.controller.threadOfScope(s.parent);
    const visit = outer?.visit?.stateName === s.stateName ? outer.visit : undefined;
    return outer ? { thread: outer, visit, level } : undefined;
  }

  scopes(frameId: number): { name: string; variablesReference: number }[] {
    const f = this.frame(frameId);
    if (!f) return [];
    if (!f.visit) return [{ name: 'Execution', variablesReference: this.add({ kind: 'execution' }) }];
    const editable = f.level === 0 && f.thread.phase === 'before';
    return [{ name: `State ${f.visit.stateName}`, variablesReference: this.add({ kind: 'state', thread: f.thread, visit: f.visit, editable }) }];
  }

  variables(reference: number): VariableInfo[] {
    const node = this.nodes.get(reference);
    if (!node) return [];
    if (node.kind === 'execution') return [this.variable('Execution input', this.executionInput, '$Context.Execution.Input')];
    if (node.kind === 'state') return this.stateVariables(node.thread, node.visit, node.editable);
    const { value, input, evaluateName } = node;
    if (value === null || typeof value !== 'object') return [];
    const child = (key: string | number, v: JsonValue): VariableInfo => {
      const name = Array.isArray(value) ? `[${key}]` : String(key);
      const evalName = evaluateName === undefined ? undefined : Array.isArray(value) ? `${evaluateName}[${key}]` : `${evaluateName}.${key}`;
      return this.variable(name, v, evalName, input ? { thread: input.thread, path: [...input.path, key] } : undefined);
    };
    return Array.isArray(value) ? value.map((v, i) => child(i, v)) : Object.entries(value).map(([k, v]) => child(k, v));
  }

  private names(): { input: string; context: string } {
    return this.dialect === 'legacy' ? { input: '$input', context: '$context' } : { input: '$Input', context: '$Context' };
  }

  private stateVariables(thread: DebugThread, visit: StateVisit, editable: boolean): VariableInfo[] {
    const n = this.names();
    const input = thread.editedInput ?? visit.input;
    const out: VariableInfo[] = [this.variable(n.input, input, n.input, editable ? { thread, path: [] } : undefined)];
    const previous = thread.previous;
    if (previous && previous.outcome.kind !== 'failed' && thread.phase === 'before') {
      // Current spec: the previous state's $Output, as the Debug Console's $Output reads it. A
      // legacy step has no $Output: its output is merged into $local, so it is named by its step.
      const label = this.dialect === 'legacy' ? `Output of ${previous.visit.stateName}` : '$Output';
      out.push(this.variable(label, previous.outcome.output, this.dialect === 'legacy' ? undefined : '$Output'));
    }
    out.push(this.variable(n.context, visit.context(), n.context));
    if (thread.lastTaskResult) out.push(this.variable(`Last task result (${thread.lastTaskResult.stateName})`, thread.lastTaskResult.result, undefined));
    if (thread.phase === 'after' && thread.exception) {
      const e = thread.exception;
      out.push(this.variable('Error', { Code: e.error, Detail: e.cause, ...(e.recovery ? { Recovery: e.recovery } : {}) }, undefined));
    }
    const global = this.dialect === 'current' ? visit.variables.get('Global') : undefined;
    if (global && typeof global === 'object' && !Array.isArray(global) && Object.keys(global).length > 0) {
      out.push(this.variable('$Global', global, '$Global'));
    }
    if (visit.scope.kind === 'iteration') {
      const s = visit.scope;
      out.push(this.variable('Map iteration', { State: s.stateName, Index: s.index, Item: s.item ?? null }, undefined));
    }
    return out;
  }

  private variable(name: string, value: JsonValue, evaluateName: string | undefined, input?: { thread: DebugThread; path: Path }): VariableInfo {
    const isContainer = value !== null && typeof value === 'object';
    const reference = isContainer
      ? this.add({ kind: 'value', value, ...(evaluateName !== undefined ? { evaluateName } : {}), ...(input ? { input } : {}) })
      : 0;
    return {
      name,
      value: preview(value),
      type: typeOf(value),
      variablesReference: reference,
      ...(Array.isArray(value) ? { indexedVariables: value.length } : {}),
      ...(isContainer && !Array.isArray(value) ? { namedVariables: Object.keys(value).length } : {}),
      ...(evaluateName !== undefined ? { evaluateName } : {}),
    };
  }

  private add(node: VarNode): number {
    const ref = this.nextRef++;
    this.nodes.set(ref, node);
    return ref;
  }

  /** Sets `$Input` (or a value inside it) before the state runs; the text is JSON. */
  setVariable(reference: number, name: string, text: string): VariableInfo | { error: string } {
    const node = this.nodes.get(reference);
    let target: { thread: DebugThread; path: Path } | undefined;
    if (node?.kind === 'state' && name === this.names().input) target = node.editable ? { thread: node.thread, path: [] } : undefined;
    else if (node?.kind === 'value' && node.input) {
      const key: string | number = Array.isArray(node.value) ? Number(name.replace(/^\[|\]$/g, '')) : name;
      target = { thread: node.input.thread, path: [...node.input.path, key] };
    }
    if (!target) return { error: `Only ${this.names().input} can be changed, while stopped before the state runs` };
    let value: JsonValue;
    try {
      value = JSON.parse(text) as JsonValue;
    } catch {
      return { error: `Not a JSON value: ${text} (write strings in double quotes)` };
    }
    const thread = target.thread;
    const visit = thread.visit;
    if (!visit) return { error: 'The thread is not at a state' };
    const updated = replaceAt(thread.editedInput ?? visit.input, target.path, value);
    const refused = this.controller.setInput(thread, updated);
    if (refused) return { error: refused };
    return this.variable(name, value, undefined);
  }

  /** Evaluates an FDL expression in a frame (default: the stopped thread's current state). */
  evaluate(text: string, frameId: number | undefined): VariableInfo | { error: string } {
    const stopped = this.controller.stoppedThread;
    const f = frameId !== undefined ? this.frame(frameId) : stopped ? { thread: stopped, visit: stopped.visit, level: 0 } : undefined;
    if (!f || !f.visit) return { error: 'Expressions are evaluated in a state: stop at one first (breakpoint, step or pause)' };
    const result = evaluateText(text, this.dialect, this.frameVariables(f.thread, f.visit, f.level === 0), 'the Debug Console');
    if ('error' in result) return result;
    return this.variable('result', result.value, text.trim());
  }

  /** The state's variables, with an edited input and the previous state's output as $Output. */
  private frameVariables(thread: DebugThread, visit: StateVisit, current: boolean): Variables {
    const legacy = this.dialect === 'legacy';
    const input = current ? thread.editedInput : undefined;
    const output = current && thread.previous && thread.previous.outcome.kind !== 'failed' ? thread.previous.outcome.output : undefined;
    return {
      get: (name) => {
        if (input !== undefined && (legacy ? name === '' || name === 'input' : name === 'Input')) return input;
        if (output !== undefined && !legacy && name === 'Output') return output;
        return visit.variables.get(name);
      },
    };
  }
}
