// Typing in a large flow: single edits spread through a generated flow (a `Next` target changed,
// a value changed, a state added, a state deleted), each applied as the editor sends it (an
// incremental change to the open document, through the service as the server applies it) and
// timed from the edit to the diagnostics. Each
// edit's diagnostics are compared with a whole validation of the same text by a fresh service.
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';

/** One edit: replace `range` of the current text with `text`; `cursor` is where completion is asked after it. */
export interface BenchEdit {
  readonly kind: 'next' | 'value' | 'add-state' | 'delete-state';
  readonly range: Range;
  readonly text: string;
  readonly cursor: Position;
}

interface Service {
  validate(doc: TextDocument): Diagnostic[];
  complete(doc: TextDocument, position: Position, settings?: { editRangeDefault?: boolean }): unknown;
  /** Applies the editor's changes as the server does (keeping where they fell). */
  update(doc: TextDocument, changes: { range: Range; text: string }[], version: number): TextDocument;
  forget(uri: string): void;
}

export interface EditRun {
  readonly edits: number;
  readonly editMs: number[];
  readonly completionMs: number[];
  /**
   * After each edit's diagnostics, untimed in `editMs`: making the new version's text one string
   * (its first read copies the whole text), which a feature reading all of it pays.
   */
  readonly textMs: number[];
  /** The length of the edited text, in characters. */
  readonly textLength: number;
  readonly mismatches: string[];
  readonly byKind: Record<string, number[]>;
}

/**
 * The first line matching `pattern` (a global, multiline regular expression) at or after offset
 * `from`, wrapping around to the top: its start offset and its text. Searching the text in place
 * keeps the benchmark's own garbage (a split of the whole text per edit) out of the timings.
 */
function lineAt(text: string, from: number, pattern: RegExp): { at: number; line: string } {
  for (const start of [from, 0]) {
    pattern.lastIndex = start;
    const m = pattern.exec(text);
    if (m) return { at: m.index, line: m[0] };
  }
  throw new Error('no line to edit');
}

/**
 * The next edit of the cycle at about `fraction` of the way through the document: change a
 * `Next` target (a Catch target mistyped, or a state's `Next` moved on by one), change a value,
 * add a state before a top-level state, delete the state added before.
 */
export function nextEdit(doc: TextDocument, step: number, fraction: number, added: { line: number; count: number } | undefined): BenchEdit {
  const text = doc.getText();
  const from = Math.floor(text.length * fraction);
  switch (step % 4) {
    case 0: {
      if (step % 8 === 0) {
        // A typo in a Catch rule's target: one unknown name to report.
        const { at, line } = lineAt(text, from, /^ {8}Next: Failed$/gm);
        const p = doc.positionAt(at);
        const col = line.indexOf('F');
        return { kind: 'next', range: { start: { line: p.line, character: col }, end: { line: p.line, character: line.length } }, text: 'Faild', cursor: { line: p.line, character: col } };
      }
      // A state's `Next` moved on by one: the state it skips is no longer reached.
      const { at, line } = lineAt(text, from, /^ {4}Next: S(\d+)$/gm);
      const p = doc.positionAt(at);
      const number = /S(\d+)/.exec(line)![1]!;
      const col = line.indexOf('S');
      return { kind: 'next', range: { start: { line: p.line, character: col }, end: { line: p.line, character: line.length } }, text: `S${Number(number) + 1}`, cursor: { line: p.line, character: col } };
    }
    case 1: {
      const { at, line } = lineAt(text, from, /^ {8}MaxAttempts: \d+$/gm);
      const p = doc.positionAt(at);
      const col = line.indexOf(':') + 2;
      const value = step % 8 === 1 ? '0' : '5';
      return { kind: 'value', range: { start: { line: p.line, character: col }, end: { line: p.line, character: line.length } }, text: value, cursor: { line: p.line, character: col } };
    }
    case 2: {
      const { at } = lineAt(text, from, /^ {2}- Type: .*$/gm);
      const p = doc.positionAt(at);
      const next = lineAt(text, at, /^ {4}Next: (S\d+)$/gm).line.slice(10);
      const block = `  - Type: Pass\n    Name: Added${step}\n    Next: ${next}\n`;
      return { kind: 'add-state', range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } }, text: block, cursor: { line: p.line + 2, character: 10 } };
    }
    default: {
      const a = added!;
      return { kind: 'delete-state', range: { start: { line: a.line, character: 0 }, end: { line: a.line + a.count, character: 0 } }, text: '', cursor: { line: a.line, character: 4 } };
    }
  }
}

/**
 * Runs `count` edits on `text`: `editing` applies and validates each new version (timed), `completing`
 * answers a completion on its own copy of each version without validating (timed). Then the same
 * edits are replayed untimed, and `reference` (a fresh analysis of every version) gives the
 * diagnostics they must equal. The reference runs after the timed edits, not between them, so that
 * collecting its garbage (a whole validation's, per version) is not timed as theirs: a language
 * server does no such validation while the user types.
 */
export function runEdits(
  text: string, count: number, editing: Service, completing: Service, reference: Service,
  // The documents the services change must come from their own copy of TextDocument (a bundle has its own).
  create: typeof TextDocument.create = TextDocument.create,
): EditRun {
  const uri = 'file:///bench/edited.flow.yaml';
  let doc = create(uri, 'yaml', 1, text);
  let other = create(uri, 'yaml', 1, text);
  editing.validate(doc);
  completing.validate(other);
  const editMs: number[] = [];
  const completionMs: number[] = [];
  const textMs: number[] = [];
  const byKind: Record<string, number[]> = {};
  const steps: { kind: string; change: { range: Range; text: string }[]; diagnostics: Diagnostic[] }[] = [];
  let added: { line: number; count: number } | undefined;
  for (let step = 0; step < count; step++) {
    // Add and delete in the same region; the other edits move on through the file.
    const fraction = ((step - (step % 4 === 3 ? 1 : 0)) * 0.61803) % 1;
    const edit = nextEdit(doc, step, fraction, added);
    if (edit.kind === 'add-state') added = { line: edit.range.start.line, count: edit.text.split('\n').length - 1 };
    const change = [{ range: edit.range, text: edit.text }];

    const t0 = performance.now();
    doc = editing.update(doc, change, doc.version + 1);
    const diagnostics = editing.validate(doc);
    const t1 = performance.now();
    editMs.push(t1 - t0);
    (byKind[edit.kind] ??= []).push(t1 - t0);
    // What a feature that reads the whole text pays afterwards: making it one string (its first
    // read copies all of it). The edit and its diagnostics read only their pieces of it.
    const r0 = performance.now();
    doc.getText().charCodeAt(0);
    textMs.push(performance.now() - r0);

    const c0 = performance.now();
    other = completing.update(other, change, other.version + 1);
    // As VS Code asks: it reads one edit range for the whole list.
    completing.complete(other, edit.cursor, { editRangeDefault: true });
    completionMs.push(performance.now() - c0);
    steps.push({ kind: edit.kind, change, diagnostics });
  }
  editing.forget(uri);
  completing.forget(uri);

  const mismatches: string[] = [];
  let replayed = TextDocument.create(uri, 'yaml', 1, text);
  steps.forEach(({ kind, change, diagnostics }, step) => {
    replayed = TextDocument.update(replayed, change, replayed.version + 1);
    reference.forget(uri);
    const expected = reference.validate(TextDocument.create(uri, 'yaml', 1, replayed.getText()));
    if (JSON.stringify(diagnostics) !== JSON.stringify(expected)) mismatches.push(`edit ${step} (${kind}): ${diagnostics.length} diagnostics, a whole validation gives ${expected.length}`);
  });
  if (replayed.getText() !== doc.getText()) mismatches.push('the replayed edits did not give the edited text');
  return { edits: count, editMs, completionMs, textMs, textLength: doc.getText().length, mismatches, byKind };
}
