// Running cases from the Testing view: the same runner as `flowdeck test` (in the extension
// host, on the in-process engine), each result on its item, a failure shown at the case with its
// diff (expected vs actual output), and, for the coverage profile, the flows' state and branch
// coverage.
import * as vscode from 'vscode';
import { runTests, type CaseReport, type TestRunReport } from '../../../flowtest/src';
import { addCoverage } from './coverage';
import type { TestItems } from './items';

export interface RunResult {
  readonly report: TestRunReport;
  /** Statement details by flow file URI (coverage runs only). */
  readonly coverage: Map<string, vscode.StatementCoverage[]>;
}

function messagesOf(report: CaseReport, item: vscode.TestItem): vscode.TestMessage[] {
  return report.failures.map((f) => {
    const message =
      f.expectation === 'output' && f.expected !== undefined && f.actual !== undefined
        ? vscode.TestMessage.diff(f.message.split('\n')[0] ?? f.message, f.expected, f.actual)
        : new vscode.TestMessage(f.message);
    if (item.uri && item.range) message.location = new vscode.Location(item.uri, item.range);
    return message;
  });
}

/** Runs the cases of `request` in `run`; ends the run. */
export async function runCases(
  request: vscode.TestRunRequest,
  run: vscode.TestRun,
  items: TestItems,
  token: vscode.CancellationToken,
  options: { coverage: boolean; note?: string },
): Promise<RunResult> {
  const cases = items.casesOf(request.include ?? items.all(), request.exclude ?? []);
  const byKey = new Map<string, vscode.TestItem>();
  for (const item of cases) {
    const d = items.data.get(item);
    if (d?.kind === 'case') byKey.set(`${d.path}\u0000${d.testCase.name}`, item);
    run.enqueued(item);
  }
  if (options.note) run.appendOutput(`${options.note}\r\n`);
  const abort = new AbortController();
  const cancel = token.onCancellationRequested(() => abort.abort());
  const files = [...new Set(cases.map((c) => (items.data.get(c) as { path: string }).path))];
  try {
    const report = await runTests({
      files,
      signal: abort.signal,
      filter: (file, testCase) => byKey.has(`${file}\u0000${testCase.name}`),
      onCaseStart: (file, testCase) => {
        const item = byKey.get(`${file}\u0000${testCase.name}`);
        if (item) run.started(item);
      },
      onCaseEnd: (r) => {
        const item = byKey.get(`${r.file}\u0000${r.testCase.name}`);
        if (!item) return;
        const ms = r.outcome?.durationMs;
        const line = `${r.passed ? '✓' : '✗'} ${r.testCase.name}${r.outcome ? ` (${r.outcome.result.status}, ${r.outcome.statesRun.join(' → ')})` : ''}`;
        run.appendOutput(`${line}\r\n`, undefined, item);
        if (r.passed) run.passed(item, ms);
        else run.failed(item, messagesOf(r, item), ms);
      },
    });
    for (const b of report.broken) {
      const file = items.all().find((i) => i.uri?.fsPath === b.path);
      if (file) run.errored(file, new vscode.TestMessage(`${b.position.line + 1}:${b.position.character + 1}: ${b.problem}`));
    }
    // cases a cancelled run never started
    for (const item of cases) {
      const d = items.data.get(item);
      if (d?.kind === 'case' && !report.cases.some((c) => c.file === d.path && c.testCase.name === d.testCase.name)) run.skipped(item);
    }
    const coverage = options.coverage ? addCoverage(run, report.coverage) : new Map<string, vscode.StatementCoverage[]>();
    return { report, coverage };
  } finally {
    cancel.dispose();
    run.end();
  }
}
