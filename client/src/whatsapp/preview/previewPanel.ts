// "Flowdeck: Preview WhatsApp Flow": a webview beside the Flow JSON editor with the phone
// preview. It re-renders from the document text as the user types (debounced), follows the
// cursor to the screen being edited, outlines the components that have diagnostics, and answers
// data_exchange from .flowdeck/whatsapp/<flow>.responses.json.
import * as vscode from 'vscode';
import type { FlowGraph } from '../../../../server/src/lsp/protocol';
import type {
  FromWebview,
  RenderedMessage,
  ToWebview,
  JsonObject,
  JsonValue,
} from '../../../../webview/preview/protocol';
import { panelHtml, webviewRoots } from '../../webview/panelHtml';
import {
  issuesBySpan,
  rangeOfPointer,
  readFlowText,
  spanAt,
  type FlowText,
} from '../../../../webview/preview/flowText';
import { flowBaseName, readResponses } from './responses';
import { panelStrings, phoneStrings } from './strings';

const VIEW_TYPE = 'flowdeck.whatsappPreview';
/** Typing pauses this long before the phone re-renders. */
const RENDER_DELAY_MS = 200;

export class WhatsappPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private text: FlowText | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastCursor = '';
  private readonly listeners: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** Fires after each render in the panel with what the phone shows. */
  readonly onDidRender = this.renderedEmitter.event;
  /** What the phone showed last. */
  lastRendered: RenderedMessage | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** The language service's screen graph of a document (the routing drawn beside the phone). */
    private readonly graphOf: (document: vscode.TextDocument) => Promise<FlowGraph | undefined>,
  ) {
    this.listeners.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document?.uri.toString())) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document) this.sendCursor(e.textEditor);
      }),
      // the preview follows the Flow JSON file being edited
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'whatsapp-flow' && editor.document !== this.document) this.bind(editor.document);
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/.flowdeck/whatsapp/*.responses.json');
    this.listeners.push(watcher, watcher.onDidChange(() => this.schedule()), watcher.onDidCreate(() => this.schedule()), watcher.onDidDelete(() => this.schedule()));
  }

  /** "Preview WhatsApp Flow": the editor title button passes the file's Uri; else the active editor. */
  openFor(arg: unknown): Promise<void> {
    return this.open(arg instanceof vscode.Uri ? arg : undefined);
  }

  /** Opens (or reveals) the preview of a document beside it: the given one, else the active editor's. */
  async open(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a WhatsApp Flow JSON file to preview it.'));
      return;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.l10n.t('Preview'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: webviewRoots(this.extensionUri) },
      );
      this.ready = false;
      this.panel.webview.html = panelHtml(this.panel.webview, this.extensionUri, { view: 'preview', title: 'WhatsApp Flow preview', withStyle: true });
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m));
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.lastRendered = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.bind(document);
  }

  /**
   * Presses what runs the action at a JSON pointer (or a screen on the routing graph) as a click
   * would; with `value`, types it into the input of the component at that pointer.
   */
  activate(path: string, value?: string): void {
    this.post({ type: 'activate', path, ...(value !== undefined ? { value } : {}) });
  }

  isOpen(): boolean {
    return this.panel !== undefined;
  }

  private bind(document: vscode.TextDocument): void {
    this.document = document;
    this.lastCursor = '';
    if (this.panel) this.panel.title = vscode.l10n.t('Preview {0}', flowBaseName(document.uri));
    void this.sendFlow();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sendFlow();
    }, RENDER_DELAY_MS);
  }

  private async sendFlow(): Promise<void> {
    const document = this.document;
    if (!document || !this.panel || !this.ready) return;
    const text = readFlowText(document.getText());
    this.text = text;
    const diagnostics = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning)
      .map((d) => ({ offset: document.offsetAt(d.range.start), message: d.message }));
    const { responses, error } = await readResponses(document.uri);
    if (error) this.log.warn(error);
    const graph = await this.graph(document);
    if (document !== this.document) return; // the preview moved on to another file meanwhile
    this.post({
      type: 'flow',
      flow: text.value as JsonValue | undefined,
      ...(text.parseError ? { parseError: vscode.l10n.t('Not valid JSON ({0}): the phone shows what could be read.', text.parseError) } : {}),
      fileName: flowBaseName(document.uri),
      issues: issuesBySpan(text.spans, diagnostics),
      responses: responses as JsonObject,
      graph,
      strings: phoneStrings(),
      panel: panelStrings(),
    });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) this.sendCursor(editor);
  }

  private async graph(document: vscode.TextDocument): Promise<FlowGraph | undefined> {
    try {
      return await this.graphOf(document);
    } catch (error) {
      // the phone still works without the graph beside it
      this.log.warn(`No screen graph for ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private sendCursor(editor: vscode.TextEditor): void {
    if (!this.text || !this.ready) return;
    const span = spanAt(this.text.spans, editor.document.offsetAt(editor.selection.active));
    if (!span) return;
    const componentPath = span.pointer.includes('/layout/') ? span.pointer : undefined;
    const key = `${span.screenId}|${componentPath ?? ''}`;
    if (key === this.lastCursor) return;
    this.lastCursor = key;
    this.post({ type: 'cursor', screenId: span.screenId, ...(componentPath ? { componentPath } : {}) });
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastCursor = '';
        void this.sendFlow();
        break;
      case 'rendered':
        this.lastRendered = message;
        this.renderedEmitter.fire(message);
        break;
      case 'reveal':
        void this.reveal(message.path);
        break;
    }
  }

  private async reveal(pointer: string): Promise<void> {
    const document = this.document;
    if (!document) return;
    const range = rangeOfPointer(document.getText(), pointer);
    if (!range) return;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const start = document.positionAt(range.offset);
    editor.selection = new vscode.Selection(start, document.positionAt(range.offset + range.length));
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    this.renderedEmitter.dispose();
    for (const l of this.listeners) l.dispose();
  }
}
