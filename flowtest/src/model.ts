// What a flow test file says, once read and checked: the flow under test and its cases, each
// with its input, mocks by state name and expectations, and where it is in the file.
import type { JsonValue } from '../../emulator/src/engine';

/** One answer of a mocked task call. */
export type MockAnswer =
  { readonly output: JsonValue } | { readonly error: string; readonly cause: string };

/**
 * The mock of one Task state. `each`: the list is consumed one call at a time, afresh in every
 * Map iteration; `iterations`: iteration i of the enclosing Map consumes list i.
 */
export type StateMock =
  | ({ readonly kind: 'each' } & MockAnswers)
  | { readonly kind: 'iterations'; readonly perIteration: readonly MockAnswers[] };

/** A list consumed one call at a time, or (`repeat`) one answer written alone that serves every call. */
export interface MockAnswers {
  readonly answers: readonly MockAnswer[];
  readonly repeat: boolean;
}

export type ExpectedStatus = 'Succeeded' | 'Failed' | 'TimedOut' | 'Stopped';

export interface Expectation {
  readonly status?: ExpectedStatus;
  /** Present when the case gives `output` (which may itself be null). */
  readonly output?: { readonly value: JsonValue };
  readonly match: 'exact' | 'subset';
  readonly error?: string;
  readonly cause?: string;
  readonly states?: readonly string[];
}

/** A place in a text file, zero-based (what editors use); shown one-based to people. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface TextSpan {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

export interface TestCase {
  readonly name: string;
  /** Position in the file's `cases` list. */
  readonly index: number;
  readonly input: JsonValue;
  readonly mocks: ReadonlyMap<string, StateMock>;
  /** Unmocked tasks fail the case instead of running. */
  readonly strict: boolean;
  readonly clock: 'virtual' | 'real';
  readonly expect: Expectation;
  /** The case's whole item in the test file. */
  readonly span: TextSpan;
}

export interface TestFile {
  /** Absolute path of the test file. */
  readonly path: string;
  /** Absolute path of the flow under test. */
  readonly flowPath: string;
  readonly cases: readonly TestCase[];
}

/** A test file that cannot be run as written: where, and what to fix. */
export class TestFileError extends Error {
  constructor(
    readonly path: string,
    readonly position: TextPosition,
    readonly problem: string,
  ) {
    super(`${path}:${position.line + 1}:${position.character + 1}: ${problem}`);
    this.name = 'TestFileError';
  }
}
