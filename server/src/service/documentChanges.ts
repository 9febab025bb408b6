// The editor's own account of each edit: with incremental sync it sends the ranges it changed,
// so the re-read after an edit knows where the text changed without comparing two whole texts,
// and a version number says whether a cached analysis is still current.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { mergeTextChanges, type TextChange } from '../parse/incremental';
import { EditorDocument } from './editorDocument';

/** How one version of a document became a later one. */
export interface ChangeSpan {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** The one span covering every change, in offsets of the `fromVersion` text; undefined when a change replaced the whole text. */
  readonly change: TextChange | undefined;
}

/** The changes the editor reported per document since the version last analysed. */
export class DocumentChanges {
  private readonly spans = new Map<string, ChangeSpan>();

  /**
   * Applies `changes` to `doc` (its own kind's update, which changes `doc` in place) and records
   * where the text changed. A change without a range replaces the whole text: its span is unknown.
   */
  apply(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    const fromVersion = doc.version;
    let change: TextChange | undefined;
    let known = true;
    for (const c of changes) {
      if (!('range' in c) || c.range === undefined) {
        known = false;
        doc = updated(doc, c, version);
        continue;
      }
      const start = doc.offsetAt(c.range.start);
      const end = Math.max(start, doc.offsetAt(c.range.end));
      const next: TextChange = { start, oldEnd: end, newEnd: start + c.text.length, inserted: c.text };
      change = change === undefined ? next : mergeTextChanges(change, next);
      doc = updated(doc, c, version);
    }
    this.record(doc.uri, { fromVersion, toVersion: version, change: known ? change ?? { start: 0, oldEnd: 0, newEnd: 0 } : undefined });
    return doc;
  }

  /** Whether the editor reports this document's changes: its version numbers then identify its texts. */
  reports(uri: string): boolean {
    return this.spans.has(uri);
  }

  /** Where the text changed between `fromVersion` and `toVersion`, when the editor said so. */
  between(uri: string, fromVersion: number, toVersion: number): TextChange | undefined {
    const span = this.spans.get(uri);
    return span && span.fromVersion === fromVersion && span.toVersion === toVersion ? span.change : undefined;
  }

  /** The analysis caught up with `version`: later spans start from it. */
  analysed(uri: string, version: number): void {
    const span = this.spans.get(uri);
    if (span) this.spans.set(uri, { fromVersion: version, toVersion: version, change: { start: 0, oldEnd: 0, newEnd: 0 } });
  }

  forget(uri: string): void {
    this.spans.delete(uri);
  }

  private record(uri: string, next: ChangeSpan): void {
    const span = this.spans.get(uri);
    // Versions not analysed in between: one span from the last analysed version.
    if (span && span.toVersion === next.fromVersion) {
      const change = span.change && next.change ? mergeTextChanges(span.change, next.change) : undefined;
      this.spans.set(uri, { fromVersion: span.fromVersion, toVersion: next.toVersion, change });
    } else {
      this.spans.set(uri, next);
    }
  }
}

/** `doc` after one change, in place: an editor document keeps its text as pieces. */
function updated(doc: TextDocument, change: TextDocumentContentChangeEvent, version: number): TextDocument {
  return doc instanceof EditorDocument ? EditorDocument.update(doc, [change], version) : TextDocument.update(doc, [change], version);
}
