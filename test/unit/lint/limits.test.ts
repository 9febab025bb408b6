// Limits instead of stack overflows: a document nested deeper than the parsers follow, a Condition
// of thousands of terms, and a check that fails inside all end in an error diagnostic with its own
// code, so `flowdeck lint` exits 1 and the emulator refuses the definition.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { flowdeck } from '../cli/flowdeck';
import { DiagnosticCodes } from '../../../server/src/diagnostics/codes';
import { MAX_EXPRESSION_TOKENS } from '../../../server/src/fdl/expressions/parser';
import { MAX_NESTING_DEPTH } from '../../../server/src/parse/tree';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fdlService } from '../../../server/src/fdl/service';
import { startTestEmulator } from '../emulator/support';

/** A flow whose Map processors nest `levels` deep, as JSON (the 500 Maps are ~40 KB). */
function nestedMaps(levels: number): string {
  let inner: unknown = { StartAt: 'P', States: [{ Type: 'Pass', Name: 'P', End: true }] };
  for (let i = levels - 1; i >= 0; i--) inner = { StartAt: `M${i}`, States: [{ Type: 'Map', Name: `M${i}`, ItemsPath: '$Input.items', End: true, Processor: inner }] };
  return JSON.stringify({ Type: 'StateMachine', SpecVersion: 'v1', Name: 'deep', ...(inner as object) });
}

function longCondition(terms: number): string {
  return `Type: StateMachine
SpecVersion: v1
Name: cond
StartAt: C
States:
  - Type: Choice
    Name: C
    Branches:
      - Condition: ${Array.from({ length: terms }, () => '$Input.a == 1').join(' && ')}
        Next: D
    Default: D
  - Type: Succeed
    Name: D
`;
}

async function lint(files: Record<string, string>, format: 'text' | 'json' = 'text'): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-limits-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return await flowdeck(['lint', '--format', format, ...Object.keys(files)], { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('limits of the language service', () => {
  test('500 nested Maps (JSON) and a 500-level YAML document: nesting-too-deep, exit 1', async () => {
    let yaml = 'Type: StateMachine\nSpecVersion: v1\nName: deep\nStartAt: M0\nStates:\n';
    let indent = '  ';
    for (let i = 0; i < 500; i++) {
      yaml += `${indent}- Type: Map\n${indent}  Name: M${i}\n${indent}  End: true\n${indent}  Processor:\n${indent}    StartAt: M${i + 1}\n${indent}    States:\n`;
      indent += '      ';
    }
    const r = await lint({ 'maps.json': nestedMaps(500), 'maps.yaml': yaml }, 'json');
    assert.equal(r.code, 1);
    const reports = JSON.parse(r.out) as { file: string; diagnostics: { code: string; severity: string; message: string }[] }[];
    for (const report of reports) {
      assert.equal(report.diagnostics[0]?.code, DiagnosticCodes.nestingTooDeep, report.file);
      assert.equal(report.diagnostics[0]?.severity, 'error');
      assert.match(report.diagnostics[0]?.message ?? '', new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
    }
    assert.equal(r.err, '', 'no internal error');
  });

  test('a flow nested within the limit is still checked normally', async () => {
    const r = await lint({ 'ok.json': nestedMaps(10) });
    assert.equal(r.code, 0, r.out);
  });

  test('a Condition of 6,000 terms: expression-too-large, exit 1, no internal error', async () => {
    const r = await lint({ 'cond.yaml': longCondition(6000) });
    assert.equal(r.code, 1);
    assert.match(r.out, /cond\.yaml:9:\d+ error expression-too-large this Condition has 35999 tokens/);
    assert.equal(r.err, '');
    const fine = await lint({ 'cond.yaml': longCondition(Math.floor(MAX_EXPRESSION_TOKENS / 6)) });
    assert.equal(fine.code, 0, fine.out);
  });

  test('a check that fails inside is an error diagnostic (validation-incomplete), never an empty list', () => {
    const logged: string[] = [];
    const service = createLanguageService({
      logger: (_l, m) => logged.push(m),
      services: { fdl: { ...fdlService, validate: () => { throw new RangeError('Maximum call stack size exceeded'); } } },
    });
    const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, longCondition(1));
    const diagnostics = service.validate(doc);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, DiagnosticCodes.validationIncomplete);
    assert.match(diagnostics[0]?.message ?? '', /could not finish checking/);
    assert.equal(logged.length, 1, 'and the failure is still logged');
  });

  test('the summary ends the text report on a line of its own', async () => {
    const r = await lint({ 'a.yaml': 'services:\n  web: {}\n', 'b.yaml': longCondition(2) });
    assert.match(r.out, /a\.yaml: skipped \(not a CloudFlow FDL or WhatsApp Flow JSON document\)\n1 file checked, 1 skipped: 0 errors, 0 warnings\n$/);
  });

  test('CreateFlow refuses both definitions with the diagnostic, and a 5,000-level Input is refused before it starts', async () => {
    const f = await startTestEmulator();
    try {
      const deep = await f.client.call('CreateFlow', { Name: 'deep', Definition: nestedMaps(500), Description: '', Type: 'FDL' });
      assert.equal(deep.status, 400);
      assert.match(String(deep.body['Message']), /levels deep/);
      const cond = await f.client.call('CreateFlow', { Name: 'cond', Definition: longCondition(6000), Description: '', Type: 'FDL' });
      assert.equal(cond.status, 400);
      assert.match(String(cond.body['Message']), /tokens/);
      await f.client.ok('CreateFlow', { Name: 'ok', Definition: longCondition(1), Description: '', Type: 'FDL' });
      const input = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const start = await f.client.call('StartExecution', { FlowName: 'ok', ExecutionName: 'deep', Input: input });
      assert.equal(start.status, 400);
      assert.equal(start.body['Code'], 'InvalidArgument');
      assert.match(String(start.body['Message']), /nests more than 1000 levels/);
      assert.equal((await f.client.call('DescribeExecution', { FlowName: 'ok', ExecutionName: 'deep' })).body['Code'], 'ExecutionNotExists');
    } finally {
      await f.close();
    }
  });
});
