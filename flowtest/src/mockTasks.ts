// The task environment of one test case: a mocked state answers from its list (one entry per
// call, counted per Map iteration); any other task runs as the emulator would, unless the case
// is strict. Problems with the mocks themselves (a list used up, an unmocked task in a strict
// case) fail the call with a FlowTest.* error AND are recorded, so the case fails even when the
// flow catches that error.
import { TaskError, type JsonValue, type TaskEnvironment, type TaskRequest } from '../../emulator/src/engine';
import type { MockAnswer, MockAnswers, StateMock } from './model';
import type { EventScope } from './scopes';

export const MockErrors = {
  unmocked: 'FlowTest.UnmockedTask',
  exhausted: 'FlowTest.MockExhausted',
} as const;

export interface MockTaskOptions {
  readonly mocks: ReadonlyMap<string, StateMock>;
  readonly strict: boolean;
  /** Runs unmocked tasks (the workspace's handlers and HTTP). */
  readonly fallback: TaskEnvironment;
  /** The scope of the task being invoked (the scope of its TaskStarted event). */
  readonly currentScope: () => EventScope | undefined;
  /** Completes a WaitForCustomCallback task whose answer is mocked. */
  readonly reportCallback: (token: string, answer: MockAnswer) => void;
}

export class MockTasks implements TaskEnvironment {
  /** Problems that fail the case whatever the flow makes of them. */
  readonly problems: string[] = [];
  /** How many calls each mocked state got, per run scope. */
  private readonly calls = new Map<string, number>();
  private inFlight = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: MockTaskOptions) {}

  /** Tasks running for real right now (the virtual clock waits for them). */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** Calls `listener` the next time no real task is running. */
  onIdle(listener: () => void): void {
    this.idleWaiters.push(listener);
  }

  invoke(request: TaskRequest): Promise<JsonValue> | JsonValue {
    const mock = this.options.mocks.get(request.stateName);
    if (!mock) {
      if (this.options.strict) {
        const message = `state "${request.stateName}" (${request.action}) ran, but the case has strict mocks and none for it; add mocks: { ${request.stateName}: { output: ... } }`;
        this.problems.push(message);
        throw new TaskError(MockErrors.unmocked, message);
      }
      return this.runForReal(request);
    }
    const answer = this.nextAnswer(request.stateName, mock);
    if ('error' in answer) throw new TaskError(answer.error, answer.cause);
    if (request.taskToken !== undefined) {
      const token = request.taskToken;
      // The engine listens for the callback before invoking; answer once this call has returned.
      queueMicrotask(() => this.options.reportCallback(token, answer));
    }
    return answer.output;
  }

  private nextAnswer(state: string, mock: StateMock): MockAnswer {
    const scope = this.options.currentScope();
    let list: MockAnswers | undefined;
    let where = '';
    if (mock.kind === 'each') {
      list = mock;
    } else {
      const i = scope?.iteration;
      list = i === undefined ? undefined : mock.perIteration[i];
      where = i === undefined ? ' outside a Map iteration' : ` in Map iteration ${i}`;
      if (!list) {
        const message = `state "${state}" was called${where}, but its mock has answers for ${mock.perIteration.length} iteration(s) only`;
        this.problems.push(message);
        throw new TaskError(MockErrors.exhausted, message);
      }
    }
    const key = `${state}@${scope?.runKey ?? ''}`;
    const n = this.calls.get(key) ?? 0;
    this.calls.set(key, n + 1);
    if (list.repeat) return list.answers[0]!;
    const answer = list.answers[n];
    if (!answer) {
      const message = `state "${state}" was called ${n + 1} times${where}, but its mock lists ${list.answers.length} answer(s); add one per call (retries count)`;
      this.problems.push(message);
      throw new TaskError(MockErrors.exhausted, message);
    }
    return answer;
  }

  private async runForReal(request: TaskRequest): Promise<JsonValue> {
    this.inFlight++;
    try {
      return await this.options.fallback.invoke(request);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }
}
