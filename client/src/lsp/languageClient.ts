// Builds the language client: the server bundle (dist/server.js) runs in its own Node process,
// started from a code cache by dist/serverStart.js and reached over IPC, for the three flow languages.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { FLOW_LANGUAGES } from '../language/languages';
import { MAX_ITEMS_SETTING } from '../../../server/src/lsp/protocol';

/** `flowdeck` is also the prefix of the `flowdeck.trace.server` setting the client reads itself. */
export const CLIENT_ID = 'flowdeck';
export const CLIENT_NAME = 'Flowdeck Language Server';

export interface ClientHooks {
  /** Called for every publishDiagnostics notification, before VS Code shows it. */
  onDiagnostics(uri: vscode.Uri, count: number): void;
  /** Called when the server cannot be initialised; the client then stays stopped. */
  onInitializationFailed(error: unknown): void;
}

export const documentSelector = FLOW_LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

export function createLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  hooks: ClientHooks,
): LanguageClient {
  // The server runs from a code cache kept in the extension's own storage: a start then skips
  // compiling its bundle (server/src/lsp/codeCache.ts). The client adds `env` to its own.
  const cacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'server-code-cache').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: context.asAbsolutePath('dist/serverStart.js'), transport: TransportKind.ipc, options: { env: { FLOWDECK_CODE_CACHE_DIR: cacheDir } } },
    // "Attach to Server" in .vscode/launch.json attaches to this port; the bundle itself, for its source map
    debug: { module: context.asAbsolutePath('dist/server.js'), transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: log,
    traceOutputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // the one setting the server reads: sent at start and whenever it changes
    synchronize: { configurationSection: MAX_ITEMS_SETTING },
    initializationFailedHandler: (error) => {
      hooks.onInitializationFailed(error);
      return false;
    },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        hooks.onDiagnostics(uri, diagnostics.length);
        next(uri, diagnostics);
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
