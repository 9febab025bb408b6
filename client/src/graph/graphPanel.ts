// One graph view beside one flow document: asks the language server for the graph whenever the
// text or its diagnostics change, highlights the state under the cursor, reveals the state of a
// clicked node, applies the view's shaping actions as undoable text edits, and draws the flow's
// latest tailed execution on it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GraphEditRequest, GraphRequest, type FlowGraph, type GraphEditAction, type GraphNode, type GraphResult,
} from '../../../server/src/lsp/protocol';
import type { FromView, GraphStrings, NodeProblem, RunOnGraph, ToView } from '../../../webview/graph/protocol';
import { FLOW_FILE_SUFFIX } from '../../../cloud/src/fnf';
import { panelHtml, webviewRoots } from '../webview/panelHtml';

/** What the panel needs from the rest of the extension. */
export interface GraphPanelHost {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  client(): Promise<LanguageClient>;
  /** The run to draw for this document's flow, if any (recomputed on every call). */
  runFor(doc: vscode.TextDocument, graph: FlowGraph): Promise<RunOnGraph | null>;
  onDidPanelClose(panel: GraphPanel): void;
}

/** What the view last reported drawing (read by tests). */
export interface RenderedState {
  version: number;
  nodes: number;
  badges: number;
  runNodes: number;
  scale: number;
}

const REFRESH_DELAY_MS = 120;

function strings(): GraphStrings {
  return {
    missing: vscode.l10n.t('missing'),
    fit: vscode.l10n.t('Fit to window (0)'),
    zoomIn: vscode.l10n.t('Zoom in (+)'),
    zoomOut: vscode.l10n.t('Zoom out (-)'),
    exportSvg: vscode.l10n.t('Export as SVG'),
    exportPng: vscode.l10n.t('Export as PNG'),
    addAfter: vscode.l10n.t('Add state after'),
    delete: vscode.l10n.t('Delete'),
    rename: vscode.l10n.t('Rename'),
    input: vscode.l10n.t('Input'),
    output: vscode.l10n.t('Output'),
    empty: vscode.l10n.t('No states yet: add one to the text and it appears here.'),
    help: vscode.l10n.t('Arrows move · Enter reveals · F2 renames · Del deletes · Insert adds'),
    helpReadOnly: vscode.l10n.t('Arrows move · Enter reveals'),
    dragHint: vscode.l10n.t('Drag onto another state to point this edge there'),
    // the view puts the branch's number in place of {0}
    branch: vscode.l10n.t('branch {0}', '{0}'),
  };
}

export class GraphPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private graph: GraphResult | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The view's last report of what it drew. */
  rendered: RenderedState | undefined;
  /** The node the cursor is in, as last sent to the view. */
  highlighted: string | null = null;
  /** Where the next export goes (tests set it to skip the save dialog). */
  exportTarget: vscode.Uri | undefined;
  private readonly exported = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidExport = this.exported.event;
  /** The last run sent to the view. */
  run: RunOnGraph | null = null;

  /** The graph last received from the language server. */
  get lastGraph(): GraphResult | undefined {
    return this.graph;
  }

  constructor(readonly document: vscode.TextDocument, private readonly host: GraphPanelHost, column: vscode.ViewColumn) {
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    this.panel = vscode.window.createWebviewPanel('flowdeck.graph', vscode.l10n.t('Graph: {0}', name), { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: webviewRoots(host.extensionUri),
    });
    this.panel.webview.html = panelHtml(this.panel.webview, host.extensionUri, { view: 'graph', title: name, withStyle: true });
    const uri = document.uri.toString();
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: FromView) => void this.onMessage(m).catch((err: unknown) => this.fail(err))),
      vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === uri && this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri) && this.schedule()),
      vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor.document.uri.toString() === uri && this.followCursor(e.selections[0]?.active)),
    );
  }

  private fail(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.host.log.error(`graph view of ${this.document.uri.toString()}: ${message}`);
  }

  private post(message: ToView): void {
    void this.panel.webview.postMessage(message).then(undefined, (err: unknown) => this.fail(err));
  }

  /** Asks for a fresh graph soon (edits arrive in bursts while typing). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh().catch((err: unknown) => this.fail(err));
    }, REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    if (!this.ready) return;
    const client = await this.host.client();
    const result = await client.sendRequest(GraphRequest, { textDocument: { uri: this.document.uri.toString() } });
    if (!result) return;
    this.graph = result;
    this.post({ type: 'graph', version: result.version, graph: result.graph, problems: this.problems(result.graph), editable: result.stateTypes.length > 0 });
    await this.refreshRun();
    const active = vscode.window.activeTextEditor;
    if (active?.document === this.document) this.followCursor(active.selection.active);
  }

  async refreshRun(): Promise<void> {
    if (!this.graph) return;
    this.run = await this.host.runFor(this.document, this.graph.graph);
    this.post({ type: 'run', run: this.run });
  }

  /** Diagnostics by the innermost node whose state holds them. */
  private problems(graph: FlowGraph): Record<string, NodeProblem[]> {
    const out: Record<string, NodeProblem[]> = {};
    for (const d of vscode.languages.getDiagnostics(this.document.uri)) {
      if (d.severity !== vscode.DiagnosticSeverity.Error && d.severity !== vscode.DiagnosticSeverity.Warning) continue;
      const node = innermostAt(graph.nodes, d.range.start);
      if (!node) continue;
      (out[node.id] ??= []).push({ severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning', message: d.message });
    }
    return out;
  }

  private followCursor(position: vscode.Position | undefined): void {
    if (!position || !this.graph) return;
    const id = innermostAt(this.graph.graph.nodes, position)?.id ?? null;
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.post({ type: 'highlight', id });
  }

  private node(id: string): GraphNode | undefined {
    return this.graph?.graph.nodes.find((n) => n.id === id);
  }

  /** Shows the state's text in the editor beside the graph, cursor on the state. */
  async reveal(id: string): Promise<vscode.TextEditor | undefined> {
    const node = this.node(id);
    if (!node) return undefined;
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const start = new vscode.Position(node.range.start.line, node.range.start.character);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** Runs one shaping action: the server computes the edit, the workspace applies it (undoable). */
  async shape(action: GraphEditAction): Promise<boolean> {
    if (!this.graph) return false;
    const client = await this.host.client();
    const result = await client.sendRequest(GraphEditRequest, { textDocument: { uri: this.document.uri.toString() }, version: this.graph.version, action });
    if (!result) return false;
    if (result.error || !result.edit) {
      void vscode.window.showWarningMessage(result.error ?? vscode.l10n.t('The graph could not make this change.'));
      return false;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
    return vscode.workspace.applyEdit(edit);
  }

  async addAfter(id: string, type?: string): Promise<boolean> {
    const types = this.graph?.stateTypes ?? [];
    const picked = type ?? (await vscode.window.showQuickPick([...types], { title: vscode.l10n.t('Add a state after {0}', this.node(id)?.name ?? id), placeHolder: vscode.l10n.t('State type') }));
    return picked ? this.shape({ kind: 'addAfter', id, type: picked }) : false;
  }

  async rename(id: string, newName?: string): Promise<boolean> {
    const node = this.node(id);
    if (!node) return false;
    const name = newName ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename {0}', node.name),
      value: node.name,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A state needs a name.') : undefined),
    }));
    return name && name !== node.name ? this.shape({ kind: 'rename', id, newName: name }) : false;
  }

  private async onMessage(m: FromView): Promise<void> {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const name = this.document.uri.path.slice(this.document.uri.path.lastIndexOf('/') + 1);
        this.post({ type: 'init', strings: strings(), fileName: name });
        await this.refresh();
        break;
      }
      case 'reveal':
        await this.reveal(m.id);
        break;
      case 'selected':
        break;
      case 'addAfter':
        await this.addAfter(m.id);
        break;
      case 'delete':
        await this.shape({ kind: 'delete', id: m.id });
        break;
      case 'rename':
        await this.rename(m.id);
        break;
      case 'reconnect':
        if (this.graph && m.version === this.graph.version) await this.shape({ kind: 'reconnect', edge: m.edge, to: m.to });
        break;
      case 'exported':
        await this.saveExport(m.format, m.data);
        break;
      case 'rendered':
        this.rendered = { version: m.version, nodes: m.nodes, badges: m.badges, runNodes: m.runNodes, scale: m.scale };
        break;
    }
  }

  /** Asks the view for an export; it answers with the data, saved where the user says. */
  requestExport(format: 'svg' | 'png', target?: vscode.Uri): void {
    this.exportTarget = target;
    this.post({ type: 'exportImage', format });
  }

  private async saveExport(format: 'svg' | 'png', data: string): Promise<void> {
    let target = this.exportTarget;
    this.exportTarget = undefined;
    if (!target) {
      const base = this.document.uri.with({ path: this.document.uri.path.replace(FLOW_FILE_SUFFIX, '') + `.graph.${format}` });
      target = await vscode.window.showSaveDialog({ defaultUri: base, filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] } });
      if (!target) return;
    }
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    this.exported.fire(target);
  }

  select(id: string): void {
    this.post({ type: 'select', id });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.exported.dispose();
    this.host.onDidPanelClose(this);
  }
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);

/** The deepest node whose range holds the position (nodes come parent first). */
export function innermostAt(nodes: readonly GraphNode[], p: { line: number; character: number }): GraphNode | undefined {
  let found: GraphNode | undefined;
  for (const n of nodes) if (before(n.range.start, p) && before(p, n.range.end)) found = n;
  return found;
}
