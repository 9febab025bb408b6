// Every connection the extension makes to a service, from one place: the fnf target (local
// emulator or Alibaba Cloud) with its credentials, and the CAMS and CynosDB clients, which
// follow the current target to the same local emulator. Settings come only through config.ts.
import * as vscode from 'vscode';
import { CamsConnections } from './cams';
import { CredentialStore } from './credentials';
import { CynosdbConnections } from './cynosdb';
import { EmulatorHost } from './emulatorHost';
import { ClientPool } from './fnfClients';
import type { LocalEmulatorEndpoint } from './localEmulator';
import { Targets } from './targets';

export type { CamsConnection, CamsConnections, CamsTargetArgs } from './cams';
export type { CynosdbConnection, CynosdbConnections, CynosdbTargetArgs } from './cynosdb';
export { promptAndStoreCredentials, type CredentialStore, type StoredCredentials } from './credentials';
export type { EmulatorConnection, EmulatorHost } from './emulatorHost';
export type { ClientPool, ConnectedClient } from './fnfClients';
export type { LocalEmulatorEndpoint } from './localEmulator';
export { currentTarget, targetLabel, type Target, type TargetConnection, type TargetKind, type Targets } from './targets';

export class Connections implements vscode.Disposable {
  readonly emulator: EmulatorHost;
  readonly credentials: CredentialStore;
  readonly targets: Targets;
  /** fnf clients of the current target. */
  readonly fnf: ClientPool;
  readonly cams: CamsConnections;
  readonly cynosdb: CynosdbConnections;

  constructor(context: vscode.ExtensionContext, log: vscode.LogOutputChannel) {
    const workspaceDir = (): string | undefined => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    this.emulator = new EmulatorHost(context.globalStorageUri, log, workspaceDir);
    this.credentials = new CredentialStore(context.secrets);
    this.targets = new Targets(this.emulator, this.credentials);
    this.fnf = new ClientPool(this.targets, log);
    this.cams = new CamsConnections(this.localEmulator);
    this.cynosdb = new CynosdbConnections(this.localEmulator);
  }

  /** The local emulator's endpoint while it is the current target (started on first need). */
  readonly localEmulator: LocalEmulatorEndpoint = async () =>
    this.targets.current().kind === 'emulator' ? (await this.emulator.connection()).endpoint : undefined;

  dispose(): void {
    this.fnf.dispose();
    this.targets.dispose();
    this.credentials.dispose();
    this.emulator.dispose();
  }
}
