// Offsets in the text <-> LSP positions: one index of line starts searched by bisection, the one
// a TextDocument keeps. An editor document already has it (kept up to date across edits); a plain
// text (the CLI, the emulator) gets one here. So a position means the same everywhere: a line ends
// at \n, \r\n or a lone \r, and characters are UTF-16 code units, as the editor counts them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { OffsetRange } from './tree';

export interface PositionIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** The position index of a plain text (built on first use, then each lookup is a bisection). */
export function positionIndex(text: string): PositionIndex {
  return TextDocument.create('flowdeck:text', 'plaintext', 0, text);
}

/** The index of `source`: its own when it is a document, else one built for the text. */
export function positionsOf(source: string | PositionIndex): PositionIndex {
  return typeof source === 'string' ? positionIndex(source) : source;
}

export function rangeOf(positions: PositionIndex, r: OffsetRange): Range {
  return { start: positions.positionAt(r.start), end: positions.positionAt(r.end) };
}
