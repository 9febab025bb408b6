// Everything the execution commands share, created once per window by registerExecutionFeatures.
import type * as vscode from 'vscode';
import type { ClientPool, CredentialStore, EmulatorHost, Targets } from '../connections';
import type { ServiceDiagnostics } from './views/serviceDiagnostics';
import type { TailManager } from './tail';
import type { ExecutionsTreeProvider } from './views/tree/provider';
import type { ExecutionMode } from '../../../cloud/src/fnf';

/** Optional links to other parts of the extension, passed by activation. */
export interface ExecutionFeatureHooks {
  /** Tells the language server a file's execution mode (the `flowdeck/flowSettings` notification). */
  notifyFlowSettings?(uri: vscode.Uri, settings: { executionMode: ExecutionMode }): Promise<void>;
}

export interface ExecutionContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly emulator: EmulatorHost;
  readonly credentials: CredentialStore;
  readonly targets: Targets;
  readonly clients: ClientPool;
  readonly tails: TailManager;
  readonly tree: ExecutionsTreeProvider;
  readonly serviceDiagnostics: ServiceDiagnostics;
  readonly hooks: ExecutionFeatureHooks;
}
