// Wires the language service to an LSP connection: document sync, validation paced by its cost
// (pacing.ts) that drops stale versions, per-document execution mode, and every feature handler guarded so an
// exception is logged and answered with an empty result.
import {
  CodeActionKind, ErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection, type DidChangeConfigurationParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type FlowLanguageService } from '../service/languageService';
import { RequestRefused } from '../service/refusal';
import { EditorDocument } from '../service/editorDocument';
import type { CompletionSettings, ValidationSettings } from '../service/types';
import { performance } from 'node:perf_hooks';
import { Debouncer, realTimers, type Timers } from './debounce';
import { MAX_DEBOUNCE_MS, ValidationPacer } from './pacing';
import { ItemLimitNotices } from './itemLimitNotices';
import type { ItemLimit } from '../service/itemLimits';
import { connectionLog, type ServerLog } from './log';
import { documentErrors } from './documentErrors';
import {
  DEFAULT_MAX_ITEMS, MAX_ITEMS_SETTING, DocumentErrorsRequest, FlowSettingsNotification, GraphEditRequest, GraphRequest, ItemsLimitedNotification, ServerMemoryRequest,
  type DocumentError, type DocumentErrorsParams, type FlowSettingsParams, type GraphEditParams, type GraphEditResult, type GraphParams,
  type GraphResult, type LimitedFeature,
} from './protocol';

export interface ServerOptions {
  /**
   * A fixed quiet time after the last edit before validating. By default the wait follows what
   * each document's validations cost (pacing.ts): from 20 ms for cheap ones to 200 ms.
   */
  readonly debounceMs?: number;
  readonly timers?: Timers;
  /** The clock the pacing reads (milliseconds; default performance.now). */
  readonly now?: () => number;
  readonly service?: FlowLanguageService;
}

export interface RunningServer {
  readonly documents: TextDocuments<TextDocument>;
  readonly service: FlowLanguageService;
  readonly log: ServerLog;
  /** Validates one open document now (the debounced path calls this). */
  validateNow(uri: string): void;
  dispose(): void;
}

/** The longest wait after an edit (the wait for the costliest validations). */
export const DEFAULT_DEBOUNCE_MS = MAX_DEBOUNCE_MS;

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const log = connectionLog(connection);
  const service = options.service ?? createLanguageService({ logger: (level, message) => log(level, message) });
  // The changes go through the service, which keeps where each one fell (incremental sync).
  const documents = new TextDocuments<TextDocument>({ create: EditorDocument.create, update: (doc, changes, version) => service.update(doc, changes, version) });
  const settings = new Map<string, ValidationSettings>();
  const now = options.now ?? (() => performance.now());
  const pacer = new ValidationPacer(now);
  const debouncer = new Debouncer(options.debounceMs ?? ((uri) => pacer.delayFor(uri)), options.timers ?? realTimers);

  /** How many folding ranges the client wants per document (its hint at initialize). */
  let foldingRangeLimit: number | undefined;
  /** How many outline symbols a document gets (the `flowdeck.maxItemsComputed` setting). */
  let maxOutlineItems = DEFAULT_MAX_ITEMS;
  const notices = new ItemLimitNotices((p) => {
    connection.sendNotification(ItemsLimitedNotification, p).catch((err: unknown) => log('warn', `could not report a limited list: ${String(err)}`));
  });
  /** What the client reads in a completion list (its capabilities at initialize). */
  let completionSettings: CompletionSettings = {};

  /** Runs a handler; an exception is logged and the request answered with `fallback`. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params: P) => {
      try {
        return handler(params);
      } catch (err) {
        log('error', `${name} failed: ${err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)}`);
        return fallback;
      }
    };
  }

  const validateNow = (uri: string, opening = false): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const started = now();
    const diagnostics = service.validate(doc, settings.get(uri) ?? {});
    if (opening) pacer.recordOpening(uri, now() - started, service.checksEditsAlone(doc));
    else pacer.record(uri, now() - started);
    // An edit that arrived meanwhile makes these diagnostics stale: the next run will publish.
    if (documents.get(uri)?.version !== version) {
      log('debug', `dropped diagnostics of ${uri} version ${version}`);
      return;
    }
    connection.sendDiagnostics({ uri, version, diagnostics }).catch((err: unknown) => log('warn', `could not publish diagnostics: ${String(err)}`));
  };
  const guardedValidate = (uri: string, opening = false): void => guard('validation', undefined, (u: string) => validateNow(u, opening))(uri);

  connection.onInitialize(guard('initialize', { capabilities: {} }, (params): InitializeResult => {
    foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    completionSettings = { editRangeDefault: params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true };
    const level = (params.initializationOptions as { logLevel?: unknown } | undefined)?.logLevel;
    if (level === 'error' || level === 'warn' || level === 'info' || level === 'debug') log.level = level;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '$', ':'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'flowdeck' },
    };
  }));

  // Opening validates at once; the change event that accompanies the open is then skipped.
  const validatedOnOpen = new Map<string, number>();
  documents.onDidOpen((e) => {
    validatedOnOpen.set(e.document.uri, e.document.version);
    guardedValidate(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (validatedOnOpen.get(uri) === e.document.version) return;
    validatedOnOpen.delete(uri);
    debouncer.schedule(uri, () => guardedValidate(uri));
  });
  documents.onDidClose(guard('close', undefined, (e: { document: TextDocument }) => {
    const uri = e.document.uri;
    debouncer.cancel(uri);
    validatedOnOpen.delete(uri);
    service.forget(uri);
    pacer.forget(uri);
    notices.forget(uri);
    settings.delete(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] }).catch((err: unknown) => log('warn', `could not clear diagnostics: ${String(err)}`));
  }));

  connection.onNotification(FlowSettingsNotification, guard('flowSettings', undefined, (p: FlowSettingsParams) => {
    if (typeof p?.uri !== 'string' || (p.executionMode !== 'Standard' && p.executionMode !== 'Express')) {
      log('warn', `ignored flowdeck/flowSettings with unexpected parameters: ${JSON.stringify(p)}`);
      return;
    }
    settings.set(p.uri, { executionMode: p.executionMode });
    debouncer.cancel(p.uri);
    validateNow(p.uri);
  }));

  // The client sends the one setting the server reads (`synchronize.configurationSection`) at start and on change.
  connection.onDidChangeConfiguration(guard('configuration', undefined, (p: DidChangeConfigurationParams) => {
    maxOutlineItems = maxItemsIn(p.settings);
  }));

  connection.onRequest(ServerMemoryRequest, guard('serverMemory', { rss: 0, heapUsed: 0, heapTotal: 0 }, () => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    return { rss, heapUsed, heapTotal };
  }));

  // A feature request on an open document; a refused request is answered with an error response
  // carrying its message, which the editor shows.
  const withDoc = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, run: (doc: TextDocument, p: P) => R) =>
    guard<P, R | ResponseError>(name, fallback, (p) => {
      const uri = p.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return fallback;
      // Diagnostics first: a cheap validation still waiting runs before the answer is computed.
      if (options.debounceMs === undefined && pacer.mayValidateEarly(uri)) debouncer.flush(uri);
      try {
        return run(doc, p);
      } catch (err) {
        if (err instanceof RequestRefused) return new ResponseError(ErrorCodes.InvalidRequest, err.message);
        throw err;
      }
    });

  connection.onCompletion(withDoc('completion', null, (doc, p) => service.complete(doc, p.position, completionSettings)));
  connection.onHover(withDoc('hover', null, (doc, p) => service.hover(doc, p.position)));
  /** A list cut to `max` items; the client hears when a document's list starts or stops being cut. */
  const limited = <T>(uri: string, feature: LimitedFeature, max: number, list: (limit: ItemLimit) => T[]): T[] => {
    let exceeded = false;
    const items = list({ max, onExceeded: () => (exceeded = true) });
    notices.update(uri, feature, max, exceeded);
    return items;
  };

  connection.onDocumentSymbol(withDoc('documentSymbol', [], (doc) =>
    limited(doc.uri, 'outline', maxOutlineItems, (limit) => service.documentSymbols(doc, limit))));
  connection.onDefinition(withDoc('definition', null, (doc, p) => service.definition(doc, p.position)));
  connection.onReferences(withDoc('references', [], (doc, p) => service.references(doc, p.position, p.context.includeDeclaration)));
  connection.onPrepareRename(withDoc('prepareRename', null, (doc, p) => service.prepareRename(doc, p.position)));
  connection.onRenameRequest(withDoc('rename', null, (doc, p) => service.rename(doc, p.position, p.newName)));
  connection.onCodeAction(withDoc('codeAction', [], (doc, p) => service.codeActions(doc, p.range, p.context.diagnostics)));
  connection.onFoldingRanges(withDoc('foldingRange', [], (doc) =>
    limited(doc.uri, 'folding', foldingRangeLimit ?? Number.POSITIVE_INFINITY, (limit) => service.foldingRanges(doc, limit))));
  connection.onRequest(GraphRequest, withDoc<GraphParams, GraphResult | null>('graph', null, (doc) => ({
    version: doc.version, graph: service.graph(doc), stateTypes: service.graphStateTypes(doc),
  })));
  connection.onRequest(GraphEditRequest, withDoc<GraphEditParams, GraphEditResult | null>('graphEdit', null, (doc, p) => service.graphEdit(doc, p.version, p.action)));

  // not guarded: a failed check must fail the request (an empty answer would let a Push through)
  connection.onRequest(DocumentErrorsRequest, (p: DocumentErrorsParams): DocumentError[] =>
    documentErrors(service, documents.get(p.textDocument.uri), settings.get(p.textDocument.uri) ?? {}, p));

  documents.listen(connection);
  return {
    documents, service, log,
    validateNow: guardedValidate,
    dispose: () => debouncer.dispose(),
  };
}

/** The outline limit in the client's settings (MAX_ITEMS_SETTING, sent as `{ flowdeck: { maxItemsComputed } }`), else the default. */
function maxItemsIn(settings: unknown): number {
  const [section, key] = MAX_ITEMS_SETTING.split('.') as [string, string];
  const value = (settings as Record<string, Record<string, unknown> | undefined> | null | undefined)?.[section]?.[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MAX_ITEMS;
}
