// The language service facade: one analysed tree per document version, dispatched by dialect.
// Every entry point is wrapped: an exception is logged and answered with an empty result, so a
// bug in one feature never takes the editor (or `flowdeck lint`) down.
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CompletionList, Definition, Diagnostic, DocumentSymbol, FoldingRange, Hover,
  Location, Position, Range, WorkspaceEdit,
} from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseText } from '../parse';
import { readsEditsAlone, reparseAfterEdit, type TextChange } from '../parse/incremental';
import { detectDialect, formatForFile } from '../detect';
import { fdlService } from '../fdl/service';
import { fdlLegacyService } from '../fdl/legacy/service';
import { whatsappService } from '../whatsapp/service';
import { flowtestService } from '../flowtest/service';
import { DiagnosticCodes } from '../diagnostics/codes';
import { RequestRefused } from './refusal';
import { analysedDocument, type AnalysedDocument, type CompletionSettings, type Dialect, type ValidationSettings } from './types';
import type { DialectService } from './dialect';
import { derivedKey, type DerivedKey } from './derived';
import { limitFoldingRanges, limitSymbols, type ItemLimit, type LimitedList } from './itemLimits';
import { DocumentChanges } from './documentChanges';
import { sourceOfDocument } from './editorDocument';
import { EMPTY_GRAPH, type FlowGraph } from '../graph/types';
import type { GraphEditAction, GraphEditResult } from '../lsp/protocol';
import { rangeOf } from '../parse/positions';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Where the facade reports what went wrong (the LSP log, the CLI's stderr, a test array). */
export type LanguageServiceLogger = (level: LogLevel, message: string) => void;

export interface LanguageServiceOptions {
  readonly logger?: LanguageServiceLogger;
  /** How many document versions stay cached (least recently analysed dropped first). Default 64. */
  readonly cacheSize?: number;
  /** Replaces the implementation of some dialects (e.g. to exercise the guards). */
  readonly services?: Partial<Record<Dialect, DialectService>>;
}

export interface FlowLanguageService {
  /** Parses and detects once per uri+version (and text); every other call reads this. */
  analyse(doc: TextDocument): AnalysedDocument;
  /** Syntax, schema and semantic diagnostics; `settings.executionMode` drives the Express limits. */
  validate(doc: TextDocument, settings?: ValidationSettings): Diagnostic[];
  /** `settings` says what the client reads in the answer (e.g. one edit range for the whole list). */
  complete(doc: TextDocument, position: Position, settings?: CompletionSettings): CompletionList;
  hover(doc: TextDocument, position: Position): Hover | null;
  /** The outline; with a limit, its first `limit.max` symbols as it reads top down. */
  documentSymbols(doc: TextDocument, limit?: ItemLimit): DocumentSymbol[];
  definition(doc: TextDocument, position: Position): Definition | null;
  references(doc: TextDocument, position: Position, includeDeclaration?: boolean): Location[];
  prepareRename(doc: TextDocument, position: Position): { range: Range; placeholder: string } | null;
  rename(doc: TextDocument, position: Position, newName: string): WorkspaceEdit | null;
  codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  /** Folding ranges; with a limit, at most `limit.max`, outer levels first. */
  foldingRanges(doc: TextDocument, limit?: ItemLimit): FoldingRange[];
  /** The flow's nodes and edges; empty for a text that is not a flow. */
  graph(doc: TextDocument): FlowGraph;
  /** The state types a state added from the graph may have; empty when the graph cannot shape this text. */
  graphStateTypes(doc: TextDocument): readonly string[];
  /** The text edit of one shaping action of the graph view. */
  graphEdit(doc: TextDocument, version: number, action: GraphEditAction): GraphEditResult;
  /**
   * Applies an editor's changes to `doc` (as TextDocument.update, in place) and keeps where they
   * fell: the next analysis then re-reads that span without comparing the texts.
   */
  update(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument;
  /**
   * Whether an edit inside this document's state list will be re-read and re-checked alone, at a
   * fraction of a whole validation's cost (as analysed last; false before any analysis).
   */
  checksEditsAlone(doc: TextDocument): boolean;
  /** Drops the cached analysis of a closed document. */
  forget(uri: string): void;
}

const SERVICES: Record<Dialect, DialectService> = {
  fdl: fdlService,
  'fdl-legacy': fdlLegacyService,
  'whatsapp-flow': whatsappService,
  flowtest: flowtestService,
};

const JSON_LANGUAGE_IDS = new Set(['json', 'jsonc', 'fdl-json', 'whatsapp-flow']);

/** The file name part of a URI, for detection by name (`x.flow.yaml`). */
function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}

export function analyseDocument(doc: TextDocument): AnalysedDocument {
  const fileName = fileNameOf(doc.uri);
  const format = JSON_LANGUAGE_IDS.has(doc.languageId) ? 'json' : formatForFile(fileName);
  const parsed = parseText(doc.getText(), format);
  const dialect = detectDialect(parsed, { fileName, languageId: doc.languageId });
  return analysedDocument(doc, parsed, dialect);
}

/**
 * The next version of `previous`, re-reading only the state-list items the edit touched, or
 * undefined when a whole parse is needed. `previous` is spent either way when this succeeds.
 */
function analyseEdit(
  previous: AnalysedDocument, doc: TextDocument, services: Record<Dialect, DialectService>, change: TextChange | undefined,
): AnalysedDocument | undefined {
  if (previous.document.languageId !== doc.languageId) return undefined;
  const next = reparseAfterEdit(previous.parsed, sourceOfDocument(doc), change);
  if (!next) return undefined;
  const dialect = detectDialect(next.parsed, { fileName: fileNameOf(doc.uri), languageId: doc.languageId });
  const analysed = analysedDocument(doc, next.parsed, dialect);
  if (dialect !== null && dialect === previous.dialect) services[dialect].carryOver?.(previous, analysed);
  return analysed;
}

/** One order for every list of diagnostics: by position, then severity, code and message. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character
    || (a.severity ?? 0) - (b.severity ?? 0) || compareText(String(a.code ?? ''), String(b.code ?? '')) || compareText(a.message, b.message);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Syntax problems are the same for every dialect, so the facade reports them once. */
function syntaxDiagnostics(analysed: AnalysedDocument): Diagnostic[] {
  const doc = analysed.document;
  return analysed.parsed.syntaxProblems.map((p) => ({
    range: rangeOf(doc, p.range),
    severity: DiagnosticSeverity.Error,
    code: p.code ?? DiagnosticCodes.syntaxError,
    source: 'flowdeck',
    message: p.message,
  }));
}

/** Whether the parser stopped at its depth limit: the later checks then do not run at all. */
export function stoppedAtDepthLimit(analysed: AnalysedDocument): boolean {
  return analysed.parsed.syntaxProblems.some((p) => p.code === DiagnosticCodes.nestingTooDeep);
}

/**
 * What validation answers when a check failed inside: an error, so that `flowdeck lint` exits
 * non-zero and CreateFlow refuses the definition, rather than nothing, which reads as "clean".
 */
function validationIncomplete(doc: TextDocument, err: unknown): Diagnostic {
  const reason = err instanceof RangeError ? 'the document is too large or too deeply nested to check' : 'a check failed inside Flowdeck';
  return {
    range: { start: { line: 0, character: 0 }, end: doc.positionAt(Math.min(1, doc.getText().length)) },
    severity: DiagnosticSeverity.Error,
    code: DiagnosticCodes.validationIncomplete,
    source: 'flowdeck',
    message: `Flowdeck could not finish checking this document (${reason}: ${err instanceof Error ? err.message : String(err)}). It is reported as an error so that it does not pass unchecked; simplify the document, and please report it if it is not unusually large.`,
  };
}

// The editor asks for the outline and the folding of a version several times (outline view,
// breadcrumbs, sticky scroll): each is computed once per analysed version.
/** Per document version, each limit's list (one limit in practice: the client's). */
const SYMBOLS = derivedKey<Map<number, LimitedList<DocumentSymbol>>>('document symbols');
const FOLDING = derivedKey<Map<number, LimitedList<FoldingRange>>>('folding ranges');

/** The list computed once per version and limit; `limit.onExceeded` hears each time a list was cut. */
function limitedOnce<T>(a: AnalysedDocument, key: DerivedKey<Map<number, LimitedList<T>>>, limit: ItemLimit | undefined, compute: (max: number) => LimitedList<T>): T[] {
  const max = limit?.max ?? Number.POSITIVE_INFINITY;
  const byLimit = a.derived.get(key, () => new Map<number, LimitedList<T>>());
  let list = byLimit.get(max);
  if (!list) byLimit.set(max, (list = compute(max)));
  if (list.exceeded) limit?.onExceeded?.();
  return list.items;
}

export function createLanguageService(options: LanguageServiceOptions = {}): FlowLanguageService {
  const log: LanguageServiceLogger = options.logger ?? (() => undefined);
  const cacheSize = Math.max(1, options.cacheSize ?? 64);
  // Each analysis with the version it was made for: the document object itself is updated in
  // place by the editor's changes, so its own version number moves on with them.
  const cache = new Map<string, { analysed: AnalysedDocument; version: number }>();
  const changes = new DocumentChanges();
  const services: Record<Dialect, DialectService> = { ...SERVICES, ...options.services };

  const analyse = (doc: TextDocument): AnalysedDocument => {
    const entry = cache.get(doc.uri);
    const cached = entry?.analysed;
    // Where the editor reports each change, a version names one text; elsewhere (the CLI, tests)
    // the same version may come with another text.
    if (entry && cached && entry.version === doc.version && cached.document.languageId === doc.languageId
      && (changes.reports(doc.uri) || cached.parsed.text === doc.getText())) {
      return cached;
    }
    // The older version is dropped before the new one is parsed, so the two trees are never
    // both alive (the garbage collector then has one tree to trace, not two). An edit inside the
    // state list re-reads only the states it touched, updating the older tree in place.
    cache.delete(doc.uri);
    let analysed: AnalysedDocument | undefined;
    if (cached) {
      try {
        analysed = analyseEdit(cached, doc, services, changes.between(doc.uri, entry.version, doc.version));
      } catch (err) {
        log('warn', `incremental parse failed for ${doc.uri}, parsing it whole: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    analysed ??= analyseDocument(doc);
    cache.set(doc.uri, { analysed, version: doc.version });
    changes.analysed(doc.uri, doc.version);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return analysed;
  };

  /**
   * Runs one feature for one document; an exception becomes `fallback` and a log line, except a
   * RequestRefused, which is the user's answer and goes to the caller.
   */
  function guarded<T>(feature: string, doc: TextDocument, fallback: T, run: (a: AnalysedDocument, s: DialectService) => T): T {
    try {
      const analysed = analyse(doc);
      if (analysed.dialect === null) return fallback;
      return run(analysed, services[analysed.dialect]);
    } catch (err) {
      if (err instanceof RequestRefused) throw err;
      const detail = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
      log('error', `${feature} failed for ${doc.uri} (version ${doc.version}): ${detail}`);
      return fallback;
    }
  }

  return {
    analyse: (doc) => {
      try {
        return analyse(doc);
      } catch (err) {
        log('error', `analysis failed for ${doc.uri}: ${err instanceof Error ? err.message : String(err)}`);
        return analysedDocument(doc, { format: 'yaml', text: doc.getText(), root: undefined, syntaxProblems: [] }, null);
      }
    },
    validate: (doc, settings = {}) => {
      let failure: unknown;
      const diagnostics = guarded('validation', doc, undefined, (a, s) => {
        const syntax = syntaxDiagnostics(a);
        // The tree stops at the depth limit: checking what is left would report noise.
        if (stoppedAtDepthLimit(a)) return syntax;
        let own: Diagnostic[];
        try {
          own = s.validate(a, settings);
        } catch (err) {
          failure = err;
          throw err;
        }
        return [...syntax, ...own].sort(byPosition);
      });
      if (diagnostics !== undefined) return diagnostics;
      if (failure === undefined) return [];
      return [...syntaxDiagnostics(analyse(doc)), validationIncomplete(doc, failure)].sort(byPosition);
    },
    complete: (doc, position, settings) => guarded('completion', doc, { isIncomplete: false, items: [] }, (a, s) => s.complete(a, position, settings)),
    hover: (doc, position) => guarded('hover', doc, null, (a, s) => s.hover(a, position)),
    documentSymbols: (doc, limit) => guarded('document symbols', doc, [], (a, s) =>
      limitedOnce(a, SYMBOLS, limit, (max) => limitSymbols(s.documentSymbols(a, max), max))),
    definition: (doc, position) => guarded('definition', doc, null, (a, s) => s.definition(a, position)),
    references: (doc, position, includeDeclaration = true) =>
      guarded('references', doc, [], (a, s) => s.references(a, position, includeDeclaration)),
    prepareRename: (doc, position) => guarded('prepare rename', doc, null, (a, s) => s.prepareRename(a, position)),
    rename: (doc, position, newName) => guarded('rename', doc, null, (a, s) => s.rename(a, position, newName)),
    codeActions: (doc, range, diagnostics) => guarded('code actions', doc, [], (a, s) => s.codeActions(a, range, diagnostics)),
    foldingRanges: (doc, limit) => guarded('folding ranges', doc, [], (a, s) => limitedOnce(a, FOLDING, limit, (max) => {
      const ranges = s.foldingRanges(a, max);
      return { items: limitFoldingRanges(ranges, max), exceeded: ranges.length > max };
    })),
    graph: (doc) => guarded('graph', doc, EMPTY_GRAPH, (a, s) => s.graph(a)),
    graphStateTypes: (doc) => guarded('graph state types', doc, [], (_a, s) => s.graphStateTypes ?? []),
    graphEdit: (doc, version, action) => guarded<GraphEditResult>('graph edit', doc, { error: 'This file is not a flow Flowdeck can change from the graph.' },
      (a, s) => s.shapeGraph?.(a, version, action) ?? { error: 'The graph cannot change this kind of file; edit the text instead.' }),
    update: (doc, edits, version) => changes.apply(doc, edits, version),
    checksEditsAlone: (doc) => {
      const analysed = cache.get(doc.uri)?.analysed;
      return analysed?.dialect != null && services[analysed.dialect].validatesEditsAlone === true && readsEditsAlone(analysed.parsed);
    },
    forget: (uri) => {
      cache.delete(uri);
      changes.forget(uri);
    },
  };
}
