// One FnfClient per target connection, shared by deploy, start, tail and the sidebar so that all
// of them draw from the same client-side token buckets (the service's documented rate limits).
import type * as vscode from 'vscode';
import { FnfClient } from '../../../cloud/src/fnf';
import { targetLabel, type TargetConnection, type Targets } from './targets';

export interface ConnectedClient {
  readonly client: FnfClient;
  readonly connection: TargetConnection;
  /** "Local emulator" / "Alibaba Cloud (cn-hangzhou)". */
  readonly label: string;
}

export class ClientPool implements vscode.Disposable {
  private readonly clients = new Map<string, FnfClient>();

  constructor(
    private readonly targets: Targets,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The client of the current target (starting the local emulator on first use). */
  async current(): Promise<ConnectedClient> {
    const connection = await this.targets.connect();
    let client = this.clients.get(connection.key);
    if (!client) {
      client = new FnfClient({ endpoint: connection.endpoint, region: connection.region, credentials: connection.credentials });
      this.clients.set(connection.key, client);
      this.log.info(`Using ${targetLabel(connection.target)} at ${connection.endpoint}`);
    }
    return { client, connection, label: targetLabel(connection.target) };
  }

  dispose(): void {
    for (const c of this.clients.values()) void c.close().catch(() => undefined);
    this.clients.clear();
  }
}
