// flowdeck test [PATH...]: finds flow test files (`*.flowtest.yaml`), runs their cases in parallel
// on the in-process engine and reports. Exit status: 0 all passed, 1 a case failed, 2 a broken
// test file (printed with its position) or a usage error.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  findTestFiles, jsonReport, junitReport, MissingPathError, runTests, textReport, type TestRunReport,
} from '../../../flowtest/src';
import { defineCommand } from '../command/define';
import { UsageError } from '../command/usageError';

export default defineCommand({
  summary: 'run flow tests (*.flowtest.yaml)',
  operands: ['[PATH...]'],
  description: [
    'Runs the flow tests in the given files or folders (default: the current folder): every',
    '*.flowtest.yaml found, each case on the local engine, in parallel; Wait states and retry',
    'intervals take no real time unless a case asks for `clock: real`.',
  ].join('\n'),
  options: {
    reporter: {
      type: 'string',
      choices: ['text', 'json', 'junit'],
      help: 'text (default), json (one line: passed, failed, cases, coverage) or junit (XML)',
    },
    coverage: { type: 'boolean', help: 'text reporter: list state and branch coverage per flow, and what no case reached' },
    output: { type: 'string', short: 'o', value: 'FILE', help: 'write the report to FILE instead of standard output' },
  },
  notes: 'Exit status: 0 if every case passed, 1 if any failed, 2 for a broken test file or a usage error.',
  async run({ options, operands }, io) {
    let files: string[];
    try {
      files = findTestFiles([...operands], io.cwd);
    } catch (e) {
      if (e instanceof MissingPathError) throw new UsageError(e.message);
      throw e;
    }
    if (files.length === 0) throw new UsageError(`no *.flowtest.yaml files in ${operands.join(', ') || '.'}`);
    const report = await runTests({ files });
    for (const b of report.broken) {
      io.stderr(`${relative(io.cwd, b.path) || b.path}:${b.position.line + 1}:${b.position.character + 1}: error: ${b.problem}\n`);
    }
    const text = render(report, options.reporter ?? 'text', options.coverage ?? false, io.cwd);
    if (options.output !== undefined) writeFileSync(resolve(io.cwd, options.output), text);
    else io.stdout(text);
    if (report.broken.length > 0) return 2;
    return report.failed > 0 ? 1 : 0;
  },
});

function render(report: TestRunReport, reporter: 'text' | 'json' | 'junit', coverage: boolean, cwd: string): string {
  if (reporter === 'json') return jsonReport(report, cwd);
  if (reporter === 'junit') return junitReport(report, cwd);
  return textReport(report, cwd, coverage);
}
