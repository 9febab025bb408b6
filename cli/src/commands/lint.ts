// flowdeck lint PATH...: checks flow files with the editor's language service. Exit status: 1 if
// any error (a file that could not be checked to the end is one), 2 on a usage error, 0 otherwise.
import { expandPaths } from '../lint/files';
import { lintFiles } from '../lint/lintFiles';
import { summarise, toJsonReport, toTextLines } from '../lint/report';
import { defineCommand } from '../command/define';
import { UsageError } from '../command/usageError';

export default defineCommand({
  summary: 'check flow files (files, folders, globs)',
  operands: ['PATH...'],
  description: [
    'Checks CloudFlow FDL (current and legacy spec) and WhatsApp Flow JSON files.',
    'PATH may be a file, a folder (searched recursively for .yaml/.yml/.json files) or a glob',
    '("flows/**/*.yaml"; quote it so the shell leaves it alone).',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      short: 'f',
      choices: ['text', 'json'],
      help: 'text: file:line:col severity code message (default; 1-based positions)\njson: one JSON array of { file, format, diagnostics } (0-based ranges)',
    },
    mode: { type: 'string', choices: ['Standard', 'Express'], help: 'Express applies the Express execution-mode limits (default Standard)' },
  },
  notes: [
    'The text report ends with a summary line. Exit status: 1 if any error was found (a file',
    'that could not be checked to the end, e.g. nested deeper than 100 levels, is one), 2 on a',
    'usage error, 0 otherwise.',
  ].join('\n'),
  async run({ options, operands }, io) {
    const { files, unmatched } = expandPaths(operands, io.cwd);
    if (unmatched.length > 0) {
      throw new UsageError(`${unmatched.map((u) => `'${u}'`).join(', ')} matched no file; check the path (quote globs so the shell does not expand them)`);
    }
    const results = lintFiles(files, {
      cwd: io.cwd,
      settings: options.mode ? { executionMode: options.mode } : {},
      log: (m) => io.stderr(`flowdeck: internal error (please report): ${m}\n`),
    });
    const summary = summarise(results);
    if (options.format === 'json') {
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
  },
});
