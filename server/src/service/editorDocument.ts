// An open editor document, as the language server keeps it across the editor's changes: the same
// TextDocument contract as vscode-languageserver-textdocument's (positions, offsets, line breaks
// at \n, \r\n or a lone \r), with the text kept as pieces (parse/pieceText.ts). So an edit, its
// re-read, its checks and the positions of its diagnostics read only the characters they need,
// and the whole text is made one string only when a feature asks for all of it.
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { PieceText } from '../parse/pieceText';

const LF = 10;
const CR = 13;

export class EditorDocument implements TextDocument {
  private text: PieceText;
  /** Where each line starts; computed on first use, then kept up to date by each change. */
  private lineOffsets: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.text = PieceText.of(content);
  }

  /** The factory the server's TextDocuments manager takes (create / update). */
  static create(uri: string, languageId: string, version: number, content: string): EditorDocument {
    return new EditorDocument(uri, languageId, version, content);
  }

  /** Applies the editor's changes in order, in place (as TextDocument.update does), and returns the document. */
  static update(doc: EditorDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): EditorDocument {
    for (const change of changes) doc.apply(change);
    doc.currentVersion = version;
    return doc;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The current text, to read a few characters of without copying the whole. */
  get source(): PieceText {
    return this.text;
  }

  getText(range?: Range): string {
    if (range) {
      // As a string's substring: ends given in either order.
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      return this.text.slice(Math.min(start, end), Math.max(start, end));
    }
    return this.text.toString();
  }

  get lineCount(): number {
    return this.lines().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lines = this.lines();
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lines[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, lines[line]!) - lines[line]! };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line]!;
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < lines.length ? lines[position.line + 1]! : this.text.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  private apply(change: TextDocumentContentChangeEvent): void {
    if (!('range' in change) || change.range === undefined) {
      this.text = PieceText.of(change.text);
      this.lineOffsets = undefined;
      return;
    }
    const { start, end } = ordered(change.range);
    const startOffset = this.offsetAt(start);
    const endOffset = this.offsetAt(end);
    let lines = this.lines();
    // The lines the offsets fall on: a position past the last line means the text's end.
    const startLine = this.positionAt(startOffset).line;
    const endLine = this.positionAt(endOffset).line;
    this.text = this.text.replace(startOffset, endOffset, change.text);
    const added = lineStarts(change.text, startOffset);
    // A spread of very many arguments would overflow the stack (a large paste).
    if (added.length < 10_000) lines.splice(startLine + 1, endLine - startLine, ...added);
    else this.lineOffsets = lines = lines.slice(0, startLine + 1).concat(added, lines.slice(endLine + 1));
    const delta = change.text.length - (endOffset - startOffset);
    if (delta !== 0) for (let i = startLine + 1 + added.length; i < lines.length; i++) lines[i] = lines[i]! + delta;
  }

  private lines(): number[] {
    return (this.lineOffsets ??= [0, ...lineStarts(this.text.toString(), 0)]);
  }

  /** An offset inside a line break is moved back to the break's start (as the editor counts). */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

const isLineBreak = (c: number): boolean => c === LF || c === CR;

/** The offsets (plus `base`) at which a line starts after a line break in `text`. */
function lineStarts(text: string, base: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) continue;
    if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    starts.push(base + i + 1);
  }
  return starts;
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** The current text of `doc` to read a few characters of: its pieces when it is an editor document. */
export function sourceOfDocument(doc: TextDocument): PieceText | string {
  return doc instanceof EditorDocument ? doc.source : doc.getText();
}
