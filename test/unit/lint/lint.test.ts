import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { flowdeck } from '../cli/flowdeck';
import { CORPORA, VENDORED_CORPUS, knownInvalid } from '../corpus';
import { scratchDir } from '../scratchDir';

interface JsonReport {
  file: string;
  format: 'fdl' | 'fdl-legacy' | 'whatsapp-flow' | null;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    code: string;
    message: string;
  }[];
}

const lint = (args: string[], cwd = process.cwd()) => flowdeck(['lint', ...args], { cwd });

async function lintJson(args: string[], cwd?: string): Promise<{ code: number; reports: JsonReport[] }> {
  const r = await lint(['--format', 'json', ...args], cwd);
  return { code: r.code, reports: JSON.parse(r.out) as JsonReport[] };
}

const FIXTURES = join(import.meta.dirname, '../../fixtures/fdl');

/** 1-based lines where each known-broken corpus flow goes wrong (from SOURCES.md's notes). */
const OFFENDING_LINES: Record<string, number[]> = {
  'fdl-statemachine/doc-choice-tc-2024-no-space.yaml': [9, 10], // `Condition:$Input...` is not a key; js-yaml notices on the next line
  'fdl-statemachine/doc-fail-ja-slash-comment.yaml': [10], // `// comment` inside the Condition
  'fdl-statemachine/doc-integration-requestcomplete.yaml': [4], // StartAt names no state
  'fdl-statemachine/doc-integration-waitforsystemcallback.yaml': [4],
  'fdl-statemachine/doc-wait-ja-slash-comments.yaml': [6, 7, 8, 9], // `// comments` become part of the values
  'fdl-legacy/doc-mns-topic-request-response-broken-indent.yaml': [5],
  'fdl-legacy/fnfig-jinja-template.yaml': [3, 27, 28], // Jinja `{{ }}` / `{% %}`
  'fdl-legacy/pulumi-fnf-execution-wait-mangled.yaml': [6], // `duration: .wait`
  // the vendored corpus's own versions of the documentation's mistakes
  'fdl-statemachine/flowdeck-invalid-condition-no-space.yaml': [9, 10],
  'fdl-statemachine/flowdeck-invalid-slash-comments.yaml': [6, 8],
  'fdl-statemachine/flowdeck-invalid-dangling-startat.yaml': [4],
};

for (const corpus of CORPORA)
  describe(`flowdeck lint over the ${corpus.name} corpus`, () => {
    const CORPUS_DIR = corpus.dir;
    const broken = knownInvalid(corpus);

    test('the table of offending lines covers every flow SOURCES.md marks broken', () => {
      assert.deepEqual(
        [...broken].filter((rel) => !(rel in OFFENDING_LINES)),
        [],
      );
      assert.ok(broken.size >= 3);
    });

    test('every corpus flow not marked broken has no error, in every corpus folder and format', async () => {
      const { reports } = await lintJson([CORPUS_DIR]);
      const folders = readdirSync(CORPUS_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
      assert.ok(folders.length >= 3);
      let checked = 0;
      for (const r of reports) {
        const rel = relative(CORPUS_DIR, resolve(process.cwd(), r.file)).split('\\').join('/');
        if (broken.has(rel)) continue;
        assert.notEqual(r.format, null, `${rel} was not recognised`);
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], `${rel} should lint without errors`);
        checked++;
      }
      assert.ok(checked >= 50, `only ${checked} flows checked`);
    });

    test('every known-broken corpus flow gives an error on an offending line', async () => {
      for (const rel of broken) {
        const lines = OFFENDING_LINES[rel]!;
        const { code, reports } = await lintJson([join(CORPUS_DIR, rel)]);
        assert.equal(code, 1, rel);
        const errorLines = reports[0]!.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.range.start.line + 1);
        assert.ok(
          errorLines.some((l) => lines.includes(l)),
          `${rel}: errors on lines ${errorLines.join(', ')}, expected one on ${lines.join(' or ')}`,
        );
      }
    });
  });

describe('flowdeck lint over the fixtures', () => {
  test('valid fixtures have no error', async () => {
    const { code, reports } = await lintJson([join(FIXTURES, 'valid')]);
    assert.ok(reports.length >= 2);
    for (const r of reports)
      assert.deepEqual(
        r.diagnostics.filter((d) => d.severity === 'error'),
        [],
        r.file,
      );
    assert.equal(code, 0);
  });

  test('each broken fixture reports the marked code on the marked line', async () => {
    const dir = join(FIXTURES, 'broken');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 8);
    for (const f of files) {
      const lines = readFileSync(join(dir, f), 'utf8').split('\n');
      const marks = lines.flatMap((l, i) => {
        const m = /# expect-error: (\S+)/.exec(l);
        return m ? [{ line: i, code: m[1]! }] : [];
      });
      assert.ok(marks.length > 0, `${f} has no expect-error marker`);
      const { code, reports } = await lintJson([join(dir, f)]);
      assert.equal(code, 1, f);
      const errors = reports[0]!.diagnostics.filter((d) => d.severity === 'error');
      for (const m of marks) {
        assert.ok(
          errors.some((d) => d.range.start.line === m.line && d.code === m.code),
          `${f}:${m.line + 1}: expected ${m.code}, got ${JSON.stringify(errors.map((d) => [d.range.start.line + 1, d.code]))}`,
        );
      }
    }
  });
});

describe('flowdeck lint command line', () => {
  test('text output is file:line:col severity code message with 1-based positions', async () => {
    const file = join(FIXTURES, 'broken', 'unknown-state-type.flow.yaml');
    const text = await lint([file]);
    const json = await lintJson([file]);
    assert.equal(text.code, 1);
    const lines = text.out.trim().split('\n');
    const summary = lines.pop();
    const d = json.reports[0]!.diagnostics[0]!;
    assert.equal(
      lines[0],
      `${relative(process.cwd(), file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
    );
    for (const l of lines) assert.match(l, /^.+:\d+:\d+ (error|warning|information|hint) \S+ .+$/);
    assert.match(summary ?? '', /^1 file checked, 0 skipped: \d+ errors?/, 'the summary is the last line, on its own');
  });

  test('folders recurse, globs expand, non-flow files are reported as skipped', async (t) => {
    const dir = scratchDir(t, 'flowdeck-lint-');
    mkdirSync(join(dir, 'flows', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    const flow =
      'Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n';
    writeFileSync(join(dir, 'flows', 'a.yaml'), flow);
    writeFileSync(join(dir, 'flows', 'deep', 'b.yml'), flow);
    writeFileSync(join(dir, 'flows', 'deep', 'compose.yaml'), 'services:\n  web:\n    image: nginx\n');
    writeFileSync(join(dir, 'flows', 'notes.txt'), 'not a flow');
    writeFileSync(join(dir, 'node_modules', 'c.yaml'), flow);

    const folder = await lintJson(['flows'], dir);
    assert.equal(folder.code, 0);
    assert.deepEqual(
      folder.reports.map((r) => [r.file.split('\\').join('/'), r.format]),
      [
        ['flows/a.yaml', 'fdl'],
        ['flows/deep/b.yml', 'fdl'],
        ['flows/deep/compose.yaml', null],
      ],
    );

    const glob = await lintJson(['flows/**/*.y?(a)ml'.replace('?(a)', '*')], dir);
    assert.deepEqual(
      glob.reports.map((r) => r.file.split('\\').join('/')),
      ['flows/a.yaml', 'flows/deep/b.yml', 'flows/deep/compose.yaml'],
    );
    const braces = await lintJson(['flows/{a.yaml,deep/b.yml}'], dir);
    assert.deepEqual(
      braces.reports.map((r) => r.file.split('\\').join('/')),
      ['flows/a.yaml', 'flows/deep/b.yml'],
    );

    const text = await lint(['flows/deep/compose.yaml'], dir);
    assert.equal(text.code, 0);
    assert.match(text.out, /compose\.yaml: skipped/);
    assert.match(text.out, /compose\.yaml: skipped \(not a CloudFlow FDL or WhatsApp Flow JSON document\)\n0 files checked, 1 skipped/);
  });

  test('usage errors exit with 2 and say what to do', async () => {
    for (const args of [
      [],
      ['--format', 'xml', 'x.yaml'],
      ['--bogus', 'x.yaml'],
      ['does-not-exist.yaml'],
      ['nothing/**/*.yaml'],
    ]) {
      const r = await lint(args);
      assert.equal(r.code, 2, JSON.stringify(args));
      assert.match(r.err, /^flowdeck lint: .+\nusage: flowdeck lint PATH\.\.\. \[options\]\n/);
      assert.equal(r.out, '');
    }
    const help = await lint(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /usage: flowdeck lint/);
  });

  test('--format=json and a clean file: exit 0 with an empty diagnostics list', async () => {
    const r = await lint(['--format=json', join(VENDORED_CORPUS.dir, 'fdl-statemachine', 'flowdeck-choice-default.yaml')]);
    assert.equal(r.code, 0);
    const reports = JSON.parse(r.out) as JsonReport[];
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.format, 'fdl');
    assert.deepEqual(
      reports[0]!.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });
});
