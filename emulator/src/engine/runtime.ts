// Everything one execution shares across its states and scopes: history, clock, limits, task
// executors, callbacks waiting on task tokens, global variables and the stop/timeout switch.
import { Canceller, type CancelSignal } from './cancel';
import { randomUUID } from 'node:crypto';
import { abortReason, realClock, sleep, yieldToEventLoop } from './clock';
import { EngineErrors, FlowFailure } from './errors';
import { EventLog } from './history';
import { jsonBytes, type JsonObject } from './json';
import type { RunObserver } from './observer';
import type {
  Clock,
  ExecutionMode,
  JsonValue,
  Limits,
  MapRunHost,
  ObjectAccess,
  RunHandle,
  RunOptions,
  TaskEnvironment,
} from './types';

export const DEFAULT_LIMITS: Limits = {
  maxStateDataBytes: 64 * 1024,
  maxEvents: 5000,
  maxParallelBranches: 50,
  maxMapConcurrency: 40,
  maxForeachConcurrency: 100,
  maxFunctionNesting: 10,
  maxLegacyStepBytes: 32 * 1024,
  maxMapRunItems: 10_000,
};

/** Synchronous states run back to back; after this many the interpreter lets the event loop in. */
const TRANSITIONS_PER_YIELD = 1000;

interface PendingCallback {
  resolve(output: JsonValue): void;
  reject(failure: FlowFailure): void;
}

export class Runtime {
  readonly clock: Clock;
  readonly timeScale: number;
  readonly limits: Limits;
  readonly log: EventLog;
  readonly tasks: TaskEnvironment;
  /** A distributed Map's object store, and who runs its child executions (undefined: this process). */
  readonly objects: ObjectAccess | undefined;
  readonly mapRuns: MapRunHost | undefined;
  readonly flowName: string;
  readonly executionName: string;
  readonly roleArn: string;
  readonly mode: ExecutionMode;
  /** Undefined for an unobserved run: the interpreter then skips every hook. */
  readonly observer: RunObserver | undefined;
  /** Aborted by stop() or the execution timeout; every wait and task listens to it. */
  readonly controller = new Canceller();
  executionInput: JsonValue = {};
  globals: JsonObject = {};
  private transitions = 0;
  private readonly callbacks = new Map<string, PendingCallback>();
  private readonly makeToken: () => string;

  /**
   * @param createRun starts another execution (a distributed Map's child when no MapRun host is
   * given); passed in by run.ts, which the interpreter cannot import back
   */
  constructor(
    options: RunOptions,
    readonly createRun: (options: RunOptions) => RunHandle,
  ) {
    this.clock = options.clock ?? realClock;
    this.timeScale = options.timeScale ?? 1;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.log = new EventLog(this.clock, options.onEvent, options.onRecord, this.limits.maxEvents);
    this.tasks = options.tasks;
    this.objects = options.objects;
    this.mapRuns = options.mapRuns;
    this.flowName = options.flowName;
    this.executionName = options.executionName;
    this.roleArn = options.roleArn ?? '';
    this.mode = options.executionMode ?? 'Standard';
    this.observer = options.observer;
    this.makeToken = options.newTaskToken ?? (() => `${options.executionName}:${randomUUID()}`);
  }

  get signal(): CancelSignal {
    return this.controller.signal;
  }

  /** Counts one state transition; resolves to true when the caller should yield first. */
  shouldYield(): boolean {
    return ++this.transitions % TRANSITIONS_PER_YIELD === 0;
  }

  yield(): Promise<void> {
    return yieldToEventLoop();
  }

  /** Waits `seconds` of flow time (scaled by timeScale). */
  wait(seconds: number, signal: CancelSignal): Promise<void> {
    return sleep(this.clock, seconds * 1000 * this.timeScale, signal);
  }

  throwIfAborted(signal: CancelSignal): void {
    if (signal.aborted) throw abortReason(signal);
  }

  checkSize(value: JsonValue, what: string): void {
    const bytes = jsonBytes(value);
    if (bytes > this.limits.maxStateDataBytes) {
      throw new FlowFailure(
        EngineErrors.limitExceeded,
        `${what} is ${bytes} bytes, more than the ${this.limits.maxStateDataBytes} bytes a state's input or output may have; ` +
          'pass large data by reference (e.g. an object storage key) instead',
      );
    }
  }

  newTaskToken(): string {
    return this.makeToken();
  }

  /** Resolves when reportTaskSucceeded/Failed is called with `token`. */
  awaitCallback(token: string, signal: CancelSignal): Promise<JsonValue> {
    return new Promise<JsonValue>((resolve, reject) => {
      const onAbort = (): void => {
        this.callbacks.delete(token);
        reject(abortReason(signal));
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => {
        this.callbacks.delete(token);
        signal.removeEventListener('abort', onAbort);
      };
      this.callbacks.set(token, {
        resolve: (output) => {
          settle();
          resolve(output);
        },
        reject: (failure) => {
          settle();
          reject(failure);
        },
      });
    });
  }

  reportSucceeded(token: string, output: JsonValue): boolean {
    const pending = this.callbacks.get(token);
    if (!pending) return false;
    pending.resolve(output);
    return true;
  }

  reportFailed(token: string, error: string, cause: string): boolean {
    const pending = this.callbacks.get(token);
    if (!pending) return false;
    pending.reject(new FlowFailure(error, cause));
    return true;
  }

  pendingTokens(): string[] {
    return [...this.callbacks.keys()];
  }
}
