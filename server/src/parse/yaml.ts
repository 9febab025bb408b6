// YAML text -> positioned tree. Everyday flows (block mappings and sequences, one-line scalars)
// are read by our own scanner, which feeds the tree builder directly; anything else, and every
// text with a syntax error, goes through js-yaml 5's general parser and its flat event stream.
// js-yaml stops at the first syntax error, so on failure the offending line is blanked out
// (same length, offsets unchanged) and the text parsed again: the user sees the first error
// while every other feature keeps working on the rest of the document.
import type { Event, YAMLException } from 'js-yaml';
// `require`, not `import`: bundlers then pick js-yaml's CommonJS build, which parses about 2.5x
// faster than its ES module build (measured with bench/lsp.ts; the ES build's parser state
// object is created by object spread and every field access in the hot loop pays for it).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: deliberate, for speed
import jsYaml = require('js-yaml');

const { parseEvents } = jsYaml;
import { MAX_NESTING_DEPTH, type ParsedText, type SyntaxProblem } from './tree';
import { markReadByFastPath } from './fastPath';
import { TreeBuilder } from './yamlTreeBuilder';
import { scanEverydayYaml, type ScanOutcome } from './yamlScanner';

/** Reparses after blanking lines at most this often before giving up on the rest. */
const MAX_RECOVERY_ATTEMPTS = 12;
/**
 * An unclosed quote runs on and js-yaml reports it a few lines later: a quote the scanner found
 * unclosed this close before the reported error is taken as its cause.
 */
const SUSPECT_LINES_BEFORE_ERROR = 3;

export function parseYaml(text: string): ParsedText {
  const builder = new TreeBuilder(text, text, []);
  const scan = scanEverydayYaml(text, builder);
  if (!scan.readAll) return parseYamlGeneral(text, scan);
  const parsed = finished(text, builder, []);
  markReadByFastPath(parsed);
  return parsed;
}

/** The fast path alone: the tree when the text is everyday YAML (see yamlScanner.ts), else undefined. */
export function parseEverydayYaml(text: string): ParsedText | undefined {
  const builder = new TreeBuilder(text, text, []);
  return scanEverydayYaml(text, builder).readAll ? finished(text, builder, []) : undefined;
}

function finished(text: string, builder: TreeBuilder, problems: SyntaxProblem[]): ParsedText {
  const root = builder.finish();
  if (root === undefined) return { format: 'yaml', text, root, syntaxProblems: problems };
  return { format: 'yaml', text, root, syntaxProblems: problems, repeatedKeys: builder.repeatedKeys };
}

/**
 * The general path: js-yaml's parser for any YAML, with recovery after a syntax error. Each
 * retry on the text with blanked lines tries the scanner first, which is much faster.
 * `firstScan` is how the scanner fared on `text`, when it was tried.
 */
export function parseYamlGeneral(text: string, firstScan?: ScanOutcome): ParsedText {
  const problems: SyntaxProblem[] = [];
  let source = text;
  let scan = firstScan;
  const blanked = new Set<number>();
  for (let attempt = 0; attempt <= MAX_RECOVERY_ATTEMPTS; attempt++) {
    if (attempt > 0) {
      const scanned = new TreeBuilder(text, source, problems);
      scan = scanEverydayYaml(source, scanned);
      if (scan.readAll) return finished(text, scanned, problems);
    }
    let events: Event[];
    try {
      events = parseEvents(source, {});
    } catch (err) {
      const position = errorPosition(err, source.length);
      // An unclosed quote is reported where the string runs into trouble, often lines later.
      const openQuote = scan?.openQuoteAt !== undefined && isShortlyBefore(source, scan.openQuoteAt, position) ? scan.openQuoteAt : undefined;
      if (attempt === 0) problems.push(openQuote !== undefined ? unclosedQuote(text, openQuote) : withDepthCode(syntaxProblemAt(text, position, errorReason(err))));
      const suspect = openQuote ?? position;
      const next = blankLineFor(source, suspect, blanked) ?? blankLineFor(source, position, blanked);
      if (next === undefined) break;
      source = next;
      continue;
    }
    const builder = new TreeBuilder(text, source, problems);
    builder.build(events);
    return finished(text, builder, problems);
  }
  return { format: 'yaml', text, root: undefined, syntaxProblems: problems };
}

/** js-yaml's depth limit is reported with its own code and advice. */
function withDepthCode(p: SyntaxProblem): SyntaxProblem {
  if (!/maxDepth/.test(p.message)) return p;
  return {
    ...p,
    code: 'nesting-too-deep',
    message: `The document nests more than ${MAX_NESTING_DEPTH} levels deep here; Flowdeck stops reading at that depth. Flatten it (move deeply nested Map or Parallel processors into flows of their own).`,
  };
}

/** Whether `start` is on the line of `position` or on one of the few lines before it. */
function isShortlyBefore(source: string, start: number, position: number): boolean {
  if (start > position) return false;
  let lines = 0;
  for (let i = source.indexOf('\n', start); i >= 0 && i < position; i = source.indexOf('\n', i + 1)) {
    if (++lines > SUSPECT_LINES_BEFORE_ERROR) return false;
  }
  return true;
}

function errorPosition(err: unknown, length: number): number {
  const mark = (err as Partial<YAMLException> | undefined)?.mark;
  const p = typeof mark?.position === 'number' ? mark.position : 0;
  return Math.max(0, Math.min(p, length));
}

function errorReason(err: unknown): string {
  const e = err as Partial<YAMLException> | undefined;
  const reason = typeof e?.reason === 'string' ? e.reason : err instanceof Error ? err.message : String(err);
  return `YAML syntax error: ${reason}. Fix the text at this position (check indentation, quotes and brackets).`;
}

/** Underlines an unclosed string from its quote to its line's end. */
function unclosedQuote(text: string, at: number): SyntaxProblem {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  while (end > at + 1 && /\s/.test(text[end - 1] ?? '')) end--;
  const quote = text[at];
  return { range: { start: at, end }, message: `YAML syntax error: this string is not closed. Add the closing ${quote} at its end (a string may go on to the next lines only when they are indented further than its key).` };
}

/** Underlines the error position; on a blank tail (e.g. an unclosed bracket) the last character before it. */
function syntaxProblemAt(text: string, position: number, message: string): SyntaxProblem {
  let lineEnd = text.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.slice(position, lineEnd).trim().length > 0) {
    const trimmedEnd = position + text.slice(position, lineEnd).trimEnd().length;
    return { range: { start: position, end: Math.max(position + 1, trimmedEnd) }, message };
  }
  let p = position - 1;
  while (p >= 0 && /\s/.test(text[p] ?? '')) p--;
  if (p < 0) return { range: { start: position, end: position }, message };
  return { range: { start: p, end: p + 1 }, message };
}

/** Replaces the error's line (or the nearest earlier non-blank line not yet blanked) with spaces. */
function blankLineFor(source: string, position: number, blanked: Set<number>): string | undefined {
  let lineStart = source.lastIndexOf('\n', position - 1) + 1;
  for (;;) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const content = source.slice(lineStart, lineEnd);
    if (content.trim().length > 0 && !blanked.has(lineStart)) {
      blanked.add(lineStart);
      return source.slice(0, lineStart) + content.replace(/[^\r]/g, ' ') + source.slice(lineEnd);
    }
    if (lineStart === 0) return undefined;
    lineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  }
}
