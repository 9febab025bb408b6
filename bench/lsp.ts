// npm run bench:lsp — how fast the language service validates and completes, compared in the
// same run with a plain js-yaml `load` of the same text and with amazon-states-language-service
// (its YAML service) validating an Amazon States Language machine of the same size and mix.
// Prints a table, then one JSON line for the 1,000-state case, with the editing measures of a
// 10,000-state flow (bench/lib/edits.ts), the JSON path's ratio to JSON.parse, the first
// diagnostics of a fresh process against the reference's, and the shipped server's start with and
// without its code cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { getYamlLanguageService } from 'amazon-states-language-service';
import { generateAsl, generateFdl } from './lib/generate';
import { loadBundled, runBundled } from './lib/bundle';
import { interleaved, median, ms, percentile, timeSync } from './lib/stats';
import type { EditRun } from './lib/edits';
import { firstDiagnostics } from './lib/serverStart';

type Measured = typeof import('./lib/entry');
const {
  createLanguageService, analysedDocument, parseText, detectDialect, fdlSchemaDiagnostics, layoutView, viewGraph, keepShortLivedObjectsYoung,
} = loadBundled<Measured>('bench/lib/entry.ts', 'lsp-bench');
// The service is measured with the V8 settings the language server runs with. The references run
// under them too; js-yaml's `load` and JSON.parse take the same time with or without them.
keepShortLivedObjectsYoung();

/** The number of states of the flow typed in (editing measures). */
const EDIT_STATES = 10_000;
/** Single edits timed in it: at least 50 for a meaningful 95th percentile. */
const EDIT_COUNT = Number(process.env.FLOWDECK_BENCH_EDITS ?? 60);

const SIZES = [10, 100, 1000, 5000];
const RUNS: Record<number, { runs: number; aslRuns: number }> = {
  10: { runs: 200, aslRuns: 50 },
  100: { runs: 60, aslRuns: 20 },
  1000: { runs: 25, aslRuns: 11 },
  5000: { runs: 9, aslRuns: 3 },
};

interface Row {
  states: number;
  kb: number;
  bareParseCpuMs: number;
  validateCpuMs: number;
  bareParseMs: number;
  parseMs: number;
  schemaMs: number;
  validateMs: number;
  /** Full validation of the same flow with an unclosed quote half-way through (as while typing). */
  brokenMs: number;
  aslMs: number;
  /** Our full validation timed right after each ASL one, in the same loop: the side-by-side pair of aslMs. */
  validateBesideAslMs: number;
  completionP95Ms: number;
  completionFreshP95Ms: number;
  diagnostics: number;
}

/** The flow with the quote of a value half-way through left open, as while typing it. */
function withUnclosedQuote(text: string): string {
  const lines = text.split('\n');
  let i = Math.floor(lines.length / 2);
  while (!/: \S/.test(lines[i]!)) i++;
  lines[i] = lines[i]!.replace(/: (.*)$/, ': "$1');
  return lines.join('\n');
}

/** Cursor positions where completion is asked: a fresh key line, after `Next: `, after `Type: `. */
function completionPositions(doc: TextDocument, count: number): Position[] {
  const text = doc.getText();
  const out: Position[] = [];
  const lines = text.split('\n');
  const stride = Math.max(1, Math.floor(lines.length / count));
  for (let i = 7; i < lines.length && out.length < count; i += stride) {
    const line = lines[i]!;
    const next = line.indexOf('Next: ');
    const type = line.indexOf('Type: ');
    if (next >= 0) out.push({ line: i, character: next + 6 });
    else if (type >= 0) out.push({ line: i, character: type + 6 });
    else out.push({ line: i, character: line.length - line.trimStart().length });
  }
  return out;
}

async function measure(states: number): Promise<Row> {
  const { runs, aslRuns } = RUNS[states]!;
  const text = generateFdl(states);
  const broken = withUnclosedQuote(text);
  const aslText = generateAsl(states);
  const service = createLanguageService();
  let version = 0;
  // A version the service has not seen, of a document it has not seen: a whole parse and
  // validation (an edit of a document it has seen would reuse what did not change).
  const fresh = (content = text): TextDocument => {
    service.forget('file:///bench/flow.flow.yaml');
    return TextDocument.create('file:///bench/flow.flow.yaml', 'yaml', ++version, content);
  };

  let diagnostics = 0;
  const schemaDoc = TextDocument.create('file:///bench/flow.flow.yaml', 'yaml', 1, text);
  // The measures take turns within each round, so a busy machine slows them alike and the
  // ratios stay meaningful even when the absolute times do not.
  const [validate, bare, parse, parseAndSchema, brokenValidate] = interleaved(
    [
      () => (diagnostics = service.validate(fresh()).length),
      () => load(text),
      () => parseText(text, 'yaml'),
      () => {
        const parsed = parseText(text, 'yaml');
        return fdlSchemaDiagnostics(analysedDocument(schemaDoc, parsed, detectDialect(parsed)));
      },
      () => service.validate(fresh(broken)),
    ],
    runs,
    3,
  );

  // The YAML service replaces doValidation with a one-argument version that parses the text itself.
  const asl = getYamlLanguageService({});
  const aslValidate = asl.doValidation.bind(asl) as unknown as (doc: TextDocument) => Promise<unknown[]>;
  let aslVersion = 0;
  const aslDoc = () => TextDocument.create('file:///bench/machine.asl.yaml', 'yaml', ++aslVersion, aslText);
  await aslValidate(aslDoc()); // warm-up
  // Each ASL validation is followed by one of ours, and the ratio is taken between these pairs:
  // both see the same machine conditions and each other's garbage.
  const aslTimes: number[] = [];
  const besideAsl: number[] = [];
  for (let i = 0; i < aslRuns; i++) {
    const t0 = performance.now();
    await aslValidate(aslDoc());
    const t1 = performance.now();
    service.validate(fresh());
    besideAsl.push(performance.now() - t1);
    aslTimes.push(t1 - t0);
  }

  // Completion on the version the editor has already analysed (the usual case: validation ran)...
  const doc = fresh();
  service.validate(doc);
  const positions = completionPositions(doc, 200);
  const completion = timeSync((i) => service.complete(doc, positions[Math.max(0, i) % positions.length]!), positions.length * 2, 20).sort((a, b) => a - b);
  // ...and on a version nobody has parsed yet (completion pays for the parse).
  const freshCompletion = timeSync((i) => service.complete(fresh(), positions[Math.max(0, i) % positions.length]!), Math.min(60, runs * 2), 3).sort((a, b) => a - b);

  return {
    states,
    kb: text.length / 1024,
    bareParseCpuMs: median(bare.cpu),
    validateCpuMs: median(validate.cpu),
    bareParseMs: median(bare.wall),
    parseMs: median(parse.wall),
    schemaMs: Math.max(0, median(parseAndSchema.wall) - median(parse.wall)),
    validateMs: median(validate.wall),
    brokenMs: median(brokenValidate.wall),
    aslMs: median(aslTimes),
    validateBesideAslMs: median(besideAsl),
    completionP95Ms: percentile(completion, 95),
    completionFreshP95Ms: percentile(freshCompletion, 95),
    diagnostics,
  };
}

/** How many processes measure the JSON flow: the ratio is their median, as one process can land on a slow stretch of a shared machine. */
const JSON_RUNS = 5;

/** The same 1,000-state flow written as JSON: full validation, our parse, and JSON.parse (bench/lib/jsonSession.ts), in JSON_RUNS processes. */
function measureJson(): { line: string; ratio: number } {
  type JsonRun = { states: number; kb: number; validateMs: number; parseMs: number; jsonParseMs: number };
  const runs: JsonRun[] = [];
  for (let i = 0; i < JSON_RUNS; i++) runs.push(runBundled<JsonRun>('bench/lib/jsonSession.ts', 'lsp-json', ['1000']));
  const ratios = runs.map((r) => r.validateMs / r.jsonParseMs);
  const ratio = median(ratios);
  // The process whose ratio is the median gives the times shown.
  const r = runs[ratios.indexOf(ratio)] ?? runs[0]!;
  const range = `${Math.min(...ratios).toFixed(1)}-${Math.max(...ratios).toFixed(1)}x`;
  return {
    line: `${r.states.toLocaleString('en')} states in JSON (${r.kb.toFixed(0)} KiB), ${JSON_RUNS} processes of their own, the median one: full validate ${ms(r.validateMs)}, our parse ${ms(r.parseMs)}, JSON.parse ${ms(r.jsonParseMs)} (validate/JSON.parse ${ratio.toFixed(1)}x; ${range} across the processes).`,
    ratio,
  };
}

/** Fresh processes a cold start is measured in, each side: the medians are compared. */
const COLD_RUNS = 5;

/**
 * The first diagnostics of a fresh process, ours (bench/lib/coldFlowdeck.ts, bundled as the server
 * ships) against amazon-states-language-service's (bench/lib/coldAsl.ts), in alternate processes.
 */
function measureColdStart(): { line: string; oursMs: number; aslMs: number } {
  const ours: number[] = [];
  const asl: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    ours.push(runBundled<{ firstDiagnosticsMs: number }>('bench/lib/coldFlowdeck.ts', 'lsp-cold', []).firstDiagnosticsMs);
    asl.push(runBundled<{ firstDiagnosticsMs: number }>('bench/lib/coldAsl.ts', 'lsp-cold-asl', [], [], ['amazon-states-language-service']).firstDiagnosticsMs);
  }
  const oursMs = median(ours);
  const aslMs = median(asl);
  return {
    line: `First diagnostics of a fresh process (a 10-state flow; Node's own start included), ${COLD_RUNS} processes each, medians: ours ${ms(oursMs)}, ASL ${ms(aslMs)} (ASL/ours ${(aslMs / oursMs).toFixed(1)}x).`,
    oursMs,
    aslMs,
  };
}

/** Starts of the shipped server measured each way, alternated. */
const SERVER_STARTS = 7;

/**
 * The extension's language server (dist/, built first) from its spawn to the first diagnostics of
 * a 10-state flow: compiling its bundle, and from the code cache an earlier start wrote.
 */
async function measureServerStart(): Promise<{ line: string; compiledMs: number; cachedMs: number }> {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  const entry = join(root, 'dist', 'serverStart.js');
  const cacheDir = mkdtempSync(join(tmpdir(), 'flowdeck-bench-code-cache-'));
  const text = generateFdl(10);
  try {
    // A first start writes the cache 10 s after it began.
    await firstDiagnostics(entry, { FLOWDECK_CODE_CACHE_DIR: cacheDir }, text, 11_000);
    if (!existsSync(cacheDir) || readdirSync(cacheDir).length === 0) throw new Error('the server wrote no code cache');
    const compiled: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < SERVER_STARTS; i++) {
      compiled.push((await firstDiagnostics(entry, { FLOWDECK_CODE_CACHE_DIR: '' }, text)).firstDiagnosticsMs);
      cached.push((await firstDiagnostics(entry, { FLOWDECK_CODE_CACHE_DIR: cacheDir }, text)).firstDiagnosticsMs);
    }
    const compiledMs = median(compiled);
    const cachedMs = median(cached);
    return {
      line: `The extension's server from spawn to its first diagnostics (a 10-state flow), ${SERVER_STARTS} alternated starts each, medians: compiling its bundle ${ms(compiledMs)}, from its code cache ${ms(cachedMs)} (${(compiledMs / cachedMs).toFixed(2)}x).`,
      compiledMs,
      cachedMs,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Typing in a 10,000-state flow: edit-to-diagnostics and completion right after each edit (bench/lib/editSession.ts). */
function measureEdits(): { line: string; editP95: number; wholeTextP95: number; completionP95: number; match: boolean } {
  const run = runBundled<EditRun>('bench/lib/editSession.ts', 'lsp-edits', [String(EDIT_STATES), String(EDIT_COUNT)]);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const editP95 = percentile(sorted(run.editMs), 95);
  const completionP95 = percentile(sorted(run.completionMs), 95);
  const kinds = Object.entries(run.byKind).map(([k, xs]) => `${k} median ${ms(median(xs))}`).join(', ');
  for (const m of run.mismatches) console.log(`MISMATCH ${m}`);
  return {
    wholeTextP95: percentile(sorted(run.textMs), 95),
    line: [
      `${EDIT_STATES.toLocaleString('en')} states, ${run.edits} single edits: edit to diagnostics median ${ms(median(run.editMs))}, p95 ${ms(editP95)} (${kinds}); completion right after an edit p95 ${ms(completionP95)}; diagnostics equal a whole validation's: ${run.mismatches.length === 0}.`,
      `  the edit and its diagnostics read only the pieces of the text they need; a feature that reads the whole text makes it one string afterwards (${(run.textLength / 2 ** 20).toFixed(1)} MiB, copied on its first read): median ${ms(median(run.textMs))}, p95 ${ms(percentile(sorted(run.textMs), 95))}.`,
    ].join('\n'),
    editP95,
    completionP95,
    match: run.mismatches.length === 0,
  };
}

/** Resident memory of a service with the 10,000-state flow open, after the edits (bench/lib/serverMemory.ts). */
function measureServerMemory(): { rssMb: number; heapUsedMb: number } {
  return runBundled<{ rssMb: number; heapUsedMb: number }>('bench/lib/serverMemory.ts', 'lsp-memory', [String(EDIT_STATES), String(EDIT_COUNT)], ['--expose-gc']);
}

/** The graph view's cost: the model from the analysed tree, then the layout (medians, with CPU time). */
function measureGraph(): string[] {
  const lines: string[] = [];
  for (const [states, runs] of [[100, 15], [1000, 5], [5000, 3]] as const) {
    const service = createLanguageService();
    const doc = TextDocument.create('file:///bench/graph.flow.yaml', 'yaml', 1, generateFdl(states));
    service.validate(doc); // the editor has analysed it already: the graph reads the same tree
    const [model] = interleaved([() => service.graph(doc)], runs * 4, 2);
    const view = viewGraph(service.graph(doc));
    const [layout] = interleaved([() => layoutView(view, 'missing')], runs, 1);
    lines.push(`graph of ${states} states: model ${ms(median(model!.wall))} (CPU ${ms(median(model!.cpu))}), layout ${ms(median(layout!.wall))} (CPU ${ms(median(layout!.cpu))})`);
  }
  return lines;
}

async function main(): Promise<void> {
  if (process.argv.includes('--graph-only')) {
    for (const line of measureGraph()) console.log(line);
    return;
  }
  const rows: Row[] = [];
  for (const n of SIZES) rows.push(await measure(n));
  const jsonLine = measureJson();
  const graphLines = measureGraph();
  const edits = measureEdits();
  const memory = measureServerMemory();
  const cold = measureColdStart();
  const serverStart = await measureServerStart();
  const header = ['states', 'KiB', 'js-yaml load', 'our parse', '+schema', 'full validate', 'with a syntax error', 'ASL (YAML)', 'ours beside it', 'validate/load', 'ASL/validate', 'CPU validate/load', 'completion p95', 'p95 incl. parse', 'diagnostics'];
  const table = rows.map((r) => [
    String(r.states),
    r.kb.toFixed(0),
    ms(r.bareParseMs),
    ms(r.parseMs),
    ms(r.schemaMs),
    ms(r.validateMs),
    ms(r.brokenMs),
    ms(r.aslMs),
    ms(r.validateBesideAslMs),
    (r.validateMs / r.bareParseMs).toFixed(2) + 'x',
    (r.aslMs / r.validateBesideAslMs).toFixed(1) + 'x',
    (r.validateCpuMs / r.bareParseCpuMs).toFixed(2) + 'x',
    ms(r.completionP95Ms),
    ms(r.completionFreshP95Ms),
    String(r.diagnostics),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log('Times are medians in milliseconds (completion: 95th percentile). Node ' + process.version + ', language service bundled by esbuild as shipped.');
  console.log('ASL = amazon-states-language-service getYamlLanguageService().doValidation on an ASL machine in YAML of the same size; ours beside it = our full validation timed right after each of its runs (ASL/validate is taken between these pairs).');
  console.log(`Load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs (CPU-time ratios are steadier than wall-clock ones on a busy machine).`);
  console.log(fmt(header));
  for (const row of table) console.log(fmt(row));
  console.log(jsonLine.line);
  console.log(cold.line);
  console.log(serverStart.line);
  console.log(edits.line);
  console.log(`Service with the ${EDIT_STATES.toLocaleString('en')}-state flow open, after the edits: resident ${memory.rssMb} MB, heap ${memory.heapUsedMb} MB.`);
  for (const line of graphLines) console.log(line);
  const r = rows.find((x) => x.states === 1000)!;
  const round = (n: number) => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      states: 1000,
      validateMs: round(r.validateMs),
      bareParseMs: round(r.bareParseMs),
      aslMs: round(r.aslMs),
      validateBesideAslMs: round(r.validateBesideAslMs),
      overParse: round(r.validateMs / r.bareParseMs),
      speedupVsAsl: round(r.aslMs / r.validateBesideAslMs),
      completionP95Ms: round(r.completionP95Ms),
      editStates: EDIT_STATES,
      editP95Ms: round(edits.editP95),
      editDiagnosticsMatch: edits.match,
      wholeTextCopyAfterEditP95Ms: round(edits.wholeTextP95),
      completionAfterEditP95Ms: round(edits.completionP95),
      jsonOverJsonParse: round(jsonLine.ratio),
      editServerRssMb: memory.rssMb,
      coldFirstDiagnosticsMs: round(cold.oursMs),
      coldAslFirstDiagnosticsMs: round(cold.aslMs),
      coldSpeedupVsAsl: round(cold.aslMs / cold.oursMs),
      serverStartCompiledMs: round(serverStart.compiledMs),
      serverStartCachedMs: round(serverStart.cachedMs),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
