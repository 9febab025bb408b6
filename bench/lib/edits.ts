// Typing in a large flow: single edits spread through a generated flow (a `Next` target changed,
// a value changed, a state added, a state deleted), each applied as the editor sends it (an
// incremental change to the open document) and timed from the edit to the diagnostics. Each
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
  complete(doc: TextDocument, position: Position): unknown;
  forget(uri: string): void;
}

export interface EditRun {
  readonly edits: number;
  readonly editMs: number[];
  readonly completionMs: number[];
  readonly mismatches: string[];
  readonly byKind: Record<string, number[]>;
}

/** The first line from `from` on (wrapping around to the top) that passes `test`. */
const lineOf = (lines: string[], from: number, test: (l: string) => boolean): number => {
  for (let i = from; i < lines.length; i++) if (test(lines[i]!)) return i;
  for (let i = 0; i < from; i++) if (test(lines[i]!)) return i;
  throw new Error('no line to edit');
};

/**
 * The next edit of the cycle at about `fraction` of the way through `text`: change a `Next`
 * target, change a value, add a state before a top-level state, delete the state added before.
 */
export function nextEdit(text: string, step: number, fraction: number, added: { line: number; count: number } | undefined): BenchEdit {
  const lines = text.split('\n');
  const from = Math.max(7, Math.floor(lines.length * fraction));
  switch (step % 4) {
    case 0: {
      const i = lineOf(lines, from, (l) => /^ {4}Next: S\d+$/.test(l));
      const name = /Next: S(\d+)/.exec(lines[i]!)!;
      const at = lines[i]!.indexOf('S');
      // Every other edit names a state that does not exist: an error to report, then one to clear.
      const target = step % 8 === 0 ? `S${name[1]}x` : `S${Number(name[1]) + 1}`;
      return { kind: 'next', range: { start: { line: i, character: at }, end: { line: i, character: lines[i]!.length } }, text: target, cursor: { line: i, character: at } };
    }
    case 1: {
      const i = lineOf(lines, from, (l) => /^ {8}MaxAttempts: \d+$/.test(l));
      const at = lines[i]!.indexOf(':') + 2;
      const value = step % 8 === 1 ? '0' : '5';
      return { kind: 'value', range: { start: { line: i, character: at }, end: { line: i, character: lines[i]!.length } }, text: value, cursor: { line: i, character: at } };
    }
    case 2: {
      const i = lineOf(lines, from, (l) => /^ {2}- Type: /.test(l));
      const next = /Next: (S\d+)/.exec(lines.slice(i).join('\n'))![1];
      const block = `  - Type: Pass\n    Name: Added${step}\n    Next: ${next}\n`;
      return { kind: 'add-state', range: { start: { line: i, character: 0 }, end: { line: i, character: 0 } }, text: block, cursor: { line: i + 2, character: 10 } };
    }
    default: {
      const a = added!;
      return { kind: 'delete-state', range: { start: { line: a.line, character: 0 }, end: { line: a.line + a.count, character: 0 } }, text: '', cursor: { line: a.line, character: 4 } };
    }
  }
}

/**
 * Runs `count` edits on `text`: `editing` validates each new version (timed), `completing`
 * answers a completion on its own copy of each version without validating (timed), and
 * `reference` (a fresh analysis every time) gives the diagnostics they must equal.
 */
export function runEdits(text: string, count: number, editing: Service, completing: Service, reference: Service): EditRun {
  const uri = 'file:///bench/edited.flow.yaml';
  let doc = TextDocument.create(uri, 'yaml', 1, text);
  let other = TextDocument.create(uri, 'yaml', 1, text);
  editing.validate(doc);
  completing.validate(other);
  const editMs: number[] = [];
  const completionMs: number[] = [];
  const mismatches: string[] = [];
  const byKind: Record<string, number[]> = {};
  let added: { line: number; count: number } | undefined;
  for (let step = 0; step < count; step++) {
    // Add and delete in the same region; the other edits move on through the file.
    const fraction = ((step - (step % 4 === 3 ? 1 : 0)) * 0.61803) % 1;
    const edit = nextEdit(doc.getText(), step, fraction, added);
    if (edit.kind === 'add-state') added = { line: edit.range.start.line, count: edit.text.split('\n').length - 1 };
    const change = [{ range: edit.range, text: edit.text }];

    const t0 = performance.now();
    doc = TextDocument.update(doc, change, doc.version + 1);
    const diagnostics = editing.validate(doc);
    const t1 = performance.now();
    editMs.push(t1 - t0);
    (byKind[edit.kind] ??= []).push(t1 - t0);

    const c0 = performance.now();
    other = TextDocument.update(other, change, other.version + 1);
    completing.complete(other, edit.cursor);
    completionMs.push(performance.now() - c0);

    reference.forget(uri);
    const expected = reference.validate(TextDocument.create(uri, 'yaml', 1, doc.getText()));
    if (JSON.stringify(diagnostics) !== JSON.stringify(expected)) mismatches.push(`edit ${step} (${edit.kind}): ${diagnostics.length} diagnostics, a whole validation gives ${expected.length}`);
  }
  return { edits: count, editMs, completionMs, mismatches, byKind };
}
