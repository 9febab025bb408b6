// flowdeck lint [--format text|json] PATH...: checks flow files with the editor's language
// service. Exit status: 1 if any error (a file that could not be checked to the end is one), 2 on a
// usage error, 0 otherwise.
import { expandPaths } from '../lint/files';
import { lintFiles } from '../lint/lintFiles';
import { summarise, toJsonReport, toTextLines } from '../lint/report';

export interface LintIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const defaultIo = (): LintIo => ({
  cwd: process.cwd(),
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
});

const HELP = [
  'usage: flowdeck lint [--format text|json] [--mode Standard|Express] PATH...',
  '',
  'Checks CloudFlow FDL (current and legacy spec) and WhatsApp Flow JSON files.',
  'PATH may be a file, a folder (searched recursively for .yaml/.yml/.json files) or a glob',
  '("flows/**/*.yaml"; quote it so the shell leaves it alone).',
  '',
  '  --format text   file:line:col severity code message (default; 1-based positions)',
  '  --format json   one JSON array of { file, format, diagnostics } (0-based ranges)',
  '  --mode Express  apply the Express execution-mode limits (default Standard)',
  '',
  'The text report ends with a summary line. Exit status: 1 if any error was found (a file',
  'that could not be checked to the end, e.g. nested deeper than 100 levels, is one), 2 on a',
  'usage error, 0 otherwise.',
].join('\n');

interface ParsedArgs {
  format: 'text' | 'json';
  mode: 'Standard' | 'Express' | undefined;
  paths: string[];
  help: boolean;
}

function parseArgs(args: readonly string[]): ParsedArgs | string {
  const out: ParsedArgs = { format: 'text', mode: undefined, paths: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--help' || flag === '-h') {
      out.help = true;
    } else if (flag === '--format' || flag === '-f') {
      const v = inline ?? args[++i];
      if (v !== 'text' && v !== 'json') return `--format takes 'text' or 'json'${v === undefined ? '' : `, not '${v}'`}`;
      out.format = v;
    } else if (flag === '--mode') {
      const v = inline ?? args[++i];
      if (v !== 'Standard' && v !== 'Express') return `--mode takes 'Standard' or 'Express'${v === undefined ? '' : `, not '${v}'`}`;
      out.mode = v;
    } else if (flag === '--') {
      out.paths.push(...args.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') {
      return `unknown option '${flag}'`;
    } else {
      out.paths.push(a);
    }
  }
  return out;
}

export async function run(args: string[], io: LintIo = defaultIo()): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return fail(io, `lint: ${parsed}\n\n${HELP}`);
  if (parsed.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (parsed.paths.length === 0) return fail(io, `lint: give at least one file, folder or glob\n\n${HELP}`);
  const { files, unmatched } = expandPaths(parsed.paths, io.cwd);
  if (unmatched.length > 0) {
    return fail(io, `lint: ${unmatched.map((u) => `'${u}'`).join(', ')} matched no file; check the path (quote globs so the shell does not expand them)`);
  }
  const results = lintFiles(files, {
    cwd: io.cwd,
    settings: parsed.mode ? { executionMode: parsed.mode } : {},
    log: (m) => io.stderr(`flowdeck: internal error (please report): ${m}\n`),
  });
  const summary = summarise(results);
  if (parsed.format === 'json') {
    io.stdout(JSON.stringify(toJsonReport(results)) + '\n');
  } else {
    const checked = summary.files - summary.skipped;
    const total =
      `${checked} file${checked === 1 ? '' : 's'} checked, ${summary.skipped} skipped: ` +
      `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
    // One write of whole lines, the summary last on a line of its own: written to a second stream
    // it could land in the middle of the report when both go to one pipe or file.
    io.stdout([...toTextLines(results), total].join('\n') + '\n');
  }
  return summary.errors > 0 ? 1 : 0;
}

/** A usage error: the message on stderr, exit status 2. */
function fail(io: LintIo, message: string): number {
  io.stderr(`flowdeck: ${message}\n`);
  return 2;
}
