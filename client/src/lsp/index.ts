// Owns the language client for the window: started on the first flow document (never just
// because a YAML/JSON file was opened for sniffing), restarted on request, stopped on
// deactivation. Other features reach the server only through `sendNotification` here.
import * as vscode from 'vscode';
import { State, type LanguageClient, type NotificationType } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { ServerStatus } from './serverStatus';
import { ItemLimitStatus } from './itemLimitStatus';
import { ItemsLimitedNotification, type LimitedFeature } from '../../../server/src/lsp/protocol';
import { isFlowLanguage } from '../language/languages';
import { reportError } from '../log';

/** How many publishDiagnostics notifications arrived for a document, and when the last did. */
export interface PublishedDiagnostics {
  count: number;
  lastCount: number;
  at: number;
}

export class FlowServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly status = new ServerStatus();
  private readonly limitStatus = new ItemLimitStatus();
  private readonly published = new Map<string, PublishedDiagnostics>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.status,
      this.limitStatus,
      vscode.workspace.onDidOpenTextDocument((doc) => this.startFor(doc)),
    );
    vscode.workspace.textDocuments.forEach((doc) => this.startFor(doc));
  }

  /** The running client, or undefined before the first flow document or after a failure. */
  get languageClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** Starts the server if needed and resolves once it answered `initialize`. */
  ready(): Promise<LanguageClient> {
    this.starting ??= this.start();
    return this.starting;
  }

  /** Sends a notification once the server runs (starting it if needed). */
  async sendNotification<P>(type: NotificationType<P>, params: P): Promise<void> {
    const client = await this.ready();
    await client.sendNotification(type, params);
  }

  diagnosticsPublished(uri: vscode.Uri): PublishedDiagnostics | undefined {
    return this.published.get(uri.toString());
  }

  /** Where the server cut the document's outline and folding (what the language status shows). */
  itemLimits(uri: vscode.Uri): Partial<Record<LimitedFeature, number>> {
    return this.limitStatus.limitsOf(uri);
  }

  async restart(): Promise<void> {
    const previous = this.starting;
    this.starting = undefined;
    this.client = undefined;
    const old = await previous?.catch(() => undefined);
    await old?.dispose().catch((e: unknown) => this.log.warn(`stopping the language server: ${String(e)}`));
    await this.ready().catch(() => undefined);
  }

  async dispose(): Promise<void> {
    this.disposables.forEach((d) => d.dispose());
    const client = this.client;
    this.client = undefined;
    await client?.dispose();
  }

  private startFor(doc: vscode.TextDocument): void {
    if (this.starting || !isFlowLanguage(doc.languageId)) return;
    // failures are reported inside start(); nothing else to do here
    this.ready().catch(() => undefined);
  }

  private async start(): Promise<LanguageClient> {
    this.status.show('starting');
    this.limitStatus.clear();
    const client = createLanguageClient(this.context, this.log, {
      onDiagnostics: (uri, count) => {
        const key = uri.toString();
        this.published.set(key, { count: (this.published.get(key)?.count ?? 0) + 1, lastCount: count, at: Date.now() });
      },
      onInitializationFailed: (error) =>
        reportError(this.log, vscode.l10n.t('The Flowdeck language server could not start'), error),
    });
    this.client = client;
    client.onNotification(ItemsLimitedNotification, (p) => this.limitStatus.update(p));
    client.onDidChangeState(({ newState }) => {
      if (this.client !== client) return;
      if (newState === State.Running) this.status.show('running');
      else if (newState === State.Starting) this.status.show('starting');
      else
        this.status.show(
          'stopped',
          vscode.l10n.t('Run "Flowdeck: Restart Language Server" or open the output for details.'),
        );
    });
    try {
      const started = Date.now();
      await client.start();
      this.log.info(`language server ready in ${Date.now() - started} ms`);
      this.status.show('running');
      return client;
    } catch (error) {
      this.status.show('failed', error instanceof Error ? error.message : String(error));
      reportError(this.log, vscode.l10n.t('The Flowdeck language server could not start'), error);
      throw error;
    }
  }
}
