// The compiled form of a legacy flow (`type: flow`, `version: v1`): ordered step lists with
// resolved goto targets, mappings with parsed sources.
import type { CompiledExpression } from '../expressions/evaluate';
import type { JsonObject } from '../json';
import type { JsonValue } from '../types';
import type { LegacyStepType } from '../../../../server/src/fdl';

/** `{target, source}`: source is a constant, or an expression when it is a string starting with `$`. */
export interface Mapping {
  readonly target: string;
  readonly constant?: JsonValue;
  readonly expression?: CompiledExpression;
}

export interface Steps {
  readonly list: readonly LegacyStep[];
  readonly indexOf: ReadonlyMap<string, number>;
}

export interface StepBase {
  readonly name: string;
  readonly end: boolean;
  readonly inputMappings: readonly Mapping[] | undefined;
  readonly outputMappings: readonly Mapping[] | undefined;
}

export interface LegacyRetry {
  readonly errors: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly multiplier: number;
  readonly maxIntervalSeconds: number | undefined;
}

export interface LegacyCatch {
  readonly errors: readonly string[];
  /** Index of the sibling step to continue at; undefined continues after the task. */
  readonly goto: number | undefined;
}

export interface TaskStep extends StepBase {
  readonly type: 'task';
  readonly resource: string;
  readonly pattern: 'requestResponse' | 'sync' | 'waitForCallback';
  readonly timeoutSeconds: number;
  /** `serviceParams` entries, parsed like mappings (key = target). */
  readonly serviceParams: readonly Mapping[] | undefined;
  readonly retry: readonly LegacyRetry[];
  readonly catch: readonly LegacyCatch[];
  readonly errorMappings: readonly Mapping[] | undefined;
}

export interface PassStep extends StepBase {
  readonly type: 'pass';
}

export interface WaitStep extends StepBase {
  readonly type: 'wait';
  readonly duration: number | CompiledExpression | undefined;
  readonly timestamp: string | CompiledExpression | undefined;
}

export interface ChoiceOption {
  readonly steps: Steps | undefined;
  readonly goto: number | undefined;
}

export interface ChoiceStep extends StepBase {
  readonly type: 'choice';
  readonly choices: readonly (ChoiceOption & { readonly condition: CompiledExpression })[];
  readonly default: ChoiceOption | undefined;
}

export interface ParallelStep extends StepBase {
  readonly type: 'parallel';
  readonly branches: readonly Steps[];
}

export interface ForeachStep extends StepBase {
  readonly type: 'foreach';
  readonly collection: CompiledExpression;
  readonly item: string;
  readonly index: string | undefined;
  readonly steps: Steps;
}

export interface SucceedStep extends StepBase {
  readonly type: 'succeed';
}

export interface FailStep extends StepBase {
  readonly type: 'fail';
  readonly error: string;
  readonly cause: string;
}

export type LegacyStep =
  TaskStep | PassStep | WaitStep | ChoiceStep | ParallelStep | ForeachStep | SucceedStep | FailStep;

/** True only when the engine's steps and the legacy step type table name the same types. */
type SameTypes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A step type missing here (or here and not in the table) fails this line. */
export const ENGINE_KNOWS_EVERY_STEP_TYPE: SameTypes<LegacyStep['type'], LegacyStepType> = true;

export interface LegacyFlow {
  readonly steps: Steps;
  readonly inputMappings: readonly Mapping[] | undefined;
  readonly outputMappings: readonly Mapping[] | undefined;
  readonly timeoutSeconds: number;
}

/** What running one step yielded: where the series goes next and what an observer shows. */
export interface StepOutcome {
  output: JsonObject;
  /** Index of the sibling to continue at (choice or catch goto). */
  goto?: number;
  /** A succeed step ends its series. */
  stop?: boolean;
  /** The step's `$local` (what an observer shows as its raw result). */
  result: JsonValue;
  /** Set when a catch rule turned a failure into this outcome. */
  caught?: { readonly error: string; readonly cause: string };
}
