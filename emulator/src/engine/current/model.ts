// The compiled form of a current-spec flow (`Type: StateMachine`): states resolved to objects,
// constructors to builders and expressions to ASTs, so running a state does no lookups or parsing.
import type { JsonValue } from '../types';
import type { CompiledExpression } from '../expressions/evaluate';
import type { Builder } from '../expressions/constructors';
import type { TaskMode } from '../types';
import { STATE_TYPES, type StateType } from '../../../../server/src/fdl';

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

export interface StateBase {
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
  /** Undefined only for a distributed Map that reads its items with ItemReader. */
  readonly itemsPath: CompiledExpression | undefined;
  readonly itemConstructor: Builder | undefined;
  readonly processor: Scope;
  readonly concurrency: number;
  /** Set when `ProcessorConfig` selects distributed mode. */
  readonly distributed: DistributedMap | undefined;
}

/** Where a distributed Map's ItemReader takes its items from. */
export interface ItemSource {
  readonly sourceType: 'OSS_OBJECTS' | 'OSS_JSON_LIST' | 'OSS_CSV' | 'OSS_INVENTORY_FILES';
  readonly bucket: string;
  readonly objectName: string | undefined;
  readonly prefix: string;
  readonly csvHeaders: readonly string[] | undefined;
}

export interface DistributedMap {
  /** How each child execution runs (`ProcessorConfig.ExecutionMode`). */
  readonly mode: 'Express' | 'Standard';
  readonly reader: ItemSource | undefined;
  readonly batcher: { readonly maxItems: number | undefined; readonly maxBytes: number | undefined; readonly batchInput: JsonValue | undefined } | undefined;
  readonly writer: { readonly bucket: string; readonly prefix: string } | undefined;
  /** 0: every item. */
  readonly maxItems: number;
  readonly toleratedFailureCount: number;
  readonly toleratedFailurePercentage: number;
  /** The processor as a flow of its own, which each child execution runs. */
  readonly processorDefinition: JsonValue;
}

export type State =
  PassState | SucceedState | FailState | WaitState | ChoiceState | TaskState | ParallelState | MapState;

/** True only when the engine's states and the state type table name the same types. */
type SameTypes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A state type missing here (or here and not in the table) fails this line. */
export const ENGINE_KNOWS_EVERY_STATE_TYPE: SameTypes<State['type'], StateType> = true;

/** Whether the state takes Retry and Catch rules (the table's `recovers`). */
export function isRecoverable(state: State): state is Extract<State, Recoverable> {
  return STATE_TYPES[state.type].recovers;
}

export interface CompiledFlow {
  readonly root: Scope;
  /** Execution timeout in seconds (0 = none). */
  readonly timeoutSeconds: number;
}
