// Breakpoints bound to states: each source line resolves to the innermost state whose block holds
// it, and the breakpoint moves to that state's first line. A state breakpoint may carry an FDL
// Condition, a hit count and a log message (a logpoint prints instead of stopping).
import type { CompiledExpression } from '../../emulator/src/engine';
import { compile, type Dialect } from './expressions';
import type { StateMap } from './stateMap';

export interface BreakpointRequest {
  readonly line: number;
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

type HitTest = (hits: number) => boolean;

export interface StateBreakpoint {
  readonly id: number;
  /** The state's key (see StateMap). */
  readonly key: string;
  /** Zero-based: the state's first line. */
  readonly line: number;
  readonly condition: CompiledExpression | undefined;
  readonly hitTest: HitTest | undefined;
  readonly logMessage: string | undefined;
  hits: number;
}

export interface BreakpointAnswer {
  readonly id?: number;
  readonly verified: boolean;
  /** Zero-based. */
  readonly line: number;
  readonly message?: string;
}

/**
 * `5` or `>=5`: from the 5th hit on; `>5`, `==5` (or `=5`), `<5`, `<=5`; `%5`: every 5th hit.
 * Undefined for text that is none of these.
 */
export function parseHitCondition(text: string): HitTest | undefined {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[2]);
  switch (m[1]) {
    case '>':
      return (h) => h > n;
    case '<':
      return (h) => h < n;
    case '<=':
      return (h) => h <= n;
    case '==':
    case '=':
      return (h) => h === n;
    case '%':
      return (h) => n > 0 && h % n === 0;
    default:
      return (h) => h >= n;
  }
}

/** The breakpoints of every flow file, by path. */
export class BreakpointStore {
  private nextId = 1;
  private readonly byPath = new Map<string, StateBreakpoint[]>();

  /** Replaces a file's breakpoints; answers each request in order. */
  set(path: string, map: StateMap, dialect: Dialect, requests: readonly BreakpointRequest[]): BreakpointAnswer[] {
    const kept: StateBreakpoint[] = [];
    const answers = requests.map((r): BreakpointAnswer => {
      const state = map.stateAtLine(r.line);
      if (!state) return { verified: false, line: r.line, message: 'No state here: put the breakpoint inside a state' };
      let condition: CompiledExpression | undefined;
      if (r.condition !== undefined && r.condition.trim() !== '') {
        const compiled = compile(r.condition, dialect, { condition: true, where: `the condition of a breakpoint on ${state.name}` });
        if ('error' in compiled) return { verified: false, line: state.firstLine, message: compiled.error };
        condition = compiled.expression;
      }
      let hitTest: HitTest | undefined;
      if (r.hitCondition !== undefined && r.hitCondition.trim() !== '') {
        hitTest = parseHitCondition(r.hitCondition);
        if (!hitTest) {
          return { verified: false, line: state.firstLine, message: `Hit count "${r.hitCondition}": use N, >N, >=N, ==N, <N, <=N or %N` };
        }
      }
      const bp: StateBreakpoint = {
        id: this.nextId++,
        key: state.key,
        line: state.firstLine,
        condition,
        hitTest,
        logMessage: r.logMessage !== undefined && r.logMessage !== '' ? r.logMessage : undefined,
        hits: 0,
      };
      kept.push(bp);
      return { id: bp.id, verified: true, line: state.firstLine };
    });
    this.byPath.set(path, kept);
    return answers;
  }

  /** Breakpoints of a file on one state. */
  forState(path: string, key: string): StateBreakpoint[] {
    return (this.byPath.get(path) ?? []).filter((b) => b.key === key);
  }

  /** A new run counts hits from zero. */
  resetHits(): void {
    for (const list of this.byPath.values()) for (const b of list) b.hits = 0;
  }
}
