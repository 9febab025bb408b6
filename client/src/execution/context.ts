// Everything the execution commands share, created once per window by registerExecutionFeatures.
import type * as vscode from 'vscode';
import type { ClientPool } from './clients';
import type { CredentialStore } from './credentials';
import type { EmulatorHost } from './emulatorHost';
import type { ServiceDiagnostics } from './serviceDiagnostics';
import type { TailManager } from './tail';
import type { Targets } from './targets';
import type { ExecutionsTreeProvider } from './tree/provider';
import type { ExecutionMode } from './deploySettings';

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
