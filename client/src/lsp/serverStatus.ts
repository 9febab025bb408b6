// A language status item (shown next to the language of a flow document) with the server's
// state; clicking it opens the "Flowdeck" output.
import * as vscode from 'vscode';
import { CommandIds } from '../commands/ids';
import { documentSelector } from './languageClient';

export type ServerState = 'idle' | 'starting' | 'running' | 'stopped' | 'failed';


export class ServerStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('flowdeck.server', documentSelector);

  constructor() {
    this.item.name = vscode.l10n.t('Flowdeck Language Server');
    this.item.command = { title: vscode.l10n.t('Open Output'), command: CommandIds.showOutput };
    this.show('idle');
  }

  show(state: ServerState, detail?: string): void {
    const texts: Record<ServerState, string> = {
      idle: vscode.l10n.t('Flowdeck: not started'),
      starting: vscode.l10n.t('Flowdeck: starting'),
      running: vscode.l10n.t('Flowdeck: ready'),
      stopped: vscode.l10n.t('Flowdeck: stopped'),
      failed: vscode.l10n.t('Flowdeck: failed'),
    };
    this.item.text = texts[state];
    this.item.busy = state === 'starting';
    this.item.severity =
      state === 'failed' || state === 'stopped'
        ? vscode.LanguageStatusSeverity.Error
        : vscode.LanguageStatusSeverity.Information;
    this.item.detail = detail;
  }

  dispose(): void {
    this.item.dispose();
  }
}
