// What one test case runs in, apart from the engine: its mocks as the task environment (counted
// per Map iteration, strict or falling back to the workspace's handlers, callbacks answered), its
// virtual clock unless it asks for real time, and the record of the run its expectations are
// checked against. The runner and the debugger's "debug this case" both build it here, so a case
// behaves the same under both.
import type { HistoryEvent, RunHandle, RunResult, TaskEnvironment } from '../../emulator/src/engine';
import { checkExpectations, type CaseFailure } from './expectations';
import { MockTasks } from './mockTasks';
import type { TestCase } from './model';
import { ScopeTracker, type EventScope } from './scopes';
import { VirtualClock } from './virtualClock';

/** Where the virtual clock starts: a fixed instant, so event times are the same on every run. */
const VIRTUAL_EPOCH = Date.UTC(2024, 0, 1);

export class CaseEnvironment {
  /** The case's mocks, else `fallback`: pass as `startRun`'s `tasks`. */
  readonly tasks: MockTasks;
  /** The case's virtual clock (none for `clock: real`): pass as `startRun`'s `clock`. */
  readonly clock: VirtualClock | undefined;
  /** The run's history events so far. */
  readonly events: HistoryEvent[] = [];
  private readonly scopes = new ScopeTracker();
  private lastTaskScope: EventScope | undefined;
  private handle: RunHandle | undefined;
  private readonly runProblems: string[] = [];

  constructor(
    readonly testCase: TestCase,
    fallback: TaskEnvironment,
  ) {
    this.tasks = new MockTasks({
      mocks: testCase.mocks,
      strict: testCase.strict,
      fallback,
      currentScope: () => this.lastTaskScope,
      reportCallback: (token, answer) => {
        if ('error' in answer) this.handle?.reportTaskFailed(token, answer.error, answer.cause);
        else this.handle?.reportTaskSucceeded(token, answer.output);
      },
    });
    this.clock =
      testCase.clock === 'virtual'
        ? new VirtualClock({
            start: VIRTUAL_EPOCH,
            activity: () => this.events.length,
            busy: () => this.tasks.busy,
            whenIdle: (listener) => this.tasks.onIdle(listener),
            onStuck: () =>
              this.stop('the execution waits for something that never comes (a task callback no mock answers?) and has no timer left'),
          })
        : undefined;
  }

  /** Feed every history event of the run here (`startRun`'s `onEvent`). */
  observe(event: HistoryEvent): void {
    this.events.push(event);
    const scope = this.scopes.observe(event);
    // The engine invokes the task right after TaskStarted, synchronously: this is its scope.
    if (event.Type === 'TaskStarted') this.lastTaskScope = scope;
  }

  /** Hands over the started run: callbacks and stops reach it, the virtual clock starts. */
  attach(handle: RunHandle): void {
    this.handle = handle;
    this.clock?.start();
  }

  /** Stops the run for a reason that fails the case. */
  stop(why: string): void {
    this.runProblems.push(why);
    this.handle?.stop('FlowTest.Stopped', why);
  }

  /** The run has ended: no more timers. */
  dispose(): void {
    this.clock?.dispose();
  }

  /** The states that ran, in the order they were entered. */
  get statesRun(): string[] {
    return this.events.filter((e) => e.Type === 'StepEntered').map((e) => e.StepName);
  }

  /** The case's expectations against the run's end; empty when the case passed. */
  check(result: RunResult): CaseFailure[] {
    return checkExpectations(this.testCase, result, this.statesRun, { run: this.runProblems, mocks: this.tasks.problems });
  }
}
