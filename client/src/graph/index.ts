// "Flowdeck: Show Graph" (editor title button, CodeLens, palette) and "Show Run on Graph" (an
// execution in the Executions view): one graph view per flow document, kept in step with the
// text and with the flow's tailed execution.
import * as vscode from 'vscode';
import type { FlowGraph } from '../../../server/src/lsp/protocol';
import type { RunOnGraph } from '../../../webview/graph/protocol';
import type { ExecutionFeatures } from '../execution';
import { CommandIds } from '../commands/ids';
import { isTerminalEvent } from '../../../cloud/src/fnf/eventFormat';
import { executionRefOf, type ExecutionRef } from '../execution/commands/executionRef';
import { flowNameOf, runStatusLabels } from '../execution/views/runOverlay';
import type { TailSession } from '../execution/tail';
import type { FlowServer } from '../lsp';
import { FDL_LANGUAGES } from '../language/languages';
import { isBlank, rootLine } from '../language/contentLines';
import { GraphPanel } from './graphPanel';
import { runOnGraph, type GraphRunLabels } from './graphRun';

/** Languages whose documents have a graph. */
export const GRAPH_LANGUAGES = [...FDL_LANGUAGES, 'whatsapp-flow'] as const;

export interface GraphFeatures {
  /** The open graph views by document URI. */
  readonly panels: ReadonlyMap<string, GraphPanel>;
  show(doc: vscode.TextDocument): GraphPanel;
  /** "Show Graph": of a Uri, `{ uri }` or the active editor. */
  showGraph(arg?: unknown): Promise<GraphPanel | undefined>;
  /** "Show Run on Graph": an execution of the Executions view drawn on its flow's graph. */
  showRunOnGraph(arg?: unknown): Promise<GraphPanel | undefined>;
}

function runLabels(): GraphRunLabels {
  return {
    ...runStatusLabels(),
    iterations: (count) => vscode.l10n.t('{0} iterations', count),
    branches: (ran, total) => vscode.l10n.t('{0} of {1} branches', ran, total),
  };
}

function executionStatus(session: TailSession): string {
  const last = session.events[session.events.length - 1];
  if (!last || !isTerminalEvent(last.Type)) return vscode.l10n.t('running');
  return last.Type.replace(/^Execution/, '').toLowerCase();
}

export function registerGraphFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, server: FlowServer, execution: ExecutionFeatures | undefined): GraphFeatures {
  const panels = new Map<string, GraphPanel>();
  /** An execution chosen from the Executions view, drawn instead of the flow's latest one. */
  const pinned = new Map<string, ExecutionRef>();

  const runFor = async (doc: vscode.TextDocument, graph: FlowGraph): Promise<RunOnGraph | null> => {
    if (!execution) return null;
    const pin = pinned.get(doc.uri.toString());
    const flowName = pin?.flowName ?? (await flowNameOf(doc));
    if (flowName === undefined) return null;
    const session = pin ? execution.tails.get(pin.flowName, pin.executionName) : execution.tails.latestFor(flowName);
    if (!session || session.events.length === 0) return null;
    return runOnGraph(graph, session.events, session.executionName, executionStatus(session), runLabels());
  };

  const show = (doc: vscode.TextDocument): GraphPanel => {
    const key = doc.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = new GraphPanel(doc, {
      extensionUri: context.extensionUri,
      log,
      client: () => server.ready(),
      runFor,
      onDidPanelClose: (p) => {
        if (panels.get(key) === p) panels.delete(key);
        pinned.delete(key);
      },
    }, vscode.ViewColumn.Beside);
    panels.set(key, panel);
    return panel;
  };

  const documentOf = async (arg: unknown): Promise<vscode.TextDocument | undefined> => {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const uri = arg && typeof arg === 'object' && (arg as { uri?: unknown }).uri instanceof vscode.Uri ? (arg as { uri: vscode.Uri }).uri : undefined;
    if (uri) return vscode.workspace.openTextDocument(uri);
    return vscode.window.activeTextEditor?.document;
  };

  // Redraw runs as events stream in (at most every 150 ms, like the text overlay).
  let runTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRuns = (): void => {
    if (runTimer) return;
    runTimer = setTimeout(() => {
      runTimer = undefined;
      for (const p of panels.values()) void p.refreshRun().catch((err: unknown) => log.warn(`graph run: ${String(err)}`));
    }, 150);
  };

  const showGraph = async (arg?: unknown): Promise<GraphPanel | undefined> => {
    const doc = await documentOf(arg);
    if (!doc) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a flow file to see its graph.'));
      return undefined;
    }
    return show(doc);
  };
  const showRunOnGraph = async (arg?: unknown): Promise<GraphPanel | undefined> => {
    const ref = executionRefOf(arg);
    if (!ref) return undefined;
    // the tail fetches the whole history (and follows a running execution to its end)
    await vscode.commands.executeCommand(CommandIds.tailExecution, { ...ref, reveal: false });
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(CommandIds.openDefinition, { flowName: ref.flowName });
    if (!editor) return undefined;
    pinned.set(editor.document.uri.toString(), ref);
    const panel = show(editor.document);
    await panel.refreshRun();
    return panel;
  };

  const features: GraphFeatures = { panels, show, showGraph, showRunOnGraph };
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(GRAPH_LANGUAGES.flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]), {
      provideCodeLenses: (document) => {
        if (isBlank(document)) return [];
        const line = rootLine(document);
        return [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: `$(type-hierarchy) ${vscode.l10n.t('Show Graph')}`,
          command: CommandIds.showGraph,
          arguments: [document.uri],
          tooltip: vscode.l10n.t('Show this flow as a graph beside the text'),
        })];
      },
    }),
    { dispose: () => { if (runTimer) clearTimeout(runTimer); for (const p of [...panels.values()]) p.panel.dispose(); } },
  );
  if (execution) {
    context.subscriptions.push(execution.tails.onDidAppendEvent(scheduleRuns), execution.tails.onDidChange(scheduleRuns));
  }
  return features;
}

