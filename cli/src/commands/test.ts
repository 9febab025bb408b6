// flowdeck test [PATH...] [--reporter text|json|junit] [--coverage] [--output FILE]: finds flow
// test files (`*.flowtest.yaml`), runs their cases in parallel on the in-process engine and
// reports. Exit status: 0 all passed, 1 a case failed, 2 a broken test file (printed with its
// position) or a usage error.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  findTestFiles, jsonReport, junitReport, MissingPathError, runTests, textReport, type TestRunReport,
} from '../../../flowtest/src';

export interface TestIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

type Reporter = 'text' | 'json' | 'junit';

const HELP = [
  'usage: flowdeck test [PATH...] [--reporter text|json|junit] [--coverage] [--output FILE]',
  '',
  'Runs the flow tests in the given files or folders (default: the current folder): every',
  '*.flowtest.yaml found, each case on the local engine, in parallel; Wait states and retry',
  'intervals take no real time unless a case asks for `clock: real`.',
  '',
  '  --reporter R   text (default), json (one line: passed, failed, cases, coverage) or junit (XML)',
  '  --coverage     text reporter: list state and branch coverage per flow, and what no case reached',
  '  --output FILE  write the report to FILE instead of standard output',
  '',
  'Exit status: 0 if every case passed, 1 if any failed, 2 for a broken test file or a usage error.',
].join('\n');

interface TestArgs {
  paths: string[];
  reporter: Reporter;
  coverage: boolean;
  output: string | undefined;
}

function parseArgs(args: readonly string[]): TestArgs | 'help' | string {
  const out: TestArgs = { paths: [], reporter: 'text', coverage: false, output: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--reporter') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'junit') return `--reporter takes text, json or junit${v === undefined ? '' : `, not '${v}'`}`;
      out.reporter = v;
    } else if (flag === '--coverage') {
      out.coverage = true;
    } else if (flag === '--output' || flag === '-o') {
      const v = value();
      if (!v) return '--output needs a file name';
      out.output = v;
    } else if (flag.startsWith('-') && flag !== '-') {
      return `unknown option '${flag}'`;
    } else {
      out.paths.push(a);
    }
  }
  return out;
}

function render(report: TestRunReport, args: TestArgs, cwd: string): string {
  if (args.reporter === 'json') return jsonReport(report, cwd);
  if (args.reporter === 'junit') return junitReport(report, cwd);
  return textReport(report, cwd, args.coverage);
}

export async function testCommand(args: readonly string[], io: TestIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`flowdeck test: ${parsed}\n\n${HELP}\n`);
    return 2;
  }
  let files: string[];
  try {
    files = findTestFiles(parsed.paths, io.cwd);
  } catch (e) {
    if (e instanceof MissingPathError) {
      io.stderr(`flowdeck test: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (files.length === 0) {
    io.stderr(`flowdeck test: no *.flowtest.yaml files in ${parsed.paths.join(', ') || '.'}\n`);
    return 2;
  }
  const report = await runTests({ files });
  for (const b of report.broken) {
    io.stderr(`${relative(io.cwd, b.path) || b.path}:${b.position.line + 1}:${b.position.character + 1}: error: ${b.problem}\n`);
  }
  const text = render(report, parsed, io.cwd);
  if (parsed.output !== undefined) writeFileSync(resolve(io.cwd, parsed.output), text);
  else io.stdout(text);
  if (report.broken.length > 0) return 2;
  return report.failed > 0 ? 1 : 0;
}

export function run(args: string[]): Promise<number> {
  return testCommand(args, {
    cwd: process.cwd(),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
  });
}
