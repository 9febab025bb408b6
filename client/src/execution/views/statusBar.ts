// The status bar item that shows where flows go (emulator or Alibaba Cloud + region) and switches it.
import * as vscode from 'vscode';
import { targetLabel, type Target, type Targets } from '../../connections';
import { CommandIds } from '../../commands/ids';
import { ContextKeys } from '../viewIds';
import type { TailManager } from '../tail';

export function createTargetStatusItem(targets: Targets): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('flowdeck.target', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Flowdeck target');
  item.command = CommandIds.selectTarget;
  const show = (t: Target): void => {
    item.text = `${t.kind === 'emulator' ? '$(server-environment)' : '$(cloud)'} ${targetLabel(t)}`;
    const endpoint = t.endpointOverride ? `\n\n${vscode.l10n.t('Endpoint: {0}', t.endpointOverride)}` : '';
    item.tooltip = new vscode.MarkdownString(`${vscode.l10n.t('Flowdeck deploys and runs flows on: {0}', targetLabel(t))}${endpoint}\n\n${vscode.l10n.t('Click to switch.')}`);
  };
  show(targets.current());
  item.show();
  const sub = targets.onDidChange(show);
  return vscode.Disposable.from(item, sub);
}

/** While executions are tailed: "$(sync~spin) Tailing 2"; clicking it stops one. */
export function createTailingStatusItem(tails: TailManager): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('flowdeck.tailing', vscode.StatusBarAlignment.Left, 9);
  item.name = vscode.l10n.t('Flowdeck tails');
  item.command = CommandIds.stopTailing;
  const update = (): void => {
    const active = tails.active();
    void vscode.commands.executeCommand('setContext', ContextKeys.tailing, active.length > 0);
    if (active.length === 0) {
      item.hide();
      return;
    }
    item.text = `$(sync~spin) ${vscode.l10n.t('Tailing {0}', active.length)}`;
    item.tooltip = `${active.map((s) => `${s.flowName} / ${s.executionName}`).join('\n')}\n\n${vscode.l10n.t('Click to stop tailing.')}`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, tails.onDidChange(update));
}
