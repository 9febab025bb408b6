// The contract between the language service facade and each dialect's implementation.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CompletionList, Definition, Diagnostic, DocumentSymbol, FoldingRange, Hover,
  Location, Position, Range, WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ParsedText } from '../parse/tree';
import type { FlowGraph } from '../graph/types';
import type { GraphEditAction, GraphEditResult } from '../lsp/protocol';
import { DerivedResults } from './derived';

/** The formats Flowdeck recognises; `null` means "not a flow". */
export type Dialect = 'fdl' | 'fdl-legacy' | 'whatsapp-flow' | 'flowtest';

/** Settings that change what is valid (stored per flow by the client's deploy settings). */
export interface ValidationSettings {
  /** Express flows have tighter limits (Wait seconds, TaskMode). Default Standard. */
  executionMode?: 'Standard' | 'Express';
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

export interface DialectService {
  validate(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[];
  complete(doc: AnalysedDocument, position: Position): CompletionList;
  hover(doc: AnalysedDocument, position: Position): Hover | null;
  documentSymbols(doc: AnalysedDocument): DocumentSymbol[];
  definition(doc: AnalysedDocument, position: Position): Definition | null;
  references(doc: AnalysedDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(doc: AnalysedDocument, position: Position): { range: Range; placeholder: string } | null;
  rename(doc: AnalysedDocument, position: Position, newName: string): WorkspaceEdit | null;
  codeActions(doc: AnalysedDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  foldingRanges(doc: AnalysedDocument): FoldingRange[];
  /** The flow as nodes and edges (the graph view, `flowdeck graph`). */
  graph(doc: AnalysedDocument): FlowGraph;
  /** The state types the graph can add (none: the graph cannot shape this dialect's text). */
  readonly graphStateTypes?: readonly string[];
  /** The text edit of one shaping action of the graph view, for the graph of `version`. */
  shapeGraph?(doc: AnalysedDocument, version: number, action: GraphEditAction): GraphEditResult;
}
