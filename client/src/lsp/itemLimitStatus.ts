// When the language server cut a long flow's outline or folding to its limit, the language status
// of that flow's editor says so, with a link to the setting that raises the limit (as VS Code's own
// JSON support does).
import * as vscode from 'vscode';
import { MAX_ITEMS_SETTING, type ItemsLimitedParams, type LimitedFeature } from '../../../server/src/lsp/protocol';

/** What each limited list is called, and the setting that sets its limit. */
const FEATURES: Record<LimitedFeature, { name: string; text: string; detail: (limit: string) => string; setting: string }> = {
  outline: {
    name: vscode.l10n.t('Flowdeck Outline Limit'),
    text: vscode.l10n.t('Outline'),
    detail: (limit) => vscode.l10n.t('only the first {0} symbols, to keep edits fast', limit),
    setting: MAX_ITEMS_SETTING,
  },
  folding: {
    name: vscode.l10n.t('Flowdeck Folding Limit'),
    text: vscode.l10n.t('Folding'),
    detail: (limit) => vscode.l10n.t('only the first {0} regions, to keep edits fast', limit),
    setting: 'editor.foldingMaximumRegions',
  },
};

export class ItemLimitStatus implements vscode.Disposable {
  /** Per document URI, the limit each cut list stopped at. */
  private readonly limits = new Map<string, Map<LimitedFeature, number>>();
  private shown: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.show()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.limits.delete(doc.uri.toString())) this.show();
      }),
    ];
  }

  /** The server's notice about one document's list. */
  update({ uri, feature, limit }: ItemsLimitedParams): void {
    const features = this.limits.get(uri) ?? new Map<LimitedFeature, number>();
    if (limit === null) features.delete(feature);
    else features.set(feature, limit);
    if (features.size > 0) this.limits.set(uri, features);
    else this.limits.delete(uri);
    this.show();
  }

  /** The limits the document's cut lists stopped at. */
  limitsOf(uri: vscode.Uri): Partial<Record<LimitedFeature, number>> {
    return Object.fromEntries(this.limits.get(uri.toString()) ?? []);
  }

  /** Forgets every notice (a restarted server sends its own). */
  clear(): void {
    this.limits.clear();
    this.show();
  }

  /** The cut lists of the active editor's document, as language status items of its language. */
  private show(): void {
    this.shown.forEach((d) => d.dispose());
    this.shown = [];
    const doc = vscode.window.activeTextEditor?.document;
    const features = doc ? this.limits.get(doc.uri.toString()) : undefined;
    if (!doc || !features) return;
    for (const [feature, limit] of features) {
      const f = FEATURES[feature];
      const item = vscode.languages.createLanguageStatusItem(`flowdeck.limit.${feature}`, { language: doc.languageId });
      item.name = f.name;
      item.severity = vscode.LanguageStatusSeverity.Warning;
      item.text = f.text;
      item.detail = f.detail(limit.toLocaleString('en'));
      item.command = { title: vscode.l10n.t('Configure'), command: 'workbench.action.openSettings', arguments: [f.setting] };
      this.shown.push(item);
    }
  }

  dispose(): void {
    this.shown.forEach((d) => d.dispose());
    this.subscriptions.forEach((d) => d.dispose());
  }
}
