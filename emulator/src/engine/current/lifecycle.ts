// The life cycle every state shares: StepEntered, InputConstructor, StepStarted on the way in;
// StepSucceeded, OutputConstructor, GlobalConstructor, StepExited on the way out.
import { EngineErrors, FlowFailure } from '../errors';
import type { Trail } from '../history';
import { isObject } from '../json';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import { Frame } from './frame';
import type { State } from './model';

/** Where a state sends the flow next and with which value. */
export interface Step {
  output: JsonValue;
  next: State | null;
  /** Task/Parallel/Map: the raw result before OutputConstructor (what an observer shows). */
  result?: JsonValue;
  /** Set when a Catch rule turned a failure into this step. */
  caught?: { readonly error: string; readonly cause: string };
}

/** StepEntered + InputConstructor + StepStarted; returns the frame with the constructed input. */
export function enterState(rt: Runtime, state: State, input: JsonValue, trail: Trail): Frame {
  rt.checkSize(input, `the input of state "${state.name}"`);
  rt.log.emit(trail, 'StepEntered', state.name, { input });
  const frame = new Frame(rt, state.name, input);
  if (state.input) frame.input = state.input(frame.vars);
  rt.log.emit(trail, 'StepStarted', state.name, { input: frame.input });
  return frame;
}

/** StepSucceeded + OutputConstructor + GlobalConstructor + StepExited; returns the state output. */
export function exitState(rt: Runtime, state: State, frame: Frame, rawOutput: JsonValue, trail: Trail): JsonValue {
  rt.log.emit(trail, 'StepSucceeded', state.name, { output: rawOutput });
  frame.output = rawOutput;
  const output = state.output ? state.output(frame.vars) : rawOutput;
  if (state.global) applyGlobals(rt, state, state.global(frame.vars));
  rt.checkSize(output, `the output of state "${state.name}"`);
  rt.log.emit(trail, 'StepExited', state.name, { output });
  return output;
}

/** `$Global` keys are at most 128 bytes and values at most 256 KiB. */
const MAX_GLOBAL_KEY_BYTES = 128;
const MAX_GLOBAL_VALUE_BYTES = 256 * 1024;

function applyGlobals(rt: Runtime, state: State, values: JsonValue): void {
  if (!isObject(values)) return;
  for (const key of Object.keys(values)) {
    if (Buffer.byteLength(key) > MAX_GLOBAL_KEY_BYTES) {
      throw new FlowFailure(
        EngineErrors.limitExceeded,
        `state "${state.name}": global variable key "${key.slice(0, 40)}…" is longer than ${MAX_GLOBAL_KEY_BYTES} bytes`,
      );
    }
    if (Buffer.byteLength(JSON.stringify(values[key])) > MAX_GLOBAL_VALUE_BYTES) {
      throw new FlowFailure(
        EngineErrors.limitExceeded,
        `state "${state.name}": global variable "${key}" is larger than 256 KiB`,
      );
    }
  }
  rt.globals = { ...rt.globals, ...values };
}
