// Runs test files: reads and checks each (a broken one is reported with its position and its
// cases are not run), loads each flow once, runs every case in parallel on the in-process engine,
// and gathers results and coverage per flow.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HistoryEvent, TaskEnvironment } from '../../emulator/src/engine';
import { CONFIG_FILE, createWorkspaceTasks } from '../../emulator/src/tasks';
import { coverageOf, recordRun, summarize, type CoverageSummary, type FlowCoverage } from './coverage';
import { loadFlow, type LoadedFlow } from './flow';
import { TestFileError, type TestCase, type TestFile } from './model';
import { runCase, type CaseFailure, type CaseOutcome } from './runCase';
import { readTestFile } from './testFile';

export interface CaseReport {
  readonly file: string;
  readonly flowPath: string;
  readonly testCase: TestCase;
  readonly passed: boolean;
  readonly failures: readonly CaseFailure[];
  /** Absent when the flow could not be loaded (the failure says why). */
  readonly outcome?: CaseOutcome;
}

export interface TestRunReport {
  readonly files: readonly TestFile[];
  readonly broken: readonly TestFileError[];
  readonly cases: readonly CaseReport[];
  readonly coverage: readonly FlowCoverage[];
  readonly summary: CoverageSummary;
  readonly passed: number;
  readonly failed: number;
}

export interface RunTestsOptions {
  /** Absolute paths of test files. */
  readonly files: readonly string[];
  /** Runs only the cases it accepts (default: all). */
  readonly filter?: (file: string, testCase: TestCase) => boolean;
  /** Cases run at once (default 8). */
  readonly concurrency?: number;
  /** Serves unmocked tasks for a flow (default: its workspace's `.flowdeck/emulator.json`). */
  readonly tasksFor?: (flowPath: string) => TaskEnvironment;
  readonly onCaseStart?: (file: string, testCase: TestCase) => void;
  readonly onCaseEnd?: (report: CaseReport) => void;
  readonly onEvent?: (file: string, testCase: TestCase, event: HistoryEvent) => void;
  /** Aborted: cases not yet started are skipped. */
  readonly signal?: AbortSignal;
}

/** The nearest folder at or above the flow's holding the emulator configuration. */
export function workspaceOf(flowPath: string): string | undefined {
  for (let d = dirname(flowPath); ; d = dirname(d)) {
    if (existsSync(join(d, CONFIG_FILE))) return d;
    if (dirname(d) === d) return undefined;
  }
}

function defaultTasks(flowPath: string): TaskEnvironment {
  const workspaceDir = workspaceOf(flowPath);
  return createWorkspaceTasks(workspaceDir !== undefined ? { workspaceDir } : {});
}

export async function runTests(options: RunTestsOptions): Promise<TestRunReport> {
  const files: TestFile[] = [];
  const broken: TestFileError[] = [];
  for (const path of options.files) {
    try {
      files.push(readTestFile(path));
    } catch (e) {
      if (!(e instanceof TestFileError)) throw e;
      broken.push(e);
    }
  }
  const flows = new Map<string, LoadedFlow>();
  const coverage = new Map<string, FlowCoverage>();
  const tasks = new Map<string, TaskEnvironment>();
  const jobs: { file: TestFile; testCase: TestCase }[] = [];
  for (const file of files) {
    if (!flows.has(file.flowPath)) {
      const loaded = loadFlow(file.flowPath);
      flows.set(file.flowPath, loaded);
      if (loaded.ok) coverage.set(file.flowPath, coverageOf(loaded.flow));
    }
    for (const testCase of file.cases) if (!options.filter || options.filter(file.path, testCase)) jobs.push({ file, testCase });
  }
  const reports: CaseReport[] = new Array<CaseReport>(jobs.length);
  const runJob = async (i: number): Promise<void> => {
    const { file, testCase } = jobs[i]!;
    options.onCaseStart?.(file.path, testCase);
    const loaded = flows.get(file.flowPath)!;
    let report: CaseReport;
    if (!loaded.ok) {
      report = { file: file.path, flowPath: file.flowPath, testCase, passed: false, failures: [{ expectation: 'run', message: loaded.message }] };
    } else {
      let env = tasks.get(file.flowPath);
      if (!env) {
        env = (options.tasksFor ?? defaultTasks)(file.flowPath);
        tasks.set(file.flowPath, env);
      }
      const outcome = await runCase(loaded.flow, testCase, {
        tasks: env,
        ...(options.onEvent ? { onEvent: (e: HistoryEvent) => options.onEvent!(file.path, testCase, e) } : {}),
      });
      recordRun(coverage.get(file.flowPath)!, outcome.events);
      report = { file: file.path, flowPath: file.flowPath, testCase, passed: outcome.passed, failures: outcome.failures, outcome };
    }
    reports[i] = report;
    options.onCaseEnd?.(report);
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length && !options.signal?.aborted) await runJob(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, jobs.length)) }, worker));
  const cases = reports.filter((r): r is CaseReport => r !== undefined);
  const passed = cases.filter((c) => c.passed).length;
  return {
    files,
    broken,
    cases,
    coverage: [...coverage.values()],
    summary: summarize(coverage.values()),
    passed,
    failed: cases.length - passed,
  };
}
