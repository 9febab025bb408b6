// Shows, beside each state of an open flow file, what that state did in the flow's latest tailed
// execution: `✓ 12 ms`, `✗ FC.Error: cause`, `… running`. It follows the tail as events arrive.
// The file of a flow is the one saved under that flow name in .flowdeck/flows.json, else any
// open definition whose own `Name` is the flow's. States are found through the language
// server's document symbols, so nothing here parses a flow.
import * as vscode from 'vscode';
import { isFdlLanguage } from '../../language/languages';
import { workspaceDirFor } from '../workspace/definition';
import { getDeploySettings } from '../../../../cloud/src/fnf';
import { declaredFlowName } from '../workspace/flowText';
import { describeStateRun, stateRuns, type RunStatusLabels, type StateRunStatus } from './runStatus';
import type { TailManager } from '../tail';

/** Redraws at most this often while events stream in. */
const REFRESH_DELAY_MS = 150;

function decorationType(color: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor(color) },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/** The run status words in the user's language; the graph adds its own beside them. */
export function runStatusLabels(): RunStatusLabels {
  return {
    running: vscode.l10n.t('running'),
    runs: (count) => vscode.l10n.t('{0} runs', count),
    failed: vscode.l10n.t('failed'),
    didNotFinish: vscode.l10n.t('did not finish'),
  };
}

export class RunOverlay implements vscode.Disposable {
  private readonly types: Record<StateRunStatus, vscode.TextEditorDecorationType> = {
    succeeded: decorationType('testing.iconPassed'),
    failed: decorationType('testing.iconFailed'),
    running: decorationType('editorCodeLens.foreground'),
    stopped: decorationType('testing.iconSkipped'),
  };
  /** What each open document shows, state name -> note (read by tests). */
  private readonly shown = new Map<string, Map<string, string>>();
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly tails: TailManager) {
    this.subscriptions = [
      tails.onDidAppendEvent(() => this.schedule()),
      tails.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
    ];
    this.schedule();
  }

  /** The notes shown in `uri`'s editors, by state name. */
  notesFor(uri: vscode.Uri): ReadonlyMap<string, string> {
    return this.shown.get(uri.toString()) ?? new Map();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh().catch(() => undefined); // a closed editor or a busy server: the next event redraws
    }, REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      if (!isFdlLanguage(doc.languageId)) continue;
      const flowName = await flowNameOf(doc);
      const session = flowName === undefined ? undefined : this.tails.latestFor(flowName);
      if (!session || session.events.length === 0) continue;
      const runs = stateRuns(session.events);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      const byStatus: Record<StateRunStatus, vscode.DecorationOptions[]> = { succeeded: [], failed: [], running: [], stopped: [] };
      const notes = new Map<string, string>();
      const text = runStatusLabels();
      for (const symbol of flatten(symbols ?? [])) {
        if (symbol.kind === vscode.SymbolKind.Namespace) continue; // a Parallel branch, not a state
        const run = runs.get(symbol.name);
        if (!run) continue;
        const note = describeStateRun(run, text);
        notes.set(symbol.name, note);
        const line = doc.lineAt(symbol.selectionRange.start.line);
        byStatus[run.status].push({ range: line.range.with(line.range.end, line.range.end), renderOptions: { after: { contentText: note } } });
      }
      for (const status of Object.keys(byStatus) as StateRunStatus[]) editor.setDecorations(this.types[status], byStatus[status]);
      this.shown.set(doc.uri.toString(), notes);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}

/** The flow a definition file is deployed as: its saved name, else the name it declares. */
export async function flowNameOf(doc: vscode.TextDocument): Promise<string | undefined> {
  const dir = workspaceDirFor(doc.uri);
  const saved = dir && doc.uri.scheme === 'file' ? await getDeploySettings(dir, doc.uri.fsPath) : undefined;
  return saved?.name ?? declaredFlowName(doc.getText());
}

function* flatten(symbols: readonly vscode.DocumentSymbol[]): Generator<vscode.DocumentSymbol> {
  for (const s of symbols) {
    yield s;
    yield* flatten(s.children);
  }
}
