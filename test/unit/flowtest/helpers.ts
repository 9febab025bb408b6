// Writes a flow and a test file into a fresh folder and runs them, for the runner's tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runTests, type TestRunReport } from '../../../flowtest/src';
import type { JsonValue, TaskEnvironment } from '../../../emulator/src/engine';

const made: string[] = [];

export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-flowtest-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A task environment that answers every unmocked task from `answer` and counts the calls. */
export function realTasks(answer: (state: string, parameters: JsonValue) => JsonValue = () => ({ real: true })): TaskEnvironment & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    invoke(request) {
      calls.push(request.stateName);
      return answer(request.stateName, request.parameters);
    },
  };
}

export async function runIn(dir: string, tasks = realTasks()): Promise<TestRunReport> {
  return runTests({ files: [join(dir, 't.flowtest.yaml')], tasksFor: () => tasks });
}

export const TASK_FLOW = `Type: StateMachine
SpecVersion: v1
Name: charge
StartAt: Charge
States:
  - Type: Task
    Name: Charge
    Action: FC:InvokeFunction
    TaskMode: RequestComplete
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:1:functions/charge/LATEST
      body: {}
    Retry:
      - Errors: [Busy]
        MaxAttempts: 2
        IntervalSeconds: 30
    Catch:
      - Errors: [Declined]
        Next: Declined
    End: true
  - Type: Fail
    Name: Declined
    Code: PaymentDeclined
    Detail: declined
`;

export const MAP_FLOW = `Type: StateMachine
SpecVersion: v1
Name: lines
StartAt: Lines
States:
  - Type: Map
    Name: Lines
    ItemsPath: $Input.items
    Processor:
      StartAt: Price
      States:
        - Type: Task
          Name: Price
          Action: FC:InvokeFunction
          TaskMode: RequestComplete
          Parameters:
            resourceArn: acs:fc:cn-hangzhou:1:functions/price/LATEST
            body: {}
          Retry:
            - Errors: [Busy]
              MaxAttempts: 1
              IntervalSeconds: 5
          End: true
    End: true
`;

export function removeWorkspaces(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
