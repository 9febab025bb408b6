// Offsets -> LSP positions, from a TextDocument or from plain text (line starts found once).
import type { Position, Range } from 'vscode-languageserver-types';
import type { OffsetRange } from '../parse/tree';

export interface PositionSource {
  positionAt(offset: number): Position;
}

export function positionsOf(text: string | PositionSource): PositionSource {
  return typeof text === 'string' ? new LineIndex(text) : text;
}

export function rangeOf(positions: PositionSource, r: OffsetRange): Range {
  return { start: positions.positionAt(r.start), end: positions.positionAt(r.end) };
}

export class LineIndex implements PositionSource {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) this.starts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }
}
