// The three ways `flowdeck test` reports: text for people, one JSON line for tools, JUnit XML for
// CI servers. Paths are shown relative to `cwd`. Broken test files are not cases: the CLI prints
// them (with their position) on stderr whatever the reporter.
import { relative } from 'node:path';
import type { CoverageCount } from './coverage';
import type { CaseReport, TestRunReport } from './runTests';

const rel = (cwd: string, path: string): string => relative(cwd, path).replace(/\\/g, '/') || path;
const percent = (c: CoverageCount): string => (c.total === 0 ? '100%' : `${Math.floor((c.covered / c.total) * 1000) / 10}%`);
const indent = (text: string, pad: string): string => text.split('\n').map((l) => pad + l).join('\n');

export function textReport(report: TestRunReport, cwd: string, withCoverage: boolean): string {
  const out: string[] = [];
  for (const c of report.cases) {
    const ms = c.outcome ? ` (${c.outcome.durationMs} ms)` : '';
    out.push(`${c.passed ? 'PASS' : 'FAIL'} ${rel(cwd, c.file)} > ${c.testCase.name}${ms}`);
    if (!c.passed) {
      for (const f of c.failures) out.push(indent(f.message, '       '));
      if (c.outcome) out.push(`       states that ran: ${c.outcome.statesRun.join(', ') || '(none)'}`);
    }
  }
  for (const b of report.broken) out.push(`BROKEN ${rel(cwd, b.path)}:${b.position.line + 1}:${b.position.character + 1}: ${b.problem}`);
  if (withCoverage) {
    out.push('', 'coverage');
    for (const fc of report.coverage) {
      const states = fc.targets.filter((t) => t.kind === 'state');
      const branches = fc.targets.filter((t) => t.kind !== 'state');
      const count = (ts: typeof states): CoverageCount => ({ covered: ts.filter((t) => (fc.hits.get(t.id) ?? 0) > 0).length, total: ts.length });
      const s = count(states);
      const b = count(branches);
      out.push(`  ${rel(cwd, fc.flow.path)}: states ${s.covered}/${s.total} (${percent(s)}), branches ${b.covered}/${b.total} (${percent(b)})`);
      for (const t of fc.targets) {
        if ((fc.hits.get(t.id) ?? 0) > 0) continue;
        out.push(`    not reached: ${t.label} (line ${t.span.start.line + 1})`);
      }
    }
    const { states, branches } = report.summary;
    out.push(`  total: states ${states.covered}/${states.total} (${percent(states)}), branches ${branches.covered}/${branches.total} (${percent(branches)})`);
  }
  out.push(`${report.passed} passed, ${report.failed + report.broken.length} failed`);
  return out.join('\n') + '\n';
}

interface JsonCase {
  file: string;
  name: string;
  status: 'passed' | 'failed';
  message?: string;
}

export function jsonReport(report: TestRunReport, cwd: string): string {
  const cases = report.cases.map((c): JsonCase => ({
    file: rel(cwd, c.file),
    name: c.testCase.name,
    status: c.passed ? 'passed' : 'failed',
    ...(c.passed ? {} : { message: c.failures.map((f) => f.message).join('\n') }),
  }));
  return JSON.stringify({ passed: report.passed, failed: report.failed, cases, coverage: report.summary }) + '\n';
}

const xml = (s: string): string =>
  // Characters XML 1.0 cannot hold at all are dropped; the rest escaped.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function junitCase(c: CaseReport, className: string): string {
  const time = seconds(c.outcome?.durationMs ?? 0);
  const open = `    <testcase classname="${xml(className)}" name="${xml(c.testCase.name)}" time="${time}"`;
  if (c.passed) return `${open}/>`;
  const first = c.failures[0];
  const body = c.failures.map((f) => f.message).join('\n\n');
  return `${open}>\n      <failure type="${xml(first?.expectation ?? 'run')}" message="${xml((first?.message ?? '').split('\n')[0] ?? '')}">${xml(body)}</failure>\n    </testcase>`;
}

export function junitReport(report: TestRunReport, cwd: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.cases.length + report.broken.length;
  const time = seconds(report.cases.reduce((s, c) => s + (c.outcome?.durationMs ?? 0), 0));
  lines.push(`<testsuites name="flowdeck test" tests="${total}" failures="${report.failed}" errors="${report.broken.length}" time="${time}">`);
  const byFile = new Map<string, CaseReport[]>();
  for (const c of report.cases) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  for (const [file, cases] of byFile) {
    const name = rel(cwd, file);
    const failures = cases.filter((c) => !c.passed).length;
    const t = seconds(cases.reduce((s, c) => s + (c.outcome?.durationMs ?? 0), 0));
    lines.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" time="${t}">`);
    for (const c of cases) lines.push(junitCase(c, name.replace(/\.flowtest\.(?:ya?ml|json)$/i, '')));
    lines.push('  </testsuite>');
  }
  for (const b of report.broken) {
    const name = rel(cwd, b.path);
    const where = `${name}:${b.position.line + 1}:${b.position.character + 1}`;
    lines.push(`  <testsuite name="${xml(name)}" tests="1" failures="0" errors="1" time="0.000">`);
    lines.push(`    <testcase classname="${xml(name)}" name="(test file)" time="0.000">`);
    lines.push(`      <error type="broken-test-file" message="${xml(`${where}: ${b.problem}`)}">${xml(`${where}: ${b.problem}`)}</error>`);
    lines.push('    </testcase>', '  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
