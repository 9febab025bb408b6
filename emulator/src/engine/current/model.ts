// The compiled form of a current-spec flow (`Type: StateMachine`): states resolved to objects,
// constructors to builders and expressions to ASTs, so running a state does no lookups or parsing.
import type { CompiledExpression } from '../expressions/evaluate';
import type { Builder } from '../expressions/constructors';
import type { TaskMode } from '../types';

export interface Scope {
  readonly start: State;
  readonly states: ReadonlyMap<string, State>;
}

export interface RetryRule {
  readonly errors: readonly string[];
  readonly maxAttempts: number;
  readonly intervalSeconds: number;
  readonly backoffRate: number;
  readonly maxBackoffSeconds: number | undefined;
}

export interface CatchRule {
  readonly errors: readonly string[];
  readonly output: Builder | undefined;
  next: State;
  readonly nextName: string;
}

interface StateBase {
  readonly name: string;
  /** The state that follows; null ends the scope. Resolved after the whole scope is compiled. */
  next: State | null;
  readonly nextName: string | undefined;
  readonly input: Builder | undefined;
  readonly output: Builder | undefined;
  readonly global: Builder | undefined;
}

export interface PassState extends StateBase {
  readonly type: 'Pass';
}

export interface SucceedState extends StateBase {
  readonly type: 'Succeed';
}

export interface FailState extends StateBase {
  readonly type: 'Fail';
  readonly code: string;
  readonly detail: string;
}

export interface WaitState extends StateBase {
  readonly type: 'Wait';
  readonly seconds: number | CompiledExpression;
}

export interface ChoiceBranch {
  readonly condition: CompiledExpression;
  readonly nextName: string;
  next: State;
}

export interface ChoiceState extends StateBase {
  readonly type: 'Choice';
  readonly branches: ChoiceBranch[];
  readonly defaultName: string;
  default: State;
}

interface Recoverable {
  readonly retry: readonly RetryRule[];
  readonly catch: readonly CatchRule[];
}

export interface TaskState extends StateBase, Recoverable {
  readonly type: 'Task';
  readonly action: string;
  readonly taskMode: TaskMode;
  readonly parameters: Builder | undefined;
  /** Seconds; 0 or undefined never times out. */
  readonly timeout: number | CompiledExpression | undefined;
}

export interface ParallelState extends StateBase, Recoverable {
  readonly type: 'Parallel';
  readonly branches: readonly Scope[];
}

export interface MapState extends StateBase, Recoverable {
  readonly type: 'Map';
  readonly itemsPath: CompiledExpression;
  readonly itemConstructor: Builder | undefined;
  readonly processor: Scope;
  readonly concurrency: number;
}

export type State =
  PassState | SucceedState | FailState | WaitState | ChoiceState | TaskState | ParallelState | MapState;

export interface CompiledFlow {
  readonly root: Scope;
  /** Execution timeout in seconds (0 = none). */
  readonly timeoutSeconds: number;
}
