// What code that reads a few characters of a text at a time needs from it: a plain string, or an
// editor document's text kept as pieces (pieceText.ts).

/**
 * What readers of a few characters need from a text; a string is one. Searches are for one
 * character, which every caller looks for (line breaks, dashes).
 */
export interface TextReader {
  readonly length: number;
  charCodeAt(offset: number): number;
  slice(start: number, end?: number): string;
  indexOf(char: string, from?: number): number;
  lastIndexOf(char: string, from?: number): number;
  startsWith(search: string, at?: number): boolean;
}
