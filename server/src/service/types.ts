// What the language service and every dialect share: the dialects, the settings that change
// validation, and the record of one analysed document version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedText } from '../parse/tree';
import { DerivedResults } from './derived';

/** The formats Flowdeck recognises; `null` means "not a flow". */
export type Dialect = 'fdl' | 'fdl-legacy' | 'whatsapp-flow' | 'flowtest';

/** Settings that change what is valid (stored per flow by the client's deploy settings). */
export interface ValidationSettings {
  /** Express flows have tighter limits (Wait seconds, TaskMode). Default Standard. */
  executionMode?: 'Standard' | 'Express';
}

/** What the client can take in a completion answer (its capabilities at initialize). */
export interface CompletionSettings {
  /**
   * The client reads `itemDefaults.editRange` of a completion list: items that replace the same
   * range then carry it once, for the list, instead of each its own copy.
   */
  readonly editRangeDefault?: boolean;
}

/**
 * One document version, parsed once; every feature of every dialect reads this. What the
 * features derive from it is kept in `derived`, so it lives exactly as long as this version.
 */
export interface AnalysedDocument {
  readonly document: TextDocument;
  readonly parsed: ParsedText;
  readonly dialect: Dialect | null;
  readonly derived: DerivedResults;
}

/** The record of one parsed version, with nothing derived from it yet. */
export function analysedDocument(document: TextDocument, parsed: ParsedText, dialect: Dialect | null): AnalysedDocument {
  return { document, parsed, dialect, derived: new DerivedResults() };
}
