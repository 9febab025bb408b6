// Flow coverage in VS Code's test coverage API: each state is a statement (covered when it ran),
// and its Choice branches and Default, Catch clauses and Retry rules are its branches, all on
// their ranges in the flow file, so the editor's gutter shows what no test reached.
import * as vscode from 'vscode';
import type { CoverageTarget, FlowCoverage } from '../../../flowtest/src';

const range = (t: CoverageTarget): vscode.Range =>
  new vscode.Range(t.span.start.line, t.span.start.character, t.span.end.line, t.span.end.character);

/** The statement and branch details of one flow. */
export function coverageDetails(coverage: FlowCoverage): vscode.StatementCoverage[] {
  const hits = (t: CoverageTarget): number => coverage.hits.get(t.id) ?? 0;
  const byState = new Map<string, CoverageTarget[]>();
  for (const t of coverage.targets) {
    if (t.kind === 'state') continue;
    const key = `${t.scope}\u0000${t.state}`;
    byState.set(key, [...(byState.get(key) ?? []), t]);
  }
  return coverage.targets
    .filter((t) => t.kind === 'state')
    .map((state) => {
      const branches = (byState.get(`${state.scope}\u0000${state.state}`) ?? []).map(
        (b) => new vscode.BranchCoverage(hits(b), range(b), b.label),
      );
      return new vscode.StatementCoverage(hits(state), range(state), branches);
    });
}

/** Adds each flow's coverage to the run; returns the details by file for loadDetailedCoverage. */
export function addCoverage(run: vscode.TestRun, coverages: readonly FlowCoverage[]): Map<string, vscode.StatementCoverage[]> {
  const details = new Map<string, vscode.StatementCoverage[]>();
  for (const c of coverages) {
    const uri = vscode.Uri.file(c.flow.path);
    const d = coverageDetails(c);
    details.set(uri.toString(), d);
    run.addCoverage(vscode.FileCoverage.fromDetails(uri, d));
  }
  return details;
}
