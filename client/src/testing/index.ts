// Flow tests in VS Code's Testing view: every `*.flowtest.yaml` of the workspace and its cases,
// kept up to date as files change; Run, Debug and Coverage profiles over the same runner as
// `flowdeck test`.
import * as vscode from 'vscode';
import { debugCase, flowDebuggerAvailable } from './debug';
import { TestItems } from './items';
import { runCases, type RunResult } from './run';
import { registerStateNameCompletion } from './stateCompletion';

export const CONTROLLER_ID = 'flowdeck.flowTests';
const TEST_FILES = '**/*.flowtest.{yaml,yml}';

/** What the Testing features expose to the rest of the extension and to tests. */
export interface FlowTesting {
  readonly controller: vscode.TestController;
  readonly items: TestItems;
  /** Finds every test file of the workspace again. */
  discover(): Promise<void>;
  /** The last completed run of any profile. */
  lastRun(): RunResult | undefined;
}

export function registerFlowTesting(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): FlowTesting {
  const controller = vscode.tests.createTestController(CONTROLLER_ID, vscode.l10n.t('Flow Tests'));
  const items = new TestItems(controller);
  let last: RunResult | undefined;

  const load = async (uri: vscode.Uri): Promise<void> => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    items.update(uri, text);
  };
  const discover = async (): Promise<void> => {
    const uris = await vscode.workspace.findFiles(TEST_FILES, '**/node_modules/**');
    await Promise.all(uris.map((u) => load(u).catch((e: unknown) => log.warn(`flow tests in ${u.fsPath}: ${String(e)}`))));
  };
  controller.resolveHandler = async (item) => {
    if (!item) await discover();
  };
  controller.refreshHandler = () => discover();

  const run = (coverage: boolean) => async (request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> => {
    last = await runCases(request, controller.createTestRun(request), items, token, { coverage });
  };
  controller.createRunProfile(vscode.l10n.t('Run'), vscode.TestRunProfileKind.Run, run(false), true);
  const coverageProfile = controller.createRunProfile(vscode.l10n.t('Run with Coverage'), vscode.TestRunProfileKind.Coverage, run(true), true);
  coverageProfile.loadDetailedCoverage = async (_run, file) => last?.coverage.get(file.uri.toString()) ?? [];
  controller.createRunProfile(
    vscode.l10n.t('Debug'),
    vscode.TestRunProfileKind.Debug,
    async (request, token) => {
      if (flowDebuggerAvailable()) {
        for (const item of items.casesOf(request.include ?? items.all(), request.exclude ?? [])) {
          const d = items.data.get(item);
          if (d?.kind === 'case') await debugCase(d.path, d.flowPath, d.testCase);
        }
        return;
      }
      last = await runCases(request, controller.createTestRun(request), items, token, {
        coverage: false,
        note: vscode.l10n.t('No flow debugger is installed, so the case ran without debugging.'),
      });
    },
    true,
  );

  const watcher = vscode.workspace.createFileSystemWatcher(TEST_FILES);
  const reload = (uri: vscode.Uri): void => void load(uri).catch((e: unknown) => log.warn(`flow tests in ${uri.fsPath}: ${String(e)}`));
  context.subscriptions.push(
    controller,
    registerStateNameCompletion(),
    watcher,
    watcher.onDidCreate(reload),
    watcher.onDidChange(reload),
    watcher.onDidDelete((uri) => items.remove(uri)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (/\.flowtest\.ya?ml$/i.test(e.document.uri.fsPath)) items.update(e.document.uri, e.document.getText());
    }),
  );
  void discover().catch((e: unknown) => log.warn(`flow test discovery: ${String(e)}`));
  return { controller, items, discover, lastRun: () => last };
}
