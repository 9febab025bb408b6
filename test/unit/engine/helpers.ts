// Shared by the engine tests: a virtual clock, a runner that collects the history, and fixture paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText, toJsonValue } from '../../../server/src/parse';
import assert from 'node:assert/strict';
import {
  historyEvent,
  startRun,
  type Clock,
  type HistoryEvent,
  type RecordedEvent,
  type JsonValue,
  type RunHandle,
  type RunOptions,
  type RunResult,
  type TaskEnvironment,
} from '../../../emulator/src/engine';
import { createWorkspaceTasks } from '../../../emulator/src/tasks';

export const FIXTURES = join(__dirname, '../../fixtures/engine');
export const WORKSPACE = join(FIXTURES, 'workspace');

/**
 * Virtual time: timers fire in due order as soon as the event loop has nothing more urgent
 * (one per setImmediate turn), and `now()` jumps to each timer's due time. Records every delay.
 */
export class VirtualClock implements Clock {
  nowMs = Date.parse('2026-01-01T00:00:00.000Z');
  readonly delays: number[] = [];
  private timers: { due: number; seq: number; callback: () => void; cancelled: boolean }[] = [];
  private seq = 0;
  private scheduled = false;

  now(): number {
    return this.nowMs;
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { due: this.nowMs + ms, seq: this.seq++, callback, cancelled: false };
    this.delays.push(ms);
    this.timers.push(timer);
    this.schedule();
    return () => {
      timer.cancelled = true;
    };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.fire());
  }

  private fire(): void {
    this.scheduled = false;
    this.timers = this.timers.filter((t) => !t.cancelled);
    if (this.timers.length === 0) return;
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const next = this.timers.shift()!;
    this.nowMs = Math.max(this.nowMs, next.due);
    next.callback();
    if (this.timers.length > 0) this.schedule();
  }
}

export interface Finished {
  readonly result: RunResult;
  readonly events: HistoryEvent[];
  /** `Type StepName` per event, for asserting sequences. */
  readonly trace: string[];
}

export function traceOf(events: readonly HistoryEvent[]): string[] {
  return events.map((e) => (e.StepName ? `${e.Type} ${e.StepName}` : e.Type));
}

export function detail(event: HistoryEvent | undefined): Record<string, JsonValue> {
  return JSON.parse(event?.EventDetail ?? '{}') as Record<string, JsonValue>;
}

export type StartOptions = Partial<Omit<RunOptions, 'definition' | 'onEvent'>>;

export function start(
  definition: JsonValue,
  options: StartOptions = {},
): { handle: RunHandle; events: HistoryEvent[]; finished: Promise<Finished> } {
  const events: HistoryEvent[] = [];
  const records: RecordedEvent[] = [];
  const handle = startRun({
    definition,
    input: {},
    flowName: 'test-flow',
    executionName: 'test-execution',
    tasks: workspaceTasks(),
    clock: new VirtualClock(),
    ...options,
    onEvent: (e) => events.push(e),
    onRecord: (r) => records.push(r),
  });
  const finished = handle.done.then((result) => {
    // Every run of these tests also checks that a detail written only at the end (as the
    // emulator writes an Express run's) says what it said when the event happened.
    assert.deepEqual(records.map(historyEvent), events, 'a recorded event written out later differs from the event as it happened');
    return { result, events, trace: traceOf(events) };
  });
  return { handle, events, finished };
}

export function run(definition: JsonValue, options: StartOptions = {}): Promise<Finished> {
  return start(definition, options).finished;
}

let tasks: TaskEnvironment | undefined;
export function workspaceTasks(): TaskEnvironment {
  tasks ??= createWorkspaceTasks({ workspaceDir: WORKSPACE });
  return tasks;
}

/** A current-spec flow around the given states (the first one starts). */
export function flow(states: JsonValue[], extra: Record<string, JsonValue> = {}): JsonValue {
  const first = states[0] as { Name: string };
  return { Type: 'StateMachine', SpecVersion: 'v1', Name: 'test-flow', StartAt: first.Name, States: states, ...extra };
}

export function loadFlow(relativePath: string): JsonValue {
  const path = join(FIXTURES, relativePath);
  const parsed = parseText(readFileSync(path, 'utf8'), path.endsWith('.json') ? 'json' : 'yaml');
  if (parsed.syntaxProblems.length > 0) throw new Error(`${relativePath}: ${parsed.syntaxProblems[0]!.message}`);
  return toJsonValue(parsed.root) ?? null;
}

/** Resolves once `predicate` holds, checking after each event-loop turn (no fixed sleeps). */
export async function until(predicate: () => boolean, what: string, maxTurns = 10000): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (predicate()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`gave up waiting for ${what}`);
}
