// The contract below the language service: what each dialect (FDL current and legacy, WhatsApp
// Flow JSON, flow tests) implements over an analysed document. The service picks the
// implementation by the document's dialect from one table and wraps every call; a dialect only
// answers for its own documents.
import type {
  CodeAction, CompletionList, Definition, Diagnostic, DocumentSymbol, FoldingRange, Hover,
  Location, Position, Range, WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { FlowGraph } from '../graph/types';
import type { GraphEditAction, GraphEditResult } from '../lsp/protocol';
import type { AnalysedDocument, CompletionSettings, ValidationSettings } from './types';

export interface DialectService {
  /**
   * The dialect's own diagnostics: schema and semantic checks, not the syntax problems (the
   * service reports those for every dialect, and runs this only on a tree within the depth limit).
   */
  validate(doc: AnalysedDocument, settings: ValidationSettings): Diagnostic[];
  complete(doc: AnalysedDocument, position: Position, settings?: CompletionSettings): CompletionList;
  hover(doc: AnalysedDocument, position: Position): Hover | null;
  /** The outline; it may stop once it holds more than `maxItems` symbols (the service cuts it to the limit). */
  documentSymbols(doc: AnalysedDocument, maxItems?: number): DocumentSymbol[];
  definition(doc: AnalysedDocument, position: Position): Definition | null;
  references(doc: AnalysedDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(doc: AnalysedDocument, position: Position): { range: Range; placeholder: string } | null;
  rename(doc: AnalysedDocument, position: Position, newName: string): WorkspaceEdit | null;
  codeActions(doc: AnalysedDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  /**
   * Folding ranges, each before those nested in it. Beyond `maxItems` it may leave out ranges the
   * service's outer-levels-first cut (`limitFoldingRanges`) would drop, keeping more than `maxItems`.
   */
  foldingRanges(doc: AnalysedDocument, maxItems?: number): FoldingRange[];
  /** The flow as nodes and edges (the graph view, `flowdeck graph`). */
  graph(doc: AnalysedDocument): FlowGraph;
  /** The state types the graph can add (none: the graph cannot shape this dialect's text). */
  readonly graphStateTypes?: readonly string[];
  /** The text edit of one shaping action of the graph view, for the graph of `version`. */
  shapeGraph?(doc: AnalysedDocument, version: number, action: GraphEditAction): GraphEditResult;
  /**
   * What a version re-read in place after an edit takes over from the version before it (`next`
   * shares `previous`'s tree, updated), so that unchanged parts are not derived again.
   */
  carryOver?(previous: AnalysedDocument, next: AnalysedDocument): void;
  /** True when `validate` re-checks only the states an edit re-read (current FDL), not the whole document. */
  readonly validatesEditsAlone?: boolean;
}
